// Your data: export as JSON (the parser's schema) or Markdown, a link to
// what is on screen, and forgetting the pages and words kept in this
// browser.

import { $, download } from "./dom.js";

export function data(view) {
  const { core, state } = view;

  view.listen($("export-json"), "click", async () => download("baozhi.json", await core.exportJson(), "application/json"));
  view.listen($("export-md"), "click", async () => download("baozhi.md", await core.exportMarkdown(), "text/markdown"));

  view.listen($("copy-link"), "click", async () => {
    view.writeAddress?.();
    try {
      await navigator.clipboard.writeText(location.href);
      view.notify("链接已复制 Link copied");
    } catch {
      view.alert(`复制失败，请手动复制 Copy by hand: ${location.href}`);
    }
  });

  view.listen($("clear-saved"), "click", async () => {
    // A load under way would keep saving pages: it stops first.
    if (state.batch) {
      state.batch.cancelled = true;
      await state.batch.finished;
    }
    await (await view.store).clear();
    for (const id of [...state.saved.keys()]) await core.removePage(id);
    state.saved.clear();
    if (state.words) await core.clearUserWords();
    await view.emit("words");
    await view.refresh();
    view.notify("已清除保存的版面和词语 Saved pages and words cleared");
  });
}
