// Measures the static archive in headless Chromium against Pagefind over
// the same pages. First `baozhi bench archive --pages N --dir DIR` (it
// writes DIR/site/archive, DIR/html and DIR/queries.json), then
// `node tests/e2e/archive-measure.mjs DIR [PAGEFIND_BINARY]`. It copies the
// reader (dist/, scripts/build-site) into DIR/site, runs Pagefind on
// DIR/html, serves DIR on 127.0.0.1 and, per query: requests and bytes
// (gzip) the archive fetches for its index, for the 20 results' page data,
// time to the first results and to the whole answer; Pagefind's requests
// and bytes for its search and for 20 results' data; recall and precision
// of both by page against the archive's exact answer (the bench checks
// that against a scan of the text).

import { chromium } from "playwright-core";
import { execFileSync } from "node:child_process";
import { cp, readdir, readFile, stat, writeFile } from "node:fs/promises";
import { gzipSync } from "node:zlib";
import { serve } from "./server.mjs";
import { LAUNCH } from "./launch.mjs";

const ROOT = new URL("../../", import.meta.url).pathname;
// `--no-pagefind`: the archive alone (its rows without Pagefind's columns).
const noPagefind = process.argv.includes("--no-pagefind");
const [dir, pagefindBin = `${ROOT}target/pagefind/node_modules/@pagefind/linux-x64/bin/pagefind_extended`] = process.argv
  .slice(2)
  .filter((a) => a !== "--no-pagefind");
if (!dir) {
  console.error("usage: node tests/e2e/archive-measure.mjs DIR [PAGEFIND_BINARY]");
  process.exit(1);
}
const queries = JSON.parse(await readFile(`${dir}/queries.json`, "utf8"));

// The reader, told where the archive is.
await cp(`${ROOT}dist`, `${dir}/site`, { recursive: true });
const index = await readFile(`${dir}/site/index.html`, "utf8");
await writeFile(`${dir}/site/index.html`, index.replace("<html ", '<html data-archive="archive/manifest.json" '));

async function du(path) {
  let raw = 0;
  let files = 0;
  for (const e of await readdir(path, { withFileTypes: true, recursive: true })) {
    if (!e.isFile()) continue;
    raw += (await stat(`${e.parentPath}/${e.name}`)).size;
    files++;
  }
  return { raw, files };
}

let started = Date.now();
if (!noPagefind) execFileSync(pagefindBin, ["--site", `${dir}/html`, "--force-language", "zh"], { stdio: "ignore" });
const pagefindSeconds = (Date.now() - started) / 1000;
const pagefindSize = noPagefind ? { raw: 0, files: 0 } : await du(`${dir}/html/pagefind`);

const server = await serve(dir);
const browser = await chromium.launch(LAUNCH);
const base = server.url;

/** Bytes of the responses a page receives (gzip of the body, as a host that compresses would send; Pagefind's files are gzip already). */
function meter(page) {
  const log = [];
  page.on("response", async (r) => {
    try {
      const body = await r.body();
      const gz = r.url().includes("/pagefind/") && !r.url().endsWith(".js") && !r.url().endsWith(".json") ? body.length : gzipSync(body).length;
      log.push({ url: r.url(), gz });
    } catch {
      // Redirects and aborted requests have no body.
    }
  });
  return log;
}

const rows = [];
// The archive in the reader.
{
  const context = await browser.newContext();
  const page = await context.newPage();
  const log = meter(page);
  await page.goto(`${base}/site/index.html`);
  await page.getByText("词语功能已就绪").waitFor({ timeout: 60000 });
  const box = page.getByRole("searchbox", { name: /Search the whole archive/ });
  await page.waitForFunction(() => document.querySelector(".archive-browse details"));
  await page.waitForTimeout(500);
  const manifestGz = log.filter((l) => l.url.includes("/archive/")).reduce((s, l) => s + l.gz, 0);
  for (const q of queries) {
    await box.fill("");
    await page.waitForTimeout(300);
    log.length = 0;
    const t0 = Date.now();
    await box.fill(q);
    await box.press("Enter");
    await page.waitForFunction(() => document.querySelector(".archive-results li") || /^\d+ 处/.test(document.querySelector(".archive output").textContent), null, { polling: 5 });
    const first = Date.now() - t0;
    await page.waitForFunction(() => /^\d+ 处/.test(document.querySelector(".archive output").textContent), null, { polling: 5, timeout: 120000 });
    const all = Date.now() - t0;
    await page.waitForTimeout(400);
    const mine = log.filter((l) => l.url.includes("/archive/"));
    const idx = mine.filter((l) => !l.url.includes("/archive/p/"));
    const data = mine.filter((l) => l.url.includes("/archive/p/"));
    rows.push({ q, requests: idx.length, kB: idx.reduce((s, l) => s + l.gz, 0) / 1e3, dataRequests: data.length, dataKB: data.reduce((s, l) => s + l.gz, 0) / 1e3, first, all });
  }
  // Every result's page (the truth for Pagefind's precision): the whole
  // answer, with the files it needs fetched — after the measurement, so
  // that it warms no query's files.
  for (const row of rows) {
    const answer = await page.evaluate(async (q) => {
      const core = window.baozhi.core;
      for (;;) {
        const a = await core.archiveSearch(q, 1e9);
        if (!a.need.length) return a;
        for (const name of a.need) {
          const r = await fetch(new URL(name, new URL("archive/", document.baseURI)));
          await core.archiveAdd(name, new Uint8Array(await r.arrayBuffer()));
        }
      }
    }, row.q);
    row.results = answer.total_results;
    row.pages = new Set(answer.results.map((r) => r.page));
  }
  const memory = await page.evaluate(async () => ({ wasm: await window.baozhi.core.memoryBytes(), heap: performance.memory?.usedJSHeapSize }));
  console.log(`archive: manifest and page start ${(manifestGz / 1e3).toFixed(1)} kB gzip; memory after all queries: WebAssembly ${(memory.wasm / 1e6).toFixed(1)} MB (the reader's, with the dictionary), page heap ${((memory.heap || 0) / 1e6).toFixed(1)} MB`);
  await context.close();
}

// Pagefind over the same pages as HTML.
if (!noPagefind) {
  const context = await browser.newContext();
  const page = await context.newPage();
  const log = meter(page);
  await page.goto(`${base}/html/00000.html`);
  await page.evaluate(async () => {
    window.pf = await import("/html/pagefind/pagefind.js");
    await window.pf.init();
  });
  await page.waitForTimeout(300);
  for (const row of rows) {
    log.length = 0;
    const t0 = Date.now();
    const ids = await page.evaluate(async (q) => (await window.pf.search(q)).results.length, row.q);
    const searchMs = Date.now() - t0;
    await page.waitForTimeout(200);
    const searchLog = log.splice(0);
    log.length = 0;
    await page.evaluate(async (q) => {
      const r = await window.pf.search(q);
      await Promise.all(r.results.slice(0, 20).map((x) => x.data()));
    }, row.q);
    await page.waitForTimeout(200);
    const dataLog = log.splice(0).filter((l) => l.url.includes("fragment"));
    const urls = await page.evaluate(async (q) => {
      const r = await window.pf.search(q);
      return Promise.all(r.results.map(async (x) => (await x.data()).url));
    }, row.q);
    const found = new Set(urls.map((u) => Number(u.match(/(\d+)\.html/)[1])));
    const right = [...found].filter((p) => row.pages.has(p)).length;
    row.pf = {
      results: ids,
      requests: searchLog.length,
      kB: searchLog.reduce((s, l) => s + l.gz, 0) / 1e3,
      dataKB: dataLog.reduce((s, l) => s + l.gz, 0) / 1e3,
      ms: searchMs,
      precision: found.size ? right / found.size : 1,
      recall: row.pages.size ? right / row.pages.size : 1,
    };
  }
  await context.close();
}
await browser.close();
await server.close();

const archiveSize = await du(`${dir}/site/archive`);
console.log(`Pagefind 1.6.0: index ${(pagefindSize.raw / 1e6).toFixed(1)} MB on disk (its files are gzip) in ${pagefindSize.files} files, built in ${pagefindSeconds.toFixed(1)} s`);
console.log(`archive folder (index, contents, pages' data): ${(archiveSize.raw / 1e6).toFixed(1)} MB raw in ${archiveSize.files} files\n`);
console.log("| query | archive: articles (pages) | requests | kB gzip | first ms | all ms | 20 shown: kB | Pagefind: pages | requests | kB | ms | 20 shown: kB | precision | recall |");
console.log("|---|---|---|---|---|---|---|---|---|---|---|---|---|---|");
const median = (xs) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)];
for (const r of rows) {
  r.pf ??= { results: "", requests: "", kB: 0, ms: "", dataKB: 0, precision: 0, recall: 0 };
  console.log(
    `| \`${r.q}\` | ${r.results} (${r.pages.size}) | ${r.requests} | ${r.kB.toFixed(1)} | ${r.first} | ${r.all} | ${r.dataKB.toFixed(1)} | ${r.pf.results} | ${r.pf.requests} | ${r.pf.kB.toFixed(1)} | ${r.pf.ms} | ${r.pf.dataKB.toFixed(1)} | ${r.pf.precision.toFixed(2)} | ${r.pf.recall.toFixed(2)} |`,
  );
}
console.log(`\nmedian kB gzip per query (index): archive ${median(rows.map((r) => r.kB)).toFixed(1)}, Pagefind ${median(rows.map((r) => r.pf.kB)).toFixed(1)}; median first results: archive ${median(rows.map((r) => r.first))} ms`);
