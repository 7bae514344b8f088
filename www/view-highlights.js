// The highlight toggles (people, places, organisations, keywords, word
// boundaries; kept between visits) and the line that says whether the
// word features are ready.

import { $ } from "./dom.js";

export function highlights(view) {
  const { state, settings } = view;
  const words = $("words-state");
  for (const box of $("layers").querySelectorAll("input")) {
    box.checked = state.layers.has(box.value);
    view.listen(box, "change", () => {
      if (box.checked) state.layers.add(box.value);
      else state.layers.delete(box.value);
      settings.set("layers", [...state.layers]);
      return view.draw();
    });
  }
  view.on("words-shown", () => {
    words.textContent = "词语功能已就绪 Word features ready";
  });
  view.on("words-failed", (error) => {
    words.textContent = `词语功能无法使用 Word features unavailable: ${error}`;
    view.alert(`词语功能无法使用，阅读和搜索照常 Word features unavailable (reading and search still work): ${error}`, { sticky: true });
  });
  view.on("failed", (error) => {
    words.textContent = "阅读器出错，请重新载入页面 The reader failed: reload the page";
    view.alert(`阅读器出错，请重新载入页面 The reader failed, reload the page: ${error}`, { sticky: true });
  });
}
