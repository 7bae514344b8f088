// A file opened by the user, alone (reported, never asserted): in a fresh
// page of the built site with word features ready, one synthetic page is
// chosen in the file input; the time from the choice (the input's change
// event) to its first article in the DOM and to the frame painted after
// it, and the worker's calls meanwhile (`core.timings()`). ROUNDS fresh
// pages, with no search on screen and with one, taking turns; with TRACE,
// a Chrome trace of the last round (Playwright's browser.startTracing).
// `node tests/e2e/measure-open.mjs [ROUNDS] [TRACE.json]`

import { chromium } from "playwright-core";
import { execFileSync } from "node:child_process";
import { existsSync } from "node:fs";
import { serve } from "./server.mjs";
import { LAUNCH } from "./launch.mjs";

const ROOT = new URL("../../", import.meta.url).pathname;
const rounds = Number(process.argv[2] || 4);
const tracePath = process.argv[3];
if (!existsSync(`${ROOT}dist/index.html`)) {
  console.error("dist/ is not built: run scripts/build-site");
  process.exit(1);
}
const dir = `${ROOT}target/one-page`;
execFileSync(`${ROOT}target/release/baozhi`, ["synth", "1", dir]);
const server = await serve(ROOT);
const browser = await chromium.launch(LAUNCH);

async function once(query, trace) {
  const context = await browser.newContext({ viewport: { width: 1400, height: 900 } });
  const page = await context.newPage();
  await page.goto(`${server.url}/dist/index.html`);
  await page.waitForFunction(() => window.baozhi.state.words && document.querySelector("#reading .person"), null, { timeout: 60000 });
  if (query) {
    await page.locator("#q").fill(query);
    await page.waitForFunction((q) => window.baozhi.state.query === q && window.baozhi.state.shownSeq === window.baozhi.state.searchSeq, query);
  }
  await page.waitForTimeout(300);
  const before = await page.evaluate(() => window.baozhi.core.timings());
  await page.evaluate(() => {
    window.__opened = new Promise((resolve) => {
      let chosen = 0;
      document.querySelector("#files").addEventListener("change", () => (chosen = performance.now()), { capture: true, once: true });
      const main = document.querySelector("#reading");
      new MutationObserver((_, observer) => {
        if (!main.getAttribute("aria-label").includes("page-0001") || !main.querySelector("article")) return;
        observer.disconnect();
        const dom = performance.now() - chosen;
        requestAnimationFrame(() => setTimeout(() => resolve({ dom, painted: performance.now() - chosen })));
      }).observe(main, { childList: true, attributes: true });
    });
  });
  if (trace) await browser.startTracing(page, { path: trace, categories: ["devtools.timeline", "disabled-by-default-devtools.timeline", "blink.user_timing", "v8.execute", "toplevel"] });
  await page.locator("#files").setInputFiles(`${dir}/page-0001.txt`);
  const opened = await page.evaluate(() => window.__opened);
  await page.waitForFunction(() => window.baozhi.state.batch === null);
  if (trace) await browser.stopTracing();
  const after = await page.evaluate(() => window.baozhi.core.timings());
  await context.close();
  const calls = Object.entries(after)
    .filter(([name, t]) => name !== "timings" && t.calls !== (before[name]?.calls ?? 0))
    .map(([name, t]) => `${name} ${(t.ms - (before[name]?.ms ?? 0)).toFixed(1)} ms`);
  return { ...opened, calls };
}

const ms = (x) => `${x.toFixed(0)} ms`;
try {
  const runs = { none: [], search: [] };
  for (let r = 0; r < rounds; r++) {
    const last = r === rounds - 1;
    runs.none.push(await once("", null));
    runs.search.push(await once("富春江上赛龙舟", last ? tracePath : null));
  }
  console.log("a file opened in a fresh page of dist/, file chosen → first article in the DOM / painted:");
  for (const [name, list] of Object.entries(runs)) {
    console.log(`  ${name === "none" ? "no search on screen" : "a search on screen "}  ${list.map((o) => `${ms(o.dom)} / ${ms(o.painted)}`).join(", ")}`);
    console.log(`    in the worker: ${list.map((o) => o.calls.join(" + ")).join("; ")}`);
  }
  if (tracePath) console.log(`trace of the last round (a search on screen): ${tracePath}`);
} finally {
  await browser.close();
  await server.close();
}
