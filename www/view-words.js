// Your words: names and terms added to the dictionary (one a line, jieba's
// `word freq tag`; bad lines are reported), listed with a button each to
// remove them. Usable once the word features are ready.

import { $, el } from "./dom.js";

export function words(view) {
  const { core, state } = view;
  const input = $("dict-input");
  const fields = $("dict-fields");
  const report = $("dict-report");
  const list = $("dict-list");

  view.on("words", async () => {
    fields.disabled = !state.words;
    const words = await core.userWords();
    list.replaceChildren();
    for (const w of words) {
      const li = el("li");
      li.append(el("span", {}, w));
      const remove = el("button", { type: "button", class: "icon", "aria-label": `删除 Remove ${w}` }, "×");
      view.listen(remove, "click", async () => {
        await core.removeUserWord(w);
        await view.wordsChanged();
        input.focus();
      });
      li.append(remove);
      list.append(li);
    }
  });

  view.listen($("dict-form"), "submit", async (e) => {
    e.preventDefault();
    fields.disabled = true;
    try {
      const added = await core.addUserWords(input.value);
      const lines = [`加入 ${added.added.length} 个词 Added ${added.added.length}`];
      for (const err of added.errors) lines.push(`第 ${err.line} 行 line ${err.line}: ${err.message}`);
      report.textContent = lines.join("；");
      if (!added.errors.length) input.value = "";
      await view.wordsChanged();
    } catch (err) {
      report.textContent = err.message;
    } finally {
      fields.disabled = false;
      input.focus();
    }
  });
}
