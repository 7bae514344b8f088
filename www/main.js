// The reader page: the core in a worker (core.js), the pages and words
// kept in this browser (store.js), the one app instance (app.js) and the
// views that register with it (view-*.js). Everything about the text —
// parsing, words, search, HTML with highlights — is done by the core; the
// page only arranges it.

import { startCore } from "./core.js";
import { openStore } from "./store.js";
import { settings } from "./settings.js";
import { createApp } from "./app.js";
import { alerts } from "./view-alerts.js";
import { readingSettings } from "./view-settings.js";
import { search } from "./view-search.js";
import { results } from "./view-results.js";
import { contents } from "./view-contents.js";
import { reading } from "./view-reading.js";
import { highlights } from "./view-highlights.js";
import { annotations } from "./view-annotations.js";
import { words } from "./view-words.js";
import { loader } from "./view-loader.js";
import { data } from "./view-data.js";
import { address } from "./view-address.js";
import { archive } from "./view-archive.js";

const core = startCore({
  workerUrl: new URL("worker.js", import.meta.url),
  makeWorker: globalThis.baozhiMakeWorker,
  onReady: () => {
    performance.mark("baozhi:core ready (page told)");
    app.run(start);
  },
  onWords: () => app.run(app.wordsReady),
  onWordsFailed: (error) => app.emit("words-failed", error),
  onFailure: (error) => app.emit("failed", error),
});
const app = createApp({ core, store: openStore(), settings });
const views = { alerts, settings: readingSettings, search, results, contents, reading, highlights, annotations, words, loader, data, address, archive };
for (const [name, setup] of Object.entries(views)) app.register(name, setup);
// For measurements and the browser console.
globalThis.baozhi = { app, core, state: app.state };
performance.mark("baozhi:scripts evaluated");

// The built site has the sample's articles in its HTML: nothing waits for
// them, so the segmenter may start at once.
const prerendered = document.querySelector("#reading article") !== null;

async function start() {
  if (prerendered) core.loadWords();
  const sample = document.documentElement.dataset.sample;
  try {
    const template = document.getElementById("sample-page");
    const text = template ? template.content.textContent : await fetch(sample).then(textOf);
    await core.loadText((sample || "sample.txt").split("/").pop(), text);
    performance.mark("baozhi:sample parsed");
  } catch (e) {
    app.alert(`示例版面无法载入 The sample page could not be loaded: ${e.message}`);
  }
  await app.refreshContents();
  // What the address asks for, unless the reader already typed a query
  // over the prerendered page while the sample was parsed: an empty
  // address must not wipe it.
  if (location.hash.length > 1 || !app.state.query) await app.followAddress();
  // The first article is up: now the segmenter may take the worker's time.
  if (!prerendered) core.loadWords();
  // The pages kept from earlier visits.
  const kept = await (await app.store).pages();
  if (kept.length) await app.loadPages(kept.map((p) => ({ name: p.name, key: p.key, read: async () => (p.bytes instanceof Blob ? p.bytes.arrayBuffer() : p.bytes || p.text) })));
}

function textOf(response) {
  if (!response.ok) throw new Error(`HTTP ${response.status}`);
  return response.text();
}
