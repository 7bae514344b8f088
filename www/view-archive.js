// The archive: when the site was written by `baozhi archive`, its page
// says where the archive's manifest is (data-archive on <html>). This view
// then lists the archive's pages by month or folder, and searches the
// whole archive with the query language of the search box: the core
// (src/archive/) answers from the index files fetched so far and names
// the ones it needs next; this view fetches them (from the site's own
// origin, relative to the manifest) until the answer is complete, showing
// the first results while the rest arrive and counting in its status line.
// A result shows its snippet from its page's data; "open in reader" loads
// that page beside the others and goes to its hits.

import { el } from "./dom.js";

/** Results shown (and whose page data is fetched for snippets). */
const SHOWN = 20;

export function archive(view) {
  const manifestPath = document.documentElement.dataset.archive;
  if (!manifestPath) return;
  const base = new URL(manifestPath, document.baseURI);
  const url = (name) => new URL(name, base);
  const manifestName = base.pathname.split("/").pop();
  // Opened from disk, the page may not fetch files, but it may run the
  // scripts beside it: a small archive has each file again as a script
  // that hands over its bytes.
  const fromDisk = location.protocol === "file:";
  const arriving = new Map(); // name → resolve
  globalThis.baozhiArchiveFile = (name, base64) => arriving.get(name)?.(base64);
  const viaScript = (name) =>
    new Promise((resolve, reject) => {
      arriving.set(name, (base64) => {
        arriving.delete(name);
        resolve(Uint8Array.from(atob(base64), (c) => c.charCodeAt(0)));
      });
      const script = el("script", { src: url(`${name}.js`).href });
      script.onload = () => script.remove();
      script.onerror = () => {
        script.remove();
        reject(new Error(`${name}: 从磁盘打开时读不到 cannot be read from disk (a large archive must be served by a web server)`));
      };
      document.head.append(script);
    });

  const section = el("section", { class: "archive", "aria-labelledby": "archive-h" });
  section.append(el("h2", { id: "archive-h" }, "档案 Archive"));
  const form = el("search", { "aria-label": "档案搜索 Archive search" });
  const input = el("input", {
    type: "search",
    id: "archive-q",
    "aria-label": "在整个档案中搜索 Search the whole archive",
    placeholder: "搜索整个档案 Search the archive",
    autocomplete: "off",
    spellcheck: "false",
    enterkeyhint: "search",
  });
  const status = el("output", { role: "status", "aria-live": "polite", "aria-label": "档案搜索结果 Archive hits", class: "note" });
  form.append(input, status);
  const note = el("p", { class: "note", hidden: "" });
  const list = el("ol", { class: "archive-results", "aria-label": "档案搜索结果 Archive results" });
  const browse = el("div", { class: "archive-browse" });
  section.append(form, note, list, el("h3", {}, "浏览 Browse"), browse);
  const nav = document.getElementById("contents");
  nav.insertBefore(section, document.getElementById("toc"));

  const files = new Map(); // page data file → its text (a promise)
  let seq = 0;
  const fetchOk = async (name, kind) => {
    if (fromDisk) {
      const bytes = await viaScript(name);
      return kind === "text" ? new TextDecoder().decode(bytes) : bytes.buffer;
    }
    const response = await fetch(url(name));
    if (!response.ok) throw new Error(`${name}: HTTP ${response.status}`);
    return kind === "text" ? response.text() : response.arrayBuffer();
  };
  const pageData = (name) => {
    if (!files.has(name)) {
      const text = fetchOk(name, "text");
      text.catch(() => files.delete(name));
      files.set(name, text);
    }
    return files.get(name);
  };

  const ready = (async () => {
    const manifest = await view.core.archiveOpen(await fetchOk(manifestName, "text"));
    showGroups(manifest);
    return manifest;
  })();
  ready.catch((e) => {
    status.textContent = "档案无法打开 The archive cannot be opened";
    view.alert(`档案无法打开 The archive cannot be opened: ${e.message}`);
  });

  function showGroups(manifest) {
    browse.replaceChildren();
    browse.append(el("p", { class: "note" }, `${manifest.pages} 版 pages · ${manifest.articles} 篇 articles`));
    for (const g of manifest.groups) {
      const details = el("details");
      const dates = g.from ? (g.from === g.to ? g.from : `${g.from} – ${g.to}`) : "";
      details.append(el("summary", {}, `${g.name} (${g.pages})${dates && dates !== g.name ? ` ${dates}` : ""}`));
      const pages = el("ul", { class: "archive-pages" });
      details.append(pages);
      view.listen(details, "toggle", async () => {
        if (!details.open || pages.childElementCount) return;
        const rows = JSON.parse(await fetchOk(g.file, "text"));
        for (const row of rows) {
          const button = el("button", { type: "button", class: "link" }, `${row.name} (${row.articles} 篇)`);
          view.listen(button, "click", () => openPage(row.data, row.name, 0));
          const item = el("li");
          item.append(button);
          pages.append(item);
        }
      });
      browse.append(details);
    }
  }

  /** Loads an archive page into the reader (once) and shows its article. */
  const opened = new Map(); // data file → page id
  async function openPage(data, name, article, query = "") {
    let id = opened.get(data);
    if (id === undefined || !view.state.pages.some((p) => p.id === id)) {
      const info = await view.core.archiveLoadPage(await pageData(data));
      id = info.id;
      opened.set(data, id);
      await view.refreshContents();
    }
    if (query) await view.search(query, { within: { page: id, article } });
    else await view.show(id, article);
  }

  /** Searches the archive, fetching what each answer needs, showing each. */
  async function search(query) {
    const mine = ++seq;
    await ready;
    if (!query.trim()) {
      list.replaceChildren();
      status.textContent = "";
      note.hidden = true;
      return;
    }
    status.textContent = "正在搜索… Searching…";
    let answer;
    for (;;) {
      answer = await view.core.archiveSearch(query, SHOWN);
      if (mine !== seq) return;
      await show(query, answer, mine);
      if (!answer.need.length) break;
      const fetched = await Promise.all(answer.need.map((name) => fetchOk(name, "bytes").then((bytes) => [name, bytes])));
      if (mine !== seq) return;
      for (const [name, bytes] of fetched) await view.core.archiveAdd(name, bytes);
    }
  }

  let shownKey = "";
  async function show(query, answer, mine) {
    const counted = `${answer.total_hits} 处 hits · ${answer.total_results} 篇 articles`;
    if (answer.complete) status.textContent = counted;
    else if (answer.searched === 0 && !answer.total_results) status.textContent = "正在搜索… Searching…";
    else {
      const share = Math.floor((100 * answer.searched) / Math.max(1, answer.articles));
      status.textContent = `已搜 ${share}% searched: ${counted} so far`;
    }
    note.hidden = !answer.frequent;
    note.textContent = answer.complete
      ? "常见字词：结果按全部档案统计 A frequent term: counted over the whole archive."
      : "常见字词：先显示已找到的结果，其余边到边数 A frequent term: the first results are shown while the rest are counted.";
    const key = answer.results.map((r) => `${r.article}:${r.score}`).join(",");
    if (key === shownKey && list.childElementCount) return;
    shownKey = key;
    const items = answer.results.map((r) => {
      const item = el("li", { class: "archive-result" });
      const title = el("span", { class: "result-title" }, r.name);
      const snippet = el("span", { class: "snippet" });
      const open = el("button", { type: "button" }, "在阅读器中打开 Open in reader");
      open.setAttribute("aria-label", `在阅读器中打开 Open in reader: ${r.name} ${r.index + 1}`);
      view.listen(open, "click", () => openPage(r.data, r.name, r.index, query));
      item.append(title, el("span", { class: "archive-page" }, `${r.name} · ${r.hits} 处`), snippet, open);
      pageData(r.data)
        .then((text) => view.core.archiveSnippets(text, query))
        .then((found) => {
          if (mine !== seq) return;
          const mineArticle = found.find((f) => f.article === r.index);
          if (!mineArticle) return;
          title.textContent = mineArticle.title || `［无题］${mineArticle.derived_title || ""}`;
          open.setAttribute("aria-label", `在阅读器中打开 Open in reader: ${title.textContent}`);
          snippet.innerHTML = mineArticle.snippet;
        })
        .catch((e) => view.alert(`出错了 Something failed: ${e.message}`));
      return item;
    });
    list.replaceChildren(...items);
    if (answer.complete && !answer.results.length) list.append(el("li", { class: "note" }, "没有找到 Nothing found"));
  }

  let timer = null;
  view.listen(input, "input", () => {
    clearTimeout(timer);
    timer = setTimeout(() => view.run(search, input.value), 150);
  });
  view.listen(input, "keydown", (e) => {
    if (e.key === "Enter") {
      clearTimeout(timer);
      return search(input.value);
    }
  });
}
