// The search results: one button a found article, best first, with its
// title, a snippet (the core escapes its text; only <mark> is markup) and
// its number of hits; choosing one goes to its first hit. The list is
// drawn a screenful at a time: the first rows with the answer, the next
// ones when the end of those drawn comes near the view (a keystroke pays
// for the rows a reader sees, not for all the articles found).

import { $, el } from "./dom.js";

/** Rows drawn at a time: more than a tall panel shows. */
export const RESULT_ROWS = 25;

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

  const row = (r) => {
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
    return item;
  };

  // The rows of the answer shown not drawn yet, and the last row drawn,
  // watched: once it comes into view (the panel scrolled, or the page on
  // a narrow screen), the next rows follow.
  let rest = [];
  const more = new IntersectionObserver(
    (entries) => {
      if (!entries.some((e) => e.isIntersecting) || !rest.length) return;
      more.disconnect();
      drawRows();
    },
    { rootMargin: "0px 0px 600px 0px" },
  );
  const drawRows = () => {
    const rows = rest.slice(0, RESULT_ROWS).map(row);
    rest = rest.slice(RESULT_ROWS);
    list.append(...rows);
    if (rest.length && rows.length) more.observe(rows[rows.length - 1]);
  };

  view.on("results", () => {
    more.disconnect();
    rest = [];
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
    rest = state.results.results;
    drawRows();
  });
}
