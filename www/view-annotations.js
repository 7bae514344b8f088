// The article's words: its people, places, organisations (with counts)
// and keywords (with scores); choosing one searches for it. Drawn after the
// article they belong to.

import { $, el } from "./dom.js";

export function annotations(view) {
  const { core, state } = view;
  const box = $("annotations");
  let seq = 0; // the latest drawing; an older answer is dropped

  view.on("article", async () => {
    const mine = ++seq;
    if (state.page === null || state.article === null) {
      box.replaceChildren(el("p", { class: "note" }, "选择一篇文章 Choose an article"));
      return;
    }
    if (!state.words) {
      box.replaceChildren(el("p", { class: "note" }, "词语功能准备中… Word features loading…"));
      return;
    }
    // Asked for after the frame that shows the article: a keystroke that
    // moves to another article paints its hit first, and keystrokes typed
    // quickly ask for the words of the last article only.
    await new Promise((resolve) => requestAnimationFrame(() => setTimeout(resolve)));
    if (mine !== seq || state.page === null || state.article === null) return;
    const { entities, keywords } = await core.annotations(state.page, state.article);
    if (mine !== seq) return;
    // A word chosen here keeps the focus on the same word in the new list.
    const focused = box.contains(document.activeElement) ? document.activeElement.textContent : null;
    const groups = [
      ["person", "人物 People", entities.filter((e) => e.kind === "person")],
      ["place", "地点 Places", entities.filter((e) => e.kind === "place")],
      ["organization", "机构 Organisations", entities.filter((e) => e.kind === "organization")],
      ["keyword", "关键词 Keywords", keywords.map((k) => ({ text: k.text, count: null, score: k.score }))],
    ];
    box.replaceChildren();
    for (const [kind, label, items] of groups) {
      box.append(el("h3", {}, label));
      if (!items.length) {
        box.append(el("p", { class: "note" }, "无 None"));
        continue;
      }
      const list = el("ul", { class: "words" });
      for (const item of items) {
        const button = el("button", { type: "button", class: `word ${kind}`, title: `搜索 Search “${item.text}”` }, item.text);
        view.listen(button, "click", () => view.search(item.text));
        const li = el("li");
        li.append(button);
        li.append(el("span", { class: "count" }, item.count !== null ? `×${item.count}` : item.score.toFixed(1)));
        list.append(li);
      }
      box.append(list);
    }
    if (focused !== null) {
      const same = [...box.querySelectorAll("button")].find((b) => b.textContent === focused);
      (same || $("words-h")).focus();
    }
  });
}
