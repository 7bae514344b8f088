// The search results: one button a found article, best first, with its
// title, a snippet (the core escapes its text; only <mark> is markup) and
// its number of hits; choosing one goes to its first hit.

import { $, el } from "./dom.js";

export function results(view) {
  const { state } = view;
  const section = $("results");
  const list = $("result-list");
  // Each article's summary, by page and article, for the titles: made
  // when results need it after the contents changed.
  let summaries = null;
  view.on("pages", () => (summaries = null));
  const summary = (page, article) => {
    summaries ??= new Map(state.contents.map((c) => [`${c.page}/${c.article}`, c]));
    return summaries.get(`${page}/${article}`);
  };

  view.on("results", () => {
    list.replaceChildren();
    if (!state.results) {
      section.hidden = true;
      return;
    }
    section.hidden = false;
    if (!state.results.results.length) {
      list.append(el("li", { class: "note" }, "没有找到 Nothing found"));
      return;
    }
    for (const r of state.results.results) {
      const found = summary(r.page, r.article);
      const item = el("li");
      const button = el("button", { type: "button", class: "result" });
      const title = found?.title || `［无题］${found?.derived_title || ""}`;
      button.append(el("span", { class: "result-title" }, title));
      const snippet = el("span", { class: "snippet" });
      snippet.innerHTML = r.snippet;
      button.append(snippet);
      button.append(el("span", { class: "count" }, `${r.hits.length} 处`));
      view.listen(button, "click", () => view.goToHit(state.hits.indexOf(r.hits[0])));
      item.append(button);
      list.append(item);
    }
  });
}
