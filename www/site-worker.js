// The core worker of the built site (dist/), where it runs as a classic
// script made from a blob (module workers and fetches are refused on
// file://). scripts/build-site.mjs puts wasm-bindgen's no-modules glue
// (the `wasm_bindgen` global) before it. The page first posts {init:
// {wasm, dictionary}}: URLs over http, the bytes themselves from disk.
// worker.js is its twin for the development page.

import { serve } from "./worker-core.js";

/* global wasm_bindgen */
const early = [];
self.onmessage = (event) => {
  if (!event.data.init) {
    early.push(event);
    return;
  }
  const { wasm, dictionary } = event.data.init;
  serve(async () => {
    await wasm_bindgen({ module_or_path: typeof wasm === "string" ? fetch(wasm) : wasm });
    const bytes = typeof dictionary === "string" ? fetch(dictionary).then(checked) : Promise.resolve(dictionary);
    return { Reader: wasm_bindgen.Reader, dictionary: () => bytes };
  });
  // Calls that came before the core: answered in order now.
  for (const e of early.splice(0)) self.onmessage(e);
};

function checked(response) {
  if (!response.ok) throw new Error(`cannot load the dictionary: HTTP ${response.status}`);
  return response.arrayBuffer();
}
