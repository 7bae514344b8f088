// The search box and what sits by it: results as you type (after an input
// method has finished composing), Enter / Shift+Enter and ▼ ▲ for the next
// and previous hit, Esc to clear, `/` to come back to it, and the status
// line `k / n`.

import { $ } from "./dom.js";

export function search(view) {
  const { state } = view;
  const q = $("q");
  const status = $("status");

  const typed = () => view.search(q.value, { history: typedOn(state.query, q.value) ? "replace" : "push" });
  view.listen(q, "input", (e) => {
    if (!e.isComposing) return typed();
  });
  view.listen(q, "compositionend", typed);
  view.listen(q, "keydown", (e) => {
    if (e.key === "Enter") {
      e.preventDefault();
      return view.step(e.shiftKey ? -1 : 1);
    }
    if (e.key === "Escape") {
      e.preventDefault();
      q.value = "";
      return view.search("");
    }
  });
  view.listen($("next"), "click", () => view.step(1));
  view.listen($("prev"), "click", () => view.step(-1));
  view.listen(document, "keydown", (e) => {
    const typing = e.target.closest?.("input, textarea, select, [contenteditable]");
    if (e.key === "/" && !typing && !e.ctrlKey && !e.metaKey && !e.altKey) {
      e.preventDefault();
      q.focus();
      q.select();
    }
  });

  const update = () => {
    const n = state.hits.length;
    const all = state.results ? state.results.total_hits : 0;
    // Beyond the articles shown, hits are counted but not visited.
    const more = all > n ? ` (${all})` : "";
    status.textContent = `${n ? state.current + 1 : 0} / ${n}${more}`;
    $("prev").disabled = $("next").disabled = n === 0;
  };
  // A query from elsewhere (a word clicked, the address) shows in the box.
  view.on("query", () => {
    if (q.value !== state.query) q.value = state.query;
  });
  view.on("results", update);
  view.on("hit", update);
  update();
}

/** Typing a query extends or shortens it: one entry in the history for
 * the whole word typed, not one a keystroke. A different query (pasted,
 * chosen from a list) gets its own entry. */
function typedOn(previous, query) {
  return previous !== "" && (query.startsWith(previous) || previous.startsWith(query));
}
