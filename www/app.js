// The reader page: contents, reading view, search, highlights, your words,
// opening files. Everything about the text — parsing, words, search, HTML
// with highlights — is done by the core in a worker (core.js); this file
// only arranges it. Text from pages reaches the DOM as text (textContent),
// except the article and snippet HTML the core renders, which escapes it.

import { startCore } from "./core.js";
import { openStore } from "./store.js";

const $ = (id) => document.getElementById(id);
const settings = {
  get(key, fallback) {
    try {
      const v = localStorage.getItem(`baozhi.${key}`);
      return v === null ? fallback : JSON.parse(v);
    } catch {
      return fallback;
    }
  },
  set(key, value) {
    try {
      localStorage.setItem(`baozhi.${key}`, JSON.stringify(value));
    } catch {
      /* storage may be off (private mode, file://): settings stay for this visit */
    }
  },
};

const state = {
  pages: [], // PageInfo, in order
  contents: [], // ArticleSummary
  page: null, // id of the page shown
  rendered: null, // id of the page whose articles are in the reading view
  article: null, // index of the article in focus on that page
  query: "",
  results: null, // SearchResults of the latest query
  hits: [], // every hit, in navigation order
  current: -1, // index into hits
  searchSeq: 0, // the latest search sent; answers to older ones are dropped
  shownSeq: 0, // the search whose answer is shown
  renderSeq: 0, // the latest drawing of the reading view; older ones are dropped
  words: false, // word features ready
  layers: new Set(settings.get("layers", ["person", "place", "organization"])),
  pasted: 0,
  saved: new Map(), // page id → key of the page kept in IndexedDB
  batch: null, // the load under way: {items, total, done, cancelled, show, finished}
};
const storePromise = openStore();

const core = startCore({
  workerUrl: new URL("worker.js", import.meta.url),
  makeWorker: globalThis.baozhiMakeWorker,
  onReady: () => start(),
  onWords: () => wordsReady(),
  onWordsFailed: (error) => {
    $("words-state").textContent = `词语功能无法使用 Word features unavailable: ${error}`;
    alertUser(`词语功能无法使用，阅读和搜索照常 Word features unavailable (reading and search still work): ${error}`, { sticky: true });
  },
  onFailure: (error) => {
    $("words-state").textContent = "阅读器出错，请重新载入页面 The reader failed: reload the page";
    alertUser(`阅读器出错，请重新载入页面 The reader failed, reload the page: ${error}`, { sticky: true });
  },
});
// For measurements and the browser console.
globalThis.baozhi = { core, state };

// ---- start-up --------------------------------------------------------------

async function start() {
  const sample = document.documentElement.dataset.sample;
  try {
    const template = document.getElementById("sample-page");
    const text = template ? template.content.textContent : await fetch(sample).then(textOf);
    await core.loadText(sampleName(sample), text);
  } catch (e) {
    alertUser(`示例版面无法载入 The sample page could not be loaded: ${e.message}`);
  }
  await refreshContents();
  await followHash();
  // The first article is up: now the segmenter may take the worker's time.
  core.loadWords();
  // The pages kept from earlier visits.
  const store = await storePromise;
  const kept = await store.pages();
  if (kept.length) await loadBatch(kept.map((p) => ({ name: p.name, key: p.key, read: async () => p.bytes || p.text })));
}

function sampleName(path) {
  return (path || "sample.txt").split("/").pop();
}

function textOf(response) {
  if (!response.ok) throw new Error(`HTTP ${response.status}`);
  return response.text();
}

async function wordsReady() {
  // Your kept words first, so that adding a word cannot overwrite them.
  const keptWords = await (await storePromise).words();
  if (keptWords.length) await core.addUserWords(keptWords.join("\n"));
  state.words = true;
  $("words-state").textContent = "词语功能已就绪 Word features ready";
  $("dict-fields").disabled = false;
  await refreshContents();
  await renderUserWords();
  if (state.query) await runSearch(state.query, { keepCurrent: true });
  else await renderPage();
  await renderAnnotations();
}

// ---- contents ----------------------------------------------------------------

async function refreshContents() {
  [state.pages, state.contents] = await Promise.all([core.pages(), core.contents()]);
  const toc = $("toc");
  toc.replaceChildren();
  for (const [index, page] of state.pages.entries()) {
    const section = el("section", { class: "toc-page" });
    const head = el("div", { class: "toc-head" });
    head.append(el("h3", {}, page.name));
    const remove = el("button", { type: "button", class: "icon", "aria-label": `移除 ${page.name} Remove` }, "×");
    remove.addEventListener("click", async () => {
      await removePage(page.id);
      // The focus goes to the page that took its place, or to the contents.
      const next = $("toc").querySelectorAll(".toc-head button")[index] || $("toc").querySelector(".toc-head button:last-of-type");
      (next || $("contents-h")).focus();
    });
    head.append(remove);
    section.append(head);
    const list = el("ol");
    for (const a of state.contents.filter((c) => c.page === page.id)) {
      const item = el("li");
      const link = el("a", { href: `#p=${index}&a=${a.article}` });
      if (a.title) link.append(a.title);
      else {
        link.append(el("span", { class: "derived-mark", title: "无标题：取自正文开头 No headline on the page" }, "无题"));
        link.append(` ${a.derived_title || ""}`);
        link.classList.add("derived");
      }
      if (state.page === page.id && state.article === a.article) link.setAttribute("aria-current", "true");
      item.append(link);
      if (a.byline) item.append(el("span", { class: "toc-byline" }, a.byline));
      list.append(item);
    }
    section.append(list);
    toc.append(section);
  }
  if (state.page === null && state.pages.length) {
    state.page = state.pages[0].id;
    state.article = 0;
  }
  if (state.page !== null && !state.pages.some((p) => p.id === state.page)) {
    state.page = state.pages.length ? state.pages[0].id : null;
    state.article = null;
  }
}

async function removePage(id) {
  await core.removePage(id);
  if (state.saved.has(id)) {
    await (await storePromise).removePage(state.saved.get(id));
    state.saved.delete(id);
  }
  if (state.page === id) {
    state.page = null;
    state.article = null;
  }
  await refreshContents();
  if (state.query) await runSearch(state.query, { keepCurrent: false });
  else await renderPage();
}

// ---- reading -------------------------------------------------------------------

function layersForRender() {
  return ["hit", "current", ...state.layers];
}

/** Draws the page in view. Resolves to whether this drawing is the one
 * shown: a later call supersedes one still waiting for the core. */
async function renderPage() {
  const seq = ++state.renderSeq;
  const main = $("reading");
  const page = state.page;
  if (page === null) {
    state.rendered = null;
    main.replaceChildren(el("p", { class: "note" }, "没有版面。打开或拖入版面文件，或粘贴文字。 No pages: open or drop page files, or paste text."));
    return true;
  }
  const articles = state.contents.filter((c) => c.page === page);
  const current = state.current >= 0 ? state.hits[state.current] : null;
  let html;
  try {
    html = await Promise.all(
      articles.map((a) =>
        core.renderArticle(a.page, a.article, layersForRender(), articleId(a.page, a.article), current ? current.id : null),
      ),
    );
  } catch (e) {
    // A page removed meanwhile: the newer drawing tells the rest.
    if (seq !== state.renderSeq) return false;
    throw e;
  }
  if (seq !== state.renderSeq) return false;
  // The core escapes every piece of page text in this HTML.
  main.innerHTML = html.join("");
  state.rendered = page;
  main.setAttribute("aria-label", `阅读 Reading: ${state.pages.find((p) => p.id === page)?.name ?? ""}`);
  markCurrent();
  return true;
}

function articleId(page, article) {
  return `a-${page}-${article}`;
}

async function showArticle(page, article, { scroll = true } = {}) {
  state.page = page;
  state.article = article;
  if (state.rendered !== page) await renderPage();
  if (scroll) document.getElementById(articleId(page, article))?.scrollIntoView({ block: "start" });
  for (const a of document.querySelectorAll("#toc a[aria-current]")) a.removeAttribute("aria-current");
  const index = state.pages.findIndex((p) => p.id === page);
  document.querySelector(`#toc a[href="#p=${index}&a=${article}"]`)?.setAttribute("aria-current", "true");
  await renderAnnotations();
}

async function renderAnnotations() {
  const box = $("annotations");
  if (state.page === null || state.article === null) {
    box.replaceChildren(el("p", { class: "note" }, "选择一篇文章 Choose an article"));
    return;
  }
  if (!state.words) {
    box.replaceChildren(el("p", { class: "note" }, "词语功能准备中… Word features loading…"));
    return;
  }
  const { entities, keywords } = await core.annotations(state.page, state.article);
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
      button.addEventListener("click", () => setQuery(item.text));
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
}

// Which article is being read: the one nearest the top of the view.
function trackReading() {
  const seen = new Map();
  const observer = new IntersectionObserver(
    (entries) => {
      for (const e of entries) seen.set(e.target.id, e.isIntersecting ? e.boundingClientRect.top : null);
      const visible = [...seen.entries()].filter(([, top]) => top !== null).sort((a, b) => Math.abs(a[1]) - Math.abs(b[1]));
      if (!visible.length) return;
      const [, page, article] = visible[0][0].split("-").map(Number);
      if (page !== state.page || article === state.article) return;
      state.article = article;
      renderAnnotations();
    },
    { rootMargin: "0px 0px -60% 0px" },
  );
  new MutationObserver(() => {
    seen.clear();
    observer.disconnect();
    for (const a of $("reading").querySelectorAll("article.article")) observer.observe(a);
  }).observe($("reading"), { childList: true });
}

// ---- search ----------------------------------------------------------------------

/** Searches and shows the answer, unless a newer search was sent
 * meanwhile (the core keeps the hits of the latest search, so only its
 * answer may be drawn). The current hit is the first one, or with
 * `keepCurrent` the one that was current, or with `within` ({page,
 * article}) the first in that article. `history` says how the address
 * follows: "push", "replace" or "none". */
async function runSearch(query, { keepCurrent = false, within = null, history = "push" } = {}) {
  const seq = ++state.searchSeq;
  state.query = query;
  // An empty query goes to the core too: it forgets the last hits.
  const found = await core.search(query);
  if (seq !== state.searchSeq) return;
  const results = query.trim() ? found : null;
  const previous = keepCurrent && state.current >= 0 ? state.hits[state.current] : null;
  state.results = results;
  state.hits = results ? results.results.flatMap((r) => r.hits) : [];
  state.current = state.hits.length ? 0 : -1;
  if (previous) {
    const same = state.hits.findIndex((h) => h.page === previous.page && h.article === previous.article && h.start === previous.start);
    if (same >= 0) state.current = same;
  } else if (within) {
    // No current hit when the article asked for has none: Enter goes to the first.
    state.current = state.hits.findIndex((h) => h.page === within.page && h.article === within.article);
  }
  renderResults();
  updateStatus();
  // New results mean new marks: the page is drawn again, then the current
  // hit is shown.
  const shown = state.current >= 0 ? state.hits[state.current] : within;
  if (shown) {
    state.page = shown.page;
    state.article = shown.article;
  }
  if (!(await renderPage()) || seq !== state.searchSeq) return;
  if (state.current >= 0) await goToHit(state.current);
  else if (within) await showArticle(within.page, within.article);
  if (history !== "none") writeHash({ replace: history === "replace" });
  state.shownSeq = seq;
}

function renderResults() {
  const section = $("results");
  const list = $("result-list");
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
    const summary = state.contents.find((c) => c.page === r.page && c.article === r.article);
    const item = el("li");
    const button = el("button", { type: "button", class: "result" });
    const title = summary?.title || `［无题］${summary?.derived_title || ""}`;
    button.append(el("span", { class: "result-title" }, title));
    const snippet = el("span", { class: "snippet" });
    // The core escapes the snippet's text; only its <mark> is markup.
    snippet.innerHTML = r.snippet;
    button.append(snippet);
    button.append(el("span", { class: "count" }, `${r.hits.length} 处`));
    button.addEventListener("click", () => goToHit(state.hits.indexOf(r.hits[0])));
    item.append(button);
    list.append(item);
  }
}

function updateStatus() {
  const n = state.hits.length;
  const all = state.results ? state.results.total_hits : 0;
  // Beyond the articles shown, hits are counted but not visited.
  const more = all > n ? ` (${all})` : "";
  $("status").textContent = `${n ? state.current + 1 : 0} / ${n}${more}`;
  $("prev").disabled = $("next").disabled = n === 0;
}

/** Next (1) or previous (-1) hit; from no current hit, the first or the last. */
function stepHit(direction) {
  return goToHit(state.current < 0 && direction < 0 ? -1 : state.current + direction);
}

async function goToHit(index) {
  if (!state.hits.length) return;
  state.current = (index + state.hits.length) % state.hits.length;
  const hit = state.hits[state.current];
  updateStatus();
  if (state.rendered !== hit.page) {
    state.page = hit.page;
    await renderPage();
  } else {
    markCurrent();
  }
  if (state.article !== hit.article) {
    state.article = hit.article;
    renderAnnotations();
  }
  const mark = document.querySelector(`#reading mark[data-hit="${hit.id}"]`);
  mark?.scrollIntoView({ block: "center" });
}

// The current hit is drawn apart by moving the class, without rendering again.
function markCurrent() {
  for (const m of document.querySelectorAll("#reading mark.current")) m.classList.remove("current");
  if (state.current < 0) return;
  const hit = state.hits[state.current];
  for (const m of document.querySelectorAll(`#reading mark[data-hit="${hit.id}"]`)) m.classList.add("current");
}

function setQuery(text) {
  $("q").value = text;
  runSearch(text);
}

/** Typing a query extends or shortens it: one entry in the history for
 * the whole word typed, not one a keystroke. A different query (pasted,
 * chosen from a list) gets its own entry. */
function typedOn(previous, query) {
  return previous !== "" && (query.startsWith(previous) || previous.startsWith(query));
}

// ---- the address: query and article in the hash ------------------------------------

function writeHash({ replace = false } = {}) {
  const params = new URLSearchParams();
  if (state.query) params.set("q", state.query);
  const index = state.pages.findIndex((p) => p.id === state.page);
  if (index >= 0) params.set("p", String(index));
  if (state.article !== null) params.set("a", String(state.article));
  const hash = `#${params.toString()}`;
  if (location.hash === hash) return;
  if (replace) history.replaceState(null, "", hash);
  else history.pushState(null, "", hash);
}

/** Shows what the address asks for: a page and article, a query (its
 * current hit in that article where it has one). Anything unreadable in
 * it is ignored. */
async function followHash() {
  const params = new URLSearchParams(location.hash.slice(1));
  const query = params.get("q") || "";
  const number = (key) => (/^\d+$/.test(params.get(key) || "") ? Number(params.get(key)) : null);
  const page = state.pages[number("p") ?? 0];
  const article = page && number("a") !== null && number("a") < page.articles ? number("a") : null;
  if (query !== state.query) {
    $("q").value = query;
    const within = page && article !== null ? { page: page.id, article } : null;
    await runSearch(query, { within, history: "none" });
  } else if (page) await showArticle(page.id, article ?? 0, { scroll: article !== null });
  else await renderPage();
}

// ---- your words ----------------------------------------------------------------------

async function renderUserWords() {
  const words = await core.userWords();
  const list = $("dict-list");
  list.replaceChildren();
  for (const w of words) {
    const li = el("li");
    li.append(el("span", {}, w));
    const remove = el("button", { type: "button", class: "icon", "aria-label": `删除 Remove ${w}` }, "×");
    remove.addEventListener("click", async () => {
      await core.removeUserWord(w);
      await saveWords();
      await afterWordsChanged();
      $("dict-input").focus();
    });
    li.append(remove);
    list.append(li);
  }
}

async function saveWords() {
  await (await storePromise).saveWords(await core.userWords());
}

async function afterWordsChanged() {
  await renderUserWords();
  if (state.query) await runSearch(state.query, { keepCurrent: true });
  else await renderPage();
  await renderAnnotations();
}

// ---- opening pages ----------------------------------------------------------------------

/** Opens files: File objects, or {file, name} where the name is not the
 * file's own (files of a dropped folder, named by their path in it). */
async function openFiles(files) {
  await loadBatch(
    files.map((f) => {
      const file = f.file || f;
      return { name: f.name && f.file ? f.name : file.webkitRelativePath || file.name, read: () => file.arrayBuffer(), keep: true };
    }),
  );
}

async function openText(text) {
  state.pasted += 1;
  await loadBatch([{ name: `粘贴 Pasted ${state.pasted}`, read: async () => text, keep: true }]);
}

/** Loads pages one by one in the worker, with progress and a way to stop;
 * the pages already loaded can be read and searched meanwhile. Each item
 * is {name, read() → ArrayBuffer or text, keep (save it), key (kept as)}.
 * Pages the user opened are shown when the batch is done; pages restored
 * from an earlier visit just join the contents. */
async function loadBatch(items) {
  const opened = items.some((i) => i.key === undefined);
  if (state.batch) {
    // One batch at a time: this one joins the queue of the one under way.
    state.batch.items.push(...items);
    state.batch.total += items.length;
    state.batch.show ||= opened;
    return state.batch.finished;
  }
  let finish;
  const batch = (state.batch = {
    items: [...items],
    total: items.length,
    done: 0,
    cancelled: false,
    show: opened,
    finished: new Promise((resolve) => (finish = resolve)),
  });
  try {
    await loadItems(batch);
  } finally {
    state.batch = null;
    showProgress(null);
    finish();
  }
}

async function loadItems(batch) {
  const store = await storePromise;
  showProgress(batch);
  let first = null;
  let shown = 0;
  while (batch.items.length && !batch.cancelled) {
    const item = batch.items.shift();
    let saved = null; // the key this load saved the page under
    try {
      const data = await item.read();
      if (item.keep && store.available) {
        saved = await store.savePage(typeof data === "string" ? { name: item.name, text: data } : { name: item.name, bytes: data.slice(0) });
      }
      const info = typeof data === "string" ? await core.loadText(item.name, data) : await core.loadBytes(item.name, data);
      const key = saved ?? item.key;
      if (key !== undefined && key !== null) state.saved.set(info.id, key);
      if (item.key === undefined) first ??= info;
    } catch (e) {
      alertUser(e.message.startsWith(item.name) ? e.message : `${item.name}: ${e.message}`);
      // A page that could not be read is not kept for the next visit.
      if (saved !== null) await store.removePage(saved);
    }
    batch.done++;
    showProgress(batch);
    // The contents follow along, but not more often than twice a second.
    if (Date.now() - shown > 500) {
      shown = Date.now();
      await refreshContents();
    }
  }
  await core.catchUp();
  await refreshContents();
  if (first && batch.show) {
    state.page = first.id;
    state.article = 0;
  }
  if (state.query) await runSearch(state.query, { keepCurrent: !first, within: first && { page: first.id, article: 0 } });
  else {
    await renderPage();
    if (first) await showArticle(first.id, 0);
  }
  if (first) writeHash();
}

function showProgress(batch) {
  const bar = $("progress");
  if (!batch) {
    bar.hidden = true;
    return;
  }
  bar.hidden = false;
  const meter = $("progress-bar");
  meter.setAttribute("aria-valuemin", "0");
  meter.setAttribute("aria-valuemax", String(batch.total));
  meter.setAttribute("aria-valuenow", String(batch.done));
  $("progress-text").textContent = `正在载入版面 Loading pages: ${batch.done} / ${batch.total}`;
}

/** Lists the files of dropped folders too. */
async function droppedFiles(dataTransfer) {
  const entries = [...dataTransfer.items].map((i) => i.webkitGetAsEntry?.()).filter(Boolean);
  if (!entries.some((e) => e.isDirectory)) return [...dataTransfer.files];
  const files = [];
  const walk = async (entry) => {
    if (entry.isFile) files.push({ file: await new Promise((ok, fail) => entry.file(ok, fail)), name: entry.fullPath.replace(/^\//, "") });
    else if (entry.isDirectory) {
      const reader = entry.createReader();
      for (;;) {
        const batch = await new Promise((ok, fail) => reader.readEntries(ok, fail));
        if (!batch.length) break;
        for (const e of batch) await walk(e);
      }
    }
  };
  for (const e of entries) await walk(e);
  return files.sort((a, b) => a.name.localeCompare(b.name));
}

/** Files of a folder in the order of their paths. */
function byPath(files) {
  return files.sort((a, b) => (a.webkitRelativePath || a.name).localeCompare(b.webkitRelativePath || b.name));
}

// ---- messages ----------------------------------------------------------------------

/** A confirmation, said politely and gone after a while. */
function notify(message) {
  const box = el("div", { class: "alert notice" });
  box.append(el("p", {}, message));
  $("notices").append(box);
  setTimeout(() => box.remove(), 6000);
}

/** A problem: announced at once, and kept until dismissed when sticky. */
function alertUser(message, { sticky = false } = {}) {
  const box = el("div", { class: "alert" });
  box.append(el("p", {}, message));
  const close = el("button", { type: "button", class: "icon", "aria-label": "关闭 Dismiss" }, "×");
  close.addEventListener("click", () => removeKeepingFocus(box, $("reading")));
  box.append(close);
  $("alerts").append(box);
  if (!sticky) setTimeout(() => removeKeepingFocus(box, $("reading")), 12000);
}

/** Removes a node; if it held the focus, the focus goes to `then`. */
function removeKeepingFocus(node, then) {
  const had = node.contains(document.activeElement);
  node.remove();
  if (had) then.focus();
}

// ---- a small element builder: text stays text ------------------------------------------

function el(tag, attrs = {}, text) {
  const node = document.createElement(tag);
  for (const [k, v] of Object.entries(attrs)) node.setAttribute(k, v);
  if (text !== undefined) node.textContent = text;
  return node;
}

function download(name, text, type) {
  const url = URL.createObjectURL(new Blob([text], { type }));
  const a = el("a", { href: url, download: name });
  document.body.append(a);
  a.click();
  a.remove();
  setTimeout(() => URL.revokeObjectURL(url), 1000);
}

// ---- wiring ----------------------------------------------------------------------------

function wire() {
  // A failed call shows as a message, never as a frozen page.
  // It stays in the console too; once the core has stopped, its own
  // message says it all.
  const reported = new Set();
  window.addEventListener("unhandledrejection", (e) => {
    const message = e.reason?.message || String(e.reason);
    if (core.dead || reported.has(message)) return;
    reported.add(message);
    alertUser(`出错了 Something failed: ${message}`);
  });
  const q = $("q");
  const searchTyped = () => runSearch(q.value, { history: typedOn(state.query, q.value) ? "replace" : "push" });
  // While an input method composes, the box holds pinyin: search when it is done.
  q.addEventListener("input", (e) => {
    if (!e.isComposing) searchTyped();
  });
  q.addEventListener("compositionend", searchTyped);
  q.addEventListener("keydown", (e) => {
    if (e.key === "Enter") {
      e.preventDefault();
      stepHit(e.shiftKey ? -1 : 1);
    } else if (e.key === "Escape") {
      e.preventDefault();
      q.value = "";
      runSearch("");
    }
  });
  $("next").addEventListener("click", () => stepHit(1));
  $("prev").addEventListener("click", () => stepHit(-1));
  document.addEventListener("keydown", (e) => {
    const typing = e.target.closest?.("input, textarea, select, [contenteditable]");
    if (e.key === "/" && !typing && !e.ctrlKey && !e.metaKey && !e.altKey) {
      e.preventDefault();
      q.focus();
      q.select();
    }
  });

  for (const box of $("layers").querySelectorAll("input")) {
    box.checked = state.layers.has(box.value);
    box.addEventListener("change", () => {
      if (box.checked) state.layers.add(box.value);
      else state.layers.delete(box.value);
      settings.set("layers", [...state.layers]);
      renderPage();
    });
  }

  const root = document.documentElement;
  const size = () => settings.get("fontSize", 1.125);
  const applySize = (rem) => root.style.setProperty("--font-size", `${rem}rem`);
  applySize(size());
  const step = (d) => {
    const rem = Math.min(1.75, Math.max(0.875, Math.round((size() + d) * 1000) / 1000));
    settings.set("fontSize", rem);
    applySize(rem);
  };
  $("smaller").addEventListener("click", () => step(-0.125));
  $("larger").addEventListener("click", () => step(0.125));
  const theme = $("theme");
  theme.value = settings.get("theme", "");
  const applyTheme = () => (theme.value ? root.setAttribute("data-theme", theme.value) : root.removeAttribute("data-theme"));
  applyTheme();
  theme.addEventListener("change", () => {
    settings.set("theme", theme.value);
    applyTheme();
  });

  $("open").addEventListener("click", () => $("files").click());
  $("files").addEventListener("change", (e) => {
    openFiles([...e.target.files]);
    e.target.value = "";
  });
  const drop = $("drop");
  let depth = 0;
  document.addEventListener("dragenter", (e) => {
    if (![...e.dataTransfer.types].includes("Files")) return;
    depth++;
    drop.hidden = false;
  });
  document.addEventListener("dragleave", () => {
    depth = Math.max(0, depth - 1);
    if (!depth) drop.hidden = true;
  });
  document.addEventListener("dragover", (e) => e.preventDefault());
  document.addEventListener("drop", async (e) => {
    e.preventDefault();
    depth = 0;
    drop.hidden = true;
    const files = await droppedFiles(e.dataTransfer);
    if (files.length) openFiles(files);
  });
  $("open-folder").addEventListener("click", () => $("folder").click());
  $("folder").addEventListener("change", (e) => {
    openFiles(byPath([...e.target.files]));
    e.target.value = "";
  });
  $("cancel").addEventListener("click", () => {
    if (state.batch) state.batch.cancelled = true;
  });
  $("clear-saved").addEventListener("click", async () => {
    // A load under way would keep saving pages: it stops first.
    if (state.batch) {
      state.batch.cancelled = true;
      await state.batch.finished;
    }
    await (await storePromise).clear();
    for (const id of [...state.saved.keys()]) await core.removePage(id);
    state.saved.clear();
    if (state.words) await core.clearUserWords();
    await refreshContents();
    await afterWordsChanged();
    notify("已清除保存的版面和词语 Saved pages and words cleared");
  });
  document.addEventListener("paste", (e) => {
    if (e.target.closest?.("input, textarea")) return;
    const text = e.clipboardData.getData("text/plain");
    if (text.trim()) {
      e.preventDefault();
      openText(text);
    }
  });

  $("dict-form").addEventListener("submit", async (e) => {
    e.preventDefault();
    const input = $("dict-input");
    const fields = $("dict-fields");
    fields.disabled = true;
    try {
      const report = await core.addUserWords(input.value);
      await saveWords();
      const lines = [`加入 ${report.added.length} 个词 Added ${report.added.length}`];
      for (const err of report.errors) lines.push(`第 ${err.line} 行 line ${err.line}: ${err.message}`);
      $("dict-report").textContent = lines.join("；");
      if (!report.errors.length) input.value = "";
      await afterWordsChanged();
    } catch (err) {
      $("dict-report").textContent = err.message;
    } finally {
      fields.disabled = false;
      input.focus();
    }
  });

  $("export-json").addEventListener("click", async () => download("baozhi.json", await core.exportJson(), "application/json"));
  $("export-md").addEventListener("click", async () => download("baozhi.md", await core.exportMarkdown(), "text/markdown"));
  $("copy-link").addEventListener("click", async () => {
    writeHash();
    try {
      await navigator.clipboard.writeText(location.href);
      notify("链接已复制 Link copied");
    } catch {
      alertUser(`复制失败，请手动复制 Copy by hand: ${location.href}`);
    }
  });
  const showContents = (open) => {
    document.body.classList.toggle("show-contents", open);
    $("menu").setAttribute("aria-expanded", String(open));
    if (open) $("toc").querySelector("a")?.focus();
  };
  $("menu").addEventListener("click", () => showContents(!document.body.classList.contains("show-contents")));
  $("contents").addEventListener("keydown", (e) => {
    if (e.key === "Escape" && document.body.classList.contains("show-contents")) {
      showContents(false);
      $("menu").focus();
    }
  });

  $("toc").addEventListener("click", (e) => {
    const link = e.target.closest("a");
    if (!link) return;
    e.preventDefault();
    const params = new URLSearchParams(link.getAttribute("href").slice(1));
    const page = state.pages[Number(params.get("p"))];
    if (!page) return;
    if (document.body.classList.contains("show-contents")) showContents(false);
    showArticle(page.id, Number(params.get("a"))).then(writeHash);
  });
  window.addEventListener("popstate", () => followHash());
  trackReading();
  updateStatus();
}

wire();
