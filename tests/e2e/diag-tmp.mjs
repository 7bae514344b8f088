import { chromium } from "playwright-core";
import { serve } from "./server.mjs";
import { LAUNCH } from "./launch.mjs";
const server = await serve("/work/perf");
const browser = await chromium.launch(LAUNCH);
const page = await (await browser.newContext({ viewport: { width: 1400, height: 900 } })).newPage();
await page.goto(`${server.url}/dist/index.html`);
await page.getByText("词语功能已就绪").waitFor({ timeout: 60000 });
await page.evaluate(() => {
  window.__log = [];
  const core = window.baozhi.core;
  const t0 = performance.now();
  for (const name of ["openFile", "loadMore", "catchUp", "pages", "contents", "search", "renderArticles"]) {
    const orig = core[name];
    window.__log.push(name);
  }
  const stats = {};
  window.__stats = stats;
  const proxyCall = window.baozhi.core;
});
// Wrap at the worker protocol: count time per method from the page (round trip).
await page.evaluate(() => {
  const stats = (window.__stats = {});
  const app = window.baozhi.app;
  const core = app.core;
  const wrapped = new Proxy(core, {
    get(target, name) {
      const f = target[name];
      if (typeof f !== "function") return f;
      return async (...args) => {
        const t = performance.now();
        try { return await f(...args); } finally {
          const s = (stats[name] ??= { n: 0, ms: 0 });
          s.n++; s.ms += performance.now() - t;
        }
      };
    },
  });
  app.core = wrapped;
});
const t0 = Date.now();
await page.locator("#files").setInputFiles("/work/perf/target/e2e-year.txt");
await page.waitForFunction(() => window.baozhi.state.batch === null && window.baozhi.state.pages.length > 100, null, { timeout: 300000, polling: 250 });
console.log("load s", (Date.now() - t0) / 1000);
console.log(JSON.stringify(await page.evaluate(() => window.baozhi.core.timings())));
await browser.close(); await server.close();
