// PDF pages a second in the browser (reported, never asserted): the PDF
// module and the core from pkg/ (scripts/build-wasm) in headless Chromium
// read each PDF as the page does, `pdfPage` then `Reader.loadParsed` (read,
// lay out, parse, index), beside `pdftotext` on the same files in the same
// run, one process a file.
// `node tests/e2e/measure-pdf.mjs DIR` (e.g. a `realtool make` folder).

import { chromium } from "playwright-core";
import { execFileSync } from "node:child_process";
import { readdirSync, readFileSync } from "node:fs";
import { serve } from "./server.mjs";
import { LAUNCH } from "./launch.mjs";

const ROOT = new URL("../../", import.meta.url).pathname;
const dir = process.argv[2];
if (!dir) throw new Error("usage: node tests/e2e/measure-pdf.mjs DIR");
const files = readdirSync(dir)
  .filter((f) => f.endsWith(".pdf"))
  .sort()
  .map((f) => `${dir}/${f}`);

const server = await serve(ROOT);
const browser = await chromium.launch(LAUNCH);
const page = await browser.newPage();
await page.goto(`${server.url}/www/index.html`);
const payload = files.map((f) => [f, [...readFileSync(f)]]);
const result = await page.evaluate(async (payload) => {
  const core = await import("/pkg/baozhi.js");
  await core.default();
  const pdf = await import("/pkg/pdf/baozhi_pdf.js");
  await pdf.default();
  const buffers = payload.map(([name, bytes]) => [name, new Uint8Array(bytes)]);
  const times = [];
  for (let round = 0; round < 3; round++) {
    const reader = new core.Reader();
    const start = performance.now();
    for (const [name, bytes] of buffers) reader.loadParsed(name, pdf.pdfPage(bytes));
    times.push(performance.now() - start);
    reader.free();
  }
  return Math.min(...times);
}, payload);
await browser.close();
server.close();

let best = Infinity;
for (let round = 0; round < 3; round++) {
  const start = performance.now();
  for (const f of files) execFileSync("pdftotext", ["-enc", "UTF-8", f, "-"], { maxBuffer: 1 << 26 });
  best = Math.min(best, performance.now() - start);
}
const rate = (ms) => `${((files.length * 1000) / ms).toFixed(1)} pages/s (${(ms / files.length).toFixed(1)} ms a page)`;
console.log(`${files.length} PDF files, one page each, best of 3`);
console.log(`browser, pdfPage + Reader.loadParsed: ${rate(result)}`);
console.log(`pdftotext (native, one process a file): ${rate(best)}`);
