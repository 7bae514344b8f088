// Where a keystroke's time goes at many pages, frame by frame (reported,
// never asserted): `node tests/e2e/measure-search.mjs [dist|www] [pages] [rounds]`.
//
// Opens the reader, loads `pages` synthetic pages (200 by default), then
// types the queries of measure.mjs `rounds` times (3 by default), one
// keystroke at a time, each timed from the input event to its answer drawn
// and a frame painted. Besides the app's own steps (app.searchTiming), the
// browser's long animation frames (LoAF: frames over 50 ms) during the
// keystroke say how much of it was script, and of the script which
// callbacks, and how much style, layout and paint.

import { chromium } from "playwright-core";
import { execFileSync } from "node:child_process";
import { readdirSync, rmSync } from "node:fs";
import { serve } from "./server.mjs";
import { LAUNCH } from "./launch.mjs";

const ROOT = new URL("../../", import.meta.url).pathname;
const target = process.argv[2] || "dist";
const PAGE = target === "dist" ? "/dist/index.html" : "/www/index.html";
const pagesWanted = Number(process.argv[3] || 200);
const rounds = Number(process.argv[4] || 3);
const QUERIES = ["的", "物把", "问小八", "发展", "not there"];
const pct = (xs, p) => [...xs].sort((a, b) => a - b)[Math.min(xs.length - 1, Math.floor((p / 100) * xs.length))];
const f = (x) => (x === undefined || Number.isNaN(x) ? "—" : `${x.toFixed(1)} ms`);

const server = await serve(ROOT);
const browser = await chromium.launch(LAUNCH);
try {
  const context = await browser.newContext({ viewport: { width: 1400, height: 900 } });
  const page = await context.newPage();
  await page.addInitScript(() => {
    window.__frames = [];
    new PerformanceObserver((list) => window.__frames.push(...list.getEntries().map((e) => e.toJSON()))).observe({
      type: "long-animation-frame",
      buffered: true,
    });
  });
  await page.goto(`${server.url}${PAGE}`);
  await page.getByText("词语功能已就绪").waitFor({ timeout: 60000 });
  const dir = `${ROOT}target/synthetic-pages`;
  rmSync(dir, { recursive: true, force: true });
  execFileSync(`${ROOT}target/release/baozhi`, ["synth", String(pagesWanted), dir]);
  const files = readdirSync(dir).sort().map((name) => `${dir}/${name}`);
  await page.locator("#files").setInputFiles(files);
  await page.waitForFunction((n) => window.baozhi.state.pages.length === n && window.baozhi.state.batch === null, files.length + 1, {
    timeout: 600000,
    polling: 200,
  });
  await page.waitForTimeout(500);

  const keys = [];
  for (let r = 0; r < rounds; r++) {
    for (const query of QUERIES) {
      await page.locator("#q").fill("");
      await page.waitForTimeout(200);
      for (let i = 1; i <= query.length; i++) {
        keys.push(
          await page.evaluate(
            (q) =>
              new Promise((resolve) => {
                const state = window.baozhi.state;
                const box = document.querySelector("#q");
                window.__frames.length = 0;
                const start = performance.now();
                box.value = q;
                box.dispatchEvent(new Event("input", { bubbles: true }));
                const sent = state.searchSeq;
                const check = () => {
                  if (state.shownSeq < sent) return setTimeout(check, 0);
                  const timing = { ...window.baozhi.app.searchTiming };
                  requestAnimationFrame(() =>
                    setTimeout(() => {
                      const end = performance.now();
                      // Frames that overlap the keystroke.
                      const frames = window.__frames.filter((e) => e.startTime < end && e.startTime + e.duration > start);
                      resolve({ q, ms: end - start, timing: { ...timing, start }, frames });
                    }),
                  );
                };
                check();
              }),
            query.slice(0, i),
          ),
        );
      }
    }
  }
  await context.close();

  const times = keys.map((k) => k.ms);
  console.log(`${pagesWanted} synthetic pages, ${keys.length} keystrokes (${rounds} rounds of ${QUERIES.join(", ")}):`);
  console.log(`  input → answer drawn and painted: p50 ${f(pct(times, 50))}, p90 ${f(pct(times, 90))}, p99 ${f(pct(times, 99))}`);
  // Of the long frames during keystrokes: script (by callback), forced
  // layout inside script, style and layout, and the rest of rendering.
  const sum = { frames: 0, total: 0, script: 0, forced: 0, styleLayout: 0, render: 0 };
  const byInvoker = new Map();
  for (const k of keys) {
    for (const e of k.frames) {
      const end = e.startTime + e.duration;
      sum.frames++;
      sum.total += e.duration;
      const scripts = e.scripts.reduce((n, s) => n + s.duration, 0);
      sum.script += scripts;
      sum.forced += e.scripts.reduce((n, s) => n + (s.forcedStyleAndLayoutDuration || 0), 0);
      if (e.styleAndLayoutStart) sum.styleLayout += end - e.styleAndLayoutStart;
      if (e.renderStart) sum.render += (e.styleAndLayoutStart || end) - e.renderStart;
      for (const s of e.scripts) {
        const name = `${s.invokerType} ${s.invoker}${s.sourceFunctionName ? ` (${s.sourceFunctionName})` : ""}`;
        const b = byInvoker.get(name) ?? { ms: 0, forced: 0, n: 0 };
        b.ms += s.duration;
        b.forced += s.forcedStyleAndLayoutDuration || 0;
        b.n++;
        byInvoker.set(name, b);
      }
    }
  }
  console.log(`  long frames (over 50 ms) during the keystrokes: ${sum.frames}, ${f(sum.total)} in all:`);
  console.log(`    script ${f(sum.script)} (of it forced style and layout ${f(sum.forced)}), rendering: animation frame callbacks etc. ${f(sum.render)}, style and layout ${f(sum.styleLayout)}`);
  for (const [name, b] of [...byInvoker].sort((a, b) => b[1].ms - a[1].ms).slice(0, 8)) {
    console.log(`    ${f(b.ms).padStart(10)} (forced layout ${f(b.forced)}) in ${b.n}× ${name}`);
  }
  console.log("  the slowest keystrokes:");
  for (const k of [...keys].sort((a, b) => b.ms - a.ms).slice(0, 5)) {
    const t = k.timing;
    const at = (name) => (t[name] === undefined ? NaN : t[name] - t.start);
    const frames = k.frames.map((e) => `${e.duration.toFixed(0)} ms (script ${e.scripts.reduce((n, s) => n + s.duration, 0).toFixed(0)}, style+layout ${e.styleAndLayoutStart ? (e.startTime + e.duration - e.styleAndLayoutStart).toFixed(0) : 0})`);
    console.log(
      `    ${JSON.stringify(k.q)} ${f(k.ms)}: sent ${f(at("sent"))}, answered ${f(at("answered"))} (core search ${f(t.core?.search)}, draw ${f(t.core?.draw)}), results ${f(at("results drawn"))}, article ${f(at("article drawn"))}, shown ${f(at("shown"))}; long frames: ${frames.join(", ") || "none"}`,
    );
  }
} finally {
  await browser.close();
  await server.close();
}
