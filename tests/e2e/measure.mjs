// Measurements of the web reader in headless Chromium (reported, never
// asserted): `node tests/e2e/measure.mjs [dist|www] [pages] [runs]`
// (MEASURE_ONLY=sample,pages,file,size for some parts only).
//
// `dist` (the default) times the built site, what users get (run
// scripts/build-site first, then `npm ci`: the peer is a dev dependency);
// `www` times the development page with the core in pkg/
// (scripts/build-wasm).
//
// - On the sample, `runs` times (5 by default; medians): where the time
//   goes from navigation start (HTML parsed, scripts evaluated, worker
//   started, WebAssembly fetched / compiled / instantiated, sample parsed,
//   article drawn, dictionary fetched, segmenter built, first annotation),
//   and as the peer, in a fresh page of the same browser between our runs,
//   jieba-wasm loaded and ready (load + first cut); the ratios are taken
//   run by run. Search per keystroke: input event → the marked article
//   drawn (the answer shown and a frame painted; also to the answer in the
//   DOM, before that frame). Segmentation speed in
//   UTF-8 bytes per second, ours and the peer's, on the same text.
// - On many synthetic pages (200 by default): time to load them all, the
//   longest main-thread task meanwhile, a search typed during the load,
//   search latency per keystroke at that size, memory.
// - One file of 30 MB: 5,000 synthetic pages joined by form feeds, opened
//   as a user would: load speed, the longest main-thread task, a search
//   typed during the load and the time to its answer.
// - The transfer size of dist/ (raw, gzip, brotli), and what is fetched
//   before the first article.

import { chromium } from "playwright-core";
import { execFileSync } from "node:child_process";
import { existsSync, readdirSync, readFileSync, rmSync, statSync } from "node:fs";
import { brotliCompressSync, constants, gzipSync } from "node:zlib";
import { serve } from "./server.mjs";
import { LAUNCH } from "./launch.mjs";
import { searchDuringLoad } from "./probes.mjs";

const ROOT = new URL("../../", import.meta.url).pathname;
const target = process.argv[2] || "dist";
if (!["dist", "www"].includes(target)) {
  console.error("usage: node tests/e2e/measure.mjs [dist|www] [pages] [runs]");
  process.exit(1);
}
const pagesWanted = Number(process.argv[3] || 200);
const runs = Number(process.argv[4] || 5);
const PAGE = target === "dist" ? "/dist/index.html" : "/www/index.html";
if (target === "dist" && !existsSync(`${ROOT}dist/index.html`)) {
  console.error("dist/ is not built: run scripts/build-site (then npm ci for the peer), or measure www");
  process.exit(1);
}
const sampleText = readFileSync(`${ROOT}tests/fixtures/sample-page.txt`, "utf8");
const utf8 = (s) => Buffer.byteLength(s, "utf8");
const ms = (x) => (x === undefined || x === null || Number.isNaN(x) ? "—" : `${x.toFixed(0)} ms`);
const pct = (xs, p) => [...xs].sort((a, b) => a - b)[Math.min(xs.length - 1, Math.floor((p / 100) * xs.length))];
const median = (xs) => {
  const s = xs.filter((x) => x !== undefined && x !== null).sort((a, b) => a - b);
  if (!s.length) return undefined;
  return s.length % 2 ? s[(s.length - 1) / 2] : (s[s.length / 2 - 1] + s[s.length / 2]) / 2;
};

// Timestamps the page reports about itself, from navigation start; the
// longest main-thread task; and what a watched search answered when.
const INSTRUMENT = () => {
  window.__marks = {};
  window.__longest = 0;
  window.__since = 0; // long tasks from then on count
  new PerformanceObserver((list) => {
    for (const e of list.getEntries()) if (e.startTime >= window.__since) window.__longest = Math.max(window.__longest, e.duration);
  }).observe({ type: "longtask", buffered: true });
  const seen = (name) => {
    if (window.__marks[name]) return;
    window.__marks[name] = performance.now();
    requestAnimationFrame(() => setTimeout(() => (window.__marks[`${name} (painted)`] = performance.now())));
  };
  new MutationObserver(() => {
    if (document.querySelector("#reading article")) seen("article drawn");
    const words = document.querySelector("#words-state");
    if (words && /就绪/.test(words.textContent)) seen("word features ready");
    if (document.querySelector("#reading .person")) seen("first annotation drawn");
  }).observe(document, { subtree: true, childList: true, characterData: true });
};

/** Every mark of one load of the page, from its navigation start: the
 * page's own (performance.mark "baozhi:…"), the worker's (converted to the
 * page's clock), navigation and resource timing, and the observer's. */
async function allMarks(page) {
  // (A page from before the worker kept marks has none.)
  const workerMarks = await page.evaluate(() => window.baozhi.core.marks().catch(() => []));
  return page.evaluate((worker) => {
    const out = { ...window.__marks };
    const nav = performance.getEntriesByType("navigation")[0];
    out["HTML parsed (DOM interactive)"] = nav.domInteractive;
    out["scripts run (DOMContentLoaded end)"] = nav.domContentLoadedEventEnd;
    const fcp = performance.getEntriesByName("first-contentful-paint")[0];
    if (fcp) out["first contentful paint"] = fcp.startTime;
    for (const m of performance.getEntriesByType("mark")) if (m.name.startsWith("baozhi:")) out[m.name.slice(7)] ??= m.startTime;
    for (const [name, at] of worker) out[name] ??= at - performance.timeOrigin;
    return out;
  }, workerMarks);
}

// The breakdown, in the order things happen.
const BREAKDOWN = [
  "HTML parsed (DOM interactive)",
  "scripts run (DOMContentLoaded end)",
  "scripts evaluated",
  "worker started",
  "wasm fetched",
  "wasm compiled",
  "wasm instantiated",
  "core ready",
  "sample parsed",
  "article drawn",
  "first contentful paint",
  "article drawn (painted)",
  "dictionary fetched",
  "dictionary bytes in the worker",
  "words asked",
  "segmenter build started",
  "segmenter built",
  "word features ready",
  "first annotation drawn",
];

/** Types a query key by key; returns each keystroke's time from the input
 * event to its answer drawn: the results and the marked article shown
 * (the app's shownSeq reaches the search sent) and a frame painted; with
 * `.answered` (to the answer in the DOM, before that frame) and `.steps`
 * (where the time went, from the app's searchTiming). */
async function keystrokes(page, query) {
  await page.locator("#q").fill("");
  await page.waitForTimeout(200);
  const times = [];
  times.answered = [];
  times.steps = [];
  for (let i = 1; i <= query.length; i++) {
    const t = await page.evaluate(
      (q) =>
        new Promise((resolve) => {
          const state = window.baozhi.state;
          const box = document.querySelector("#q");
          const start = performance.now();
          box.value = q;
          box.dispatchEvent(new Event("input", { bubbles: true }));
          const sent = state.searchSeq;
          const check = () => {
            if (state.shownSeq >= sent) {
              const answered = performance.now() - start;
              const t = { ...window.baozhi.app.searchTiming };
              requestAnimationFrame(() =>
                setTimeout(() => {
                  const painted = performance.now() - start;
                  // Each step's time, from the one before (absent in a page without them).
                  const at = (k) => (t[k] === undefined ? undefined : t[k] - start);
                  const steps = t.seq === sent
                    ? {
                        "input → sent": at("sent"),
                        "sent → answered (round trip)": at("answered") - at("sent"),
                        "  of it, the core's search": t.core?.search,
                        "  of it, the core drawing the page": t.core?.draw,
                        "answered → results listed": at("results drawn") - at("answered"),
                        "results → article in the DOM": at("article drawn") - at("results drawn"),
                        "article → hit shown (scroll)": at("shown") - at("article drawn"),
                        "shown → frame painted": painted - at("shown"),
                      }
                    : null;
                  resolve([painted, answered, steps]);
                }),
              );
            }
            else setTimeout(check, 0);
          };
          check();
        }),
      query.slice(0, i),
    );
    times.push(t[0]);
    times.answered.push(t[1]);
    times.steps.push(t[2]);
  }
  return times;
}

/** Keystroke times of several queries: painted, in the DOM, and their steps. */
async function typed(page, queries) {
  const times = [];
  times.answered = [];
  times.steps = [];
  for (const q of queries) {
    const t = await keystrokes(page, q);
    times.push(...t);
    times.answered.push(...t.answered);
    times.steps.push(...t.steps);
  }
  return times;
}

/** p50 and p99 of keystroke times, painted and in the DOM. */
const keyStats = (times) =>
  `p50 ${ms(pct(times, 50))}, p99 ${ms(pct(times, 99))} (${times.length} keystrokes; the answer in the DOM, before the frame: p50 ${ms(pct(times.answered, 50))}, p99 ${ms(pct(times.answered, 99))})`;

/** Where a keystroke's time goes: each step's p50 and p99, and the steps
 * of the slowest keystroke. */
function keySteps(times, indent = "    ") {
  const known = times.steps.filter(Boolean);
  if (!known.length) return;
  const names = Object.keys(known[0]);
  const f = (x) => (x === undefined || Number.isNaN(x) ? "—" : `${x.toFixed(1)} ms`);
  console.log(`${indent}where the time goes (p50 / p99 of each step; the slowest keystroke):`);
  const slowest = times.steps[times.indexOf(Math.max(...times))];
  for (const n of names) {
    const xs = known.map((s) => s[n]).filter((x) => x !== undefined && !Number.isNaN(x));
    console.log(`${indent}  ${n.padEnd(36)} ${f(pct(xs, 50)).padStart(9)} / ${f(pct(xs, 99)).padStart(9)}   ${f(slowest?.[n]).padStart(9)}`);
  }
}

async function newPage(browser) {
  const context = await browser.newContext({ viewport: { width: 1400, height: 900 } });
  const page = await context.newPage();
  await page.addInitScript(INSTRUMENT);
  return { context, page };
}

/** Our page, from navigation to the first annotation. */
async function oursOnce(browser, base) {
  const { context, page } = await newPage(browser);
  await page.goto(`${base}${PAGE}`);
  await page.waitForFunction(() => window.__marks["first annotation drawn (painted)"], null, { timeout: 60000 });
  const marks = await allMarks(page);
  return { context, page, marks };
}

/** jieba-wasm in a fresh page of the same origin: import, initialise,
 * first cut (its dictionary is built on first use). */
async function peerOnce(browser, base, text) {
  const { context, page } = await newPage(browser);
  await page.goto(`${base}/tests/fixtures/sample-page.txt`);
  const result = await page.evaluate(async (text) => {
    const t0 = performance.now();
    const m = await import("/node_modules/jieba-wasm/pkg/web/jieba_rs_wasm.js");
    await m.default();
    m.cut("预热", true);
    const ready = performance.now() - t0;
    let seg = null;
    if (text) {
      const t1 = performance.now();
      let words = 0;
      for (let i = 0; i < 20; i++) words += m.cut(text, true).length;
      seg = { ms: performance.now() - t1, words };
    }
    return { ready, seg };
  }, text);
  await context.close();
  return result;
}

async function sampleRuns(browser, base) {
  const all = [];
  const peers = [];
  let last = null;
  for (let r = 0; r < runs; r++) {
    const ours = await oursOnce(browser, base);
    all.push(ours.marks);
    if (r < runs - 1) await ours.context.close();
    else last = ours;
    peers.push(await peerOnce(browser, base, r === 0 ? sampleText : null));
  }
  // Keystrokes and segmentation speed on the last load.
  const { page, context } = last;
  const times = await typed(page, ["周立新", "安全生产大检查", "分水笔业", "富春江上赛龙舟"]);
  const ours = await page.evaluate((text) => window.baozhi.core.timeSegment(text, 20), sampleText);
  // A page the user opens: file chosen (the input's change event) → its
  // first article drawn and painted; first with the last query still on
  // screen (the page is then searched too), then with the search box
  // cleared.
  const dir = `${ROOT}target/one-page`;
  execFileSync(`${ROOT}target/release/baozhi`, ["synth", "2", dir]);
  const openOne = async (name) => {
    await page.evaluate((name) => {
      window.__opened = new Promise((resolve) => {
        let chosen = 0;
        document.querySelector("#files").addEventListener("change", () => (chosen = performance.now()), { capture: true, once: true });
        new MutationObserver((_, observer) => {
          if (!document.querySelector("#reading").getAttribute("aria-label").includes(name) || !document.querySelector("#reading article")) return;
          observer.disconnect();
          requestAnimationFrame(() => setTimeout(() => resolve(performance.now() - chosen)));
        }).observe(document.querySelector("#reading"), { childList: true, attributes: true });
      });
    }, name);
    await page.locator("#files").setInputFiles(`${dir}/${name}`);
    const ms = await page.evaluate(() => window.__opened);
    await page.waitForFunction(() => window.baozhi.state.batch === null);
    return ms;
  };
  const opened = await openOne("page-0001.txt");
  await keystrokes(page, "");
  const openedPlain = await openOne("page-0002.txt");
  await context.close();
  const peerReady = peers.map((p) => p.ready);
  const ratio = (name) => median(all.map((m, i) => m[name] / peerReady[i]));
  const mbps = (r) => ((utf8(sampleText) * 20) / 1e6 / (r.ms / 1000)).toFixed(1);
  console.log(`${target}/ (${PAGE}), headless Chromium, median of ${runs} loads:`);
  console.log("  from navigation start:");
  for (const name of BREAKDOWN) {
    const values = all.map((m) => m[name]);
    const r = ratio(name);
    console.log(`    ${name.padEnd(38)} ${ms(median(values)).padStart(8)}${r ? `   ${r.toFixed(2)}× jieba-wasm ready` : ""}`);
  }
  console.log(`  peer: jieba-wasm ready (load + first cut), fresh page: ${ms(median(peerReady))} (runs: ${peerReady.map((x) => x.toFixed(0)).join(", ")})`);
  console.log(`  search per keystroke, input → marked article drawn and painted: ${keyStats(times)}`);
  keySteps(times);
  console.log(`  a page opened by the user, file chosen → its first article drawn: ${ms(opened)} (a search on screen), ${ms(openedPlain)} (none)`);
  console.log(`  baozhi segment (reading mode, in its worker): ${mbps(ours)} MB/s of UTF-8 (${ours.words / 20} words)`);
  console.log(`  jieba-wasm cut (HMM, main thread):            ${mbps(peers[0].seg)} MB/s of UTF-8 (${peers[0].seg.words / 20} words)`);
}

async function loadRun(browser, base, files, label, bytes) {
  const { context, page } = await newPage(browser);
  await page.goto(`${base}${PAGE}`);
  await page.waitForFunction(() => window.__marks["word features ready"], null, { timeout: 60000 });
  await page.waitForTimeout(300);
  // From the files chosen on: not Playwright's own handing of them to the page.
  await page.evaluate(() => {
    window.__since = Infinity;
    document.querySelector("#files").addEventListener(
      "change",
      () => {
        window.__since = performance.now();
        window.__longest = 0;
      },
      { capture: true },
    );
  });
  const t0 = Date.now();
  await page.locator("#files").setInputFiles(files);
  await page.waitForFunction(() => window.baozhi.state.batch !== null, null, { timeout: 10000 }).catch(() => {});
  // As a reader would: a search typed 1.5 s after choosing the files.
  await page.waitForTimeout(Math.max(0, 1500 - (Date.now() - t0)));
  const during = await searchDuringLoad(page, "发展");
  await page.waitForFunction(() => document.querySelector("#progress").hidden && window.baozhi.state.batch === null, null, {
    timeout: 600000,
    polling: 100,
  });
  const loadMs = Date.now() - t0;
  const longest = await page.evaluate(() => window.__longest);
  // Where the worker's time went: each method of the core, its calls and time.
  const spent = Object.entries(await page.evaluate(() => window.baozhi.core.timings()))
    .filter(([, t]) => t.ms >= 50)
    .sort((a, b) => b[1].ms - a[1].ms)
    .map(([name, t]) => `${name} ${(t.ms / 1000).toFixed(1)} s (${t.calls})`);
  console.log(`\n${label} (${(bytes / 1e6).toFixed(1)} MB):`);
  console.log(`  load them all (file input → done):   ${ms(loadMs)} (${(bytes / 1e6 / (loadMs / 1000)).toFixed(1)} MB/s)`);
  console.log(`  longest main-thread task meanwhile:  ${ms(longest)} (long tasks are those over 50 ms; 0 means none)`);
  console.log(`  in the worker (since the page opened): ${spent.join(", ")}`);
  console.log(
    `  a search typed 1.5 s into the load:  answered in ${ms(during.ms)} with ${during.hits} hits, ${during.loading ? "while the load still ran" : "after the load had ended"}`,
  );
  const times = await typed(page, ["的", "物把", "问小八", "发展", "not there"]);
  const memory = await page.evaluate(async () => ({
    wasm: await window.baozhi.core.memoryBytes(),
    heap: performance.memory ? performance.memory.usedJSHeapSize : null,
    dom: document.getElementsByTagName("*").length,
  }));
  const articles = await page.evaluate(() => window.baozhi.state.contents.length);
  await context.close();
  console.log(`  ${articles} articles with the sample's`);
  console.log(`  search per keystroke afterwards: ${keyStats(times)}`);
  keySteps(times);
  console.log(
    `  memory: WebAssembly ${(memory.wasm / 1e6).toFixed(0)} MB (worker), page JS heap ${memory.heap ? (memory.heap / 1e6).toFixed(0) + " MB" : "n/a"}, ${memory.dom} elements in the DOM`,
  );
}

async function manyPagesRun(browser, base) {
  const dir = `${ROOT}target/synthetic-pages`;
  rmSync(dir, { recursive: true, force: true });
  execFileSync(`${ROOT}target/release/baozhi`, ["synth", String(pagesWanted), dir]);
  const files = readdirSync(dir).sort().map((f) => `${dir}/${f}`);
  const bytes = files.reduce((n, f) => n + statSync(f).size, 0);
  await loadRun(browser, base, files, `${files.length} synthetic pages, one file each`, bytes);
}

async function bigFileRun(browser, base) {
  const file = `${ROOT}target/synthetic-year.txt`;
  if (!existsSync(file)) execFileSync(`${ROOT}target/release/baozhi`, ["synth", "5000", file, "--joined"]);
  await loadRun(browser, base, [file], "one file of 5,000 synthetic pages joined by form feeds", statSync(file).size);
}

function transferSize() {
  const dist = `${ROOT}dist`;
  if (!existsSync(dist)) return console.log("\n(dist/ not built: run scripts/build-site for the transfer size)");
  const rows = readdirSync(dist).map((f) => {
    return { f, ...sized(`${dist}/${f}`) };
  });
  const kb = (n) => `${(n / 1024).toFixed(0)} KiB`.padStart(10);
  const row = (name, r) => console.log(`  ${name.padEnd(44)} ${kb(r.raw)} ${kb(r.gz)} ${kb(r.br)}`);
  console.log("\ndist/ transfer size (raw, gzip -9, brotli -q 11):");
  for (const r of rows) row(r.f, r);
  // core-data is for file:// only; the PDF reader is fetched when a PDF is opened.
  const onDemand = (f) => f.startsWith("core-data") || f.startsWith("baozhi-pdf");
  const over = rows.filter((r) => !onDemand(r.f));
  const sum = (list, k) => list.reduce((n, r) => n + r[k], 0);
  const total = (list) => ({ raw: sum(list, "raw"), gz: sum(list, "gz"), br: sum(list, "br") });
  row("downloaded over http (all but core-data, PDF)", total(over));
  row("  of it, core and dictionary", total(over.filter((r) => /\.(wasm|bin)$/.test(r.f))));
  // What the first article needs: the page and what it links (styles,
  // scripts, icon), and the core unless the article is in the HTML.
  const html = readFileSync(`${dist}/index.html`, "utf8");
  const linked = rows.filter((r) => r.f !== "index.html" && html.includes(`"${r.f}"`) && !onDemand(r.f));
  const prerendered = /<main[^>]*>\s*<article/.test(html);
  const first = [rows.find((r) => r.f === "index.html"), ...linked];
  if (!prerendered) first.push(...rows.filter((r) => /^baozhi\.[0-9a-f]+\.wasm$/.test(r.f)));
  row(`before the first article (${prerendered ? "in the HTML" : "needs the core"})`, total(first));
  row("peer: jieba-wasm (dictionary embedded)", sized(`${ROOT}node_modules/jieba-wasm/pkg/web/jieba_rs_wasm_bg.wasm`));
}

function sized(file) {
  const data = readFileSync(file);
  return {
    raw: data.length,
    gz: gzipSync(data, { level: 9 }).length,
    br: brotliCompressSync(data, { params: { [constants.BROTLI_PARAM_QUALITY]: 11 } }).length,
  };
}

const server = await serve(ROOT);
const browser = await chromium.launch(LAUNCH);
// MEASURE_ONLY=sample,pages,file,size picks parts (all by default).
const only = new Set((process.env.MEASURE_ONLY || "sample,pages,file,size").split(","));
try {
  if (only.has("sample")) await sampleRuns(browser, server.url);
  if (only.has("pages")) await manyPagesRun(browser, server.url);
  if (only.has("file")) await bigFileRun(browser, server.url);
  if (only.has("size")) transferSize();
} finally {
  await browser.close();
  await server.close();
}
