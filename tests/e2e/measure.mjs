// Measurements of the web reader in headless Chromium (reported, never
// asserted): `node tests/e2e/measure.mjs [dist] [pages]`.
//
// - On the sample: navigation to the first article shown, to word features
//   ready, search latency per keystroke; and in the same browser, as the
//   peer, jieba-wasm's initialisation and segmentation speed on the same
//   text, beside baozhi's.
// - On many synthetic pages (200 by default): time to load them all, the
//   longest main-thread task meanwhile, search latency per keystroke at
//   that size, memory.
// - The transfer size of dist/ (raw, gzip, brotli), when built.

import { chromium } from "playwright-core";
import { execFileSync } from "node:child_process";
import { existsSync, readdirSync, readFileSync, rmSync } from "node:fs";
import { brotliCompressSync, constants, gzipSync } from "node:zlib";
import { serve } from "./server.mjs";
import { LAUNCH } from "./launch.mjs";

const ROOT = new URL("../../", import.meta.url).pathname;
const pagesWanted = Number(process.argv[3] || 200);
const sampleText = readFileSync(`${ROOT}tests/fixtures/seed-page.txt`, "utf8");
const ms = (x) => `${x.toFixed(0)} ms`;
const pct = (xs, p) => [...xs].sort((a, b) => a - b)[Math.min(xs.length - 1, Math.floor((p / 100) * xs.length))];

// Timestamps the page reports about itself, from navigation start.
const INSTRUMENT = () => {
  window.__marks = {};
  window.__longest = 0;
  new PerformanceObserver((list) => {
    for (const e of list.getEntries()) window.__longest = Math.max(window.__longest, e.duration);
  }).observe({ type: "longtask", buffered: true });
  new MutationObserver(() => {
    if (!window.__marks.article && document.querySelector("#reading article")) window.__marks.article = performance.now();
    const words = document.querySelector("#words-state");
    if (!window.__marks.words && words && /就绪/.test(words.textContent)) window.__marks.words = performance.now();
  }).observe(document, { subtree: true, childList: true, characterData: true });
};

/** Types a query key by key; returns each keystroke's time to results. */
async function keystrokes(page, query) {
  await page.locator("#q").fill("");
  await page.waitForTimeout(200);
  const times = [];
  for (let i = 1; i <= query.length; i++) {
    const t = await page.evaluate(
      (q) =>
        new Promise((resolve) => {
          const list = document.querySelector("#result-list");
          const start = performance.now();
          const done = new MutationObserver(() => {
            done.disconnect();
            resolve(performance.now() - start);
          });
          done.observe(list, { childList: true, subtree: true });
          const box = document.querySelector("#q");
          box.value = q;
          box.dispatchEvent(new Event("input", { bubbles: true }));
        }),
      query.slice(0, i),
    );
    times.push(t);
  }
  return times;
}

async function sampleRun(browser, base) {
  const context = await browser.newContext({ viewport: { width: 1400, height: 900 } });
  const page = await context.newPage();
  await page.addInitScript(INSTRUMENT);
  await page.goto(`${base}/www/index.html`);
  await page.waitForFunction(() => window.__marks.words, null, { timeout: 60000 });
  const marks = await page.evaluate(() => window.__marks);
  const times = [];
  for (const q of ["王健", "安全生产监督", "义乌小商品", "亚运会吉祥物"]) times.push(...(await keystrokes(page, q)));
  const ours = await page.evaluate((text) => window.baozhi.core.timeSegment(text, 20), sampleText);
  const peer = await page.evaluate(async (text) => {
    const t0 = performance.now();
    const m = await import("/node_modules/jieba-wasm/pkg/web/jieba_rs_wasm.js");
    await m.default();
    // Its dictionary is built on first use: the first cut is part of starting.
    m.cut("预热", true);
    const init = performance.now() - t0;
    const t1 = performance.now();
    let words = 0;
    for (let i = 0; i < 20; i++) words += m.cut(text, true).length;
    return { init, ms: performance.now() - t1, words };
  }, sampleText);
  await context.close();
  const mbps = (r) => ((sampleText.length * 3 * 20) / 1e6 / (r.ms / 1000)).toFixed(1);
  console.log("sample page, headless Chromium:");
  console.log(`  navigation → first article shown:   ${ms(marks.article)}`);
  console.log(`  navigation → word features ready:   ${ms(marks.words)}`);
  console.log(`  search per keystroke: p50 ${ms(pct(times, 50))}, p99 ${ms(pct(times, 99))} (${times.length} keystrokes)`);
  console.log(`  baozhi segment (reading mode, in its worker): ${mbps(ours)} MB/s (${ours.words / 20} words)`);
  console.log(`  jieba-wasm cut (HMM, main thread): ready ${ms(peer.init)} (load + first cut), ${mbps(peer)} MB/s (${peer.words / 20} words)`);
}

async function manyPagesRun(browser, base) {
  const dir = `${ROOT}target/synthetic-pages`;
  rmSync(dir, { recursive: true, force: true });
  execFileSync(`${ROOT}target/release/baozhi`, ["synth", String(pagesWanted), dir]);
  const files = readdirSync(dir).sort().map((f) => `${dir}/${f}`);
  const bytes = files.reduce((n, f) => n + readFileSync(f).length, 0);
  const context = await browser.newContext({ viewport: { width: 1400, height: 900 } });
  const page = await context.newPage();
  await page.addInitScript(INSTRUMENT);
  await page.goto(`${base}/www/index.html`);
  await page.waitForFunction(() => window.__marks.words, null, { timeout: 60000 });
  await page.evaluate(() => (window.__longest = 0));
  const t0 = Date.now();
  await page.locator("#files").setInputFiles(files);
  await page.waitForFunction(() => document.querySelector("#progress").hidden === false, null, { timeout: 10000 }).catch(() => {});
  await page.waitForFunction(() => document.querySelector("#progress").hidden && window.baozhi.state.batch === null, null, {
    timeout: 300000,
  });
  const loadMs = Date.now() - t0;
  const longest = await page.evaluate(() => window.__longest);
  const times = [];
  for (const q of ["的", "物把", "问小八", "发展", "not there"]) times.push(...(await keystrokes(page, q)));
  const memory = await page.evaluate(async () => ({
    wasm: await window.baozhi.core.memoryBytes(),
    heap: performance.memory ? performance.memory.usedJSHeapSize : null,
  }));
  const articles = await page.evaluate(() => window.baozhi.state.contents.length);
  await context.close();
  console.log(`\n${files.length} synthetic pages (${(bytes / 1e6).toFixed(1)} MB, ${articles} articles with the sample):`);
  console.log(`  load them all (file input → done):   ${ms(loadMs)}`);
  console.log(`  longest main-thread task meanwhile:  ${ms(longest)} (long tasks are those over 50 ms; 0 means none)`);
  console.log(`  search per keystroke: p50 ${ms(pct(times, 50))}, p99 ${ms(pct(times, 99))} (${times.length} keystrokes)`);
  console.log(
    `  memory: WebAssembly ${(memory.wasm / 1e6).toFixed(0)} MB (worker), page JS heap ${memory.heap ? (memory.heap / 1e6).toFixed(0) + " MB" : "n/a"}`,
  );
}

function transferSize() {
  const dist = `${ROOT}dist`;
  if (!existsSync(dist)) return console.log("\n(dist/ not built: run scripts/build-site for the transfer size)");
  const rows = readdirSync(dist).map((f) => {
    return { f, ...sized(`${dist}/${f}`) };
  });
  const kb = (n) => `${(n / 1024).toFixed(0)} KiB`.padStart(10);
  const row = (name, r) => console.log(`  ${name.padEnd(40)} ${kb(r.raw)} ${kb(r.gz)} ${kb(r.br)}`);
  console.log("\ndist/ transfer size (raw, gzip -9, brotli -q 11):");
  for (const r of rows) row(r.f, r);
  const over = rows.filter((r) => !r.f.startsWith("core-data"));
  const sum = (list, k) => list.reduce((n, r) => n + r[k], 0);
  const total = (list) => ({ raw: sum(list, "raw"), gz: sum(list, "gz"), br: sum(list, "br") });
  row("downloaded over http (all but core-data)", total(over));
  row("  of it, core and dictionary", total(over.filter((r) => /\.(wasm|bin)$/.test(r.f))));
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
try {
  await sampleRun(browser, server.url);
  await manyPagesRun(browser, server.url);
  transferSize();
} finally {
  await browser.close();
  await server.close();
}
