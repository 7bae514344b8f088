// The core worker of the built site (dist/), where it runs as a classic
// script made from a blob (module workers and fetches are refused on
// file://). scripts/build-site.mjs puts wasm-bindgen's no-modules glue
// (the `wasm_bindgen` global) and the PDF reader's (`baozhi_pdf`) before
// it. The page first posts {init: {wasm, dictionary, pdf}}: URLs over
// http, the bytes themselves from disk.
// worker.js is its twin for the development page.

import { mark, serve } from "./worker-core.js";

/* global wasm_bindgen, baozhi_pdf */
const early = [];
self.onmessage = (event) => {
  if (!event.data.init) {
    early.push(event);
    return;
  }
  const { wasm, dictionary, pdf } = event.data.init;
  // The PDF reader (baozhi_pdf, its glue put before this by the build):
  // downloaded and started the first time a PDF is opened.
  let pdfReader = null;
  const pdfPage = async (bytes) => {
    pdfReader ??= baozhi_pdf({ module_or_path: typeof pdf === "string" ? fetch(pdf) : pdf });
    // A download that failed is tried again with the next PDF.
    pdfReader.catch(() => (pdfReader = null));
    await pdfReader;
    return baozhi_pdf.pdfPage(bytes);
  };
  // The dictionary downloads beside the core.
  const bytes = typeof dictionary === "string" ? fetch(dictionary).then(checked) : Promise.resolve(dictionary);
  bytes.catch(() => {}); // reported by loadWords
  serve(async () => {
    // Compiled while it downloads, where the host says application/wasm.
    const module = typeof wasm === "string" ? await compileStreaming(wasm) : await WebAssembly.compile(wasm);
    mark("wasm compiled");
    await wasm_bindgen({ module_or_path: module });
    mark("wasm instantiated");
    return { Reader: wasm_bindgen.Reader, dictionary: () => bytes, pdfPage };
  });
  // Calls that came before the core: answered in order now.
  for (const e of early.splice(0)) self.onmessage(e);
};

async function compileStreaming(url) {
  const response = fetch(url);
  try {
    return await WebAssembly.compileStreaming(response);
  } catch (e) {
    // Another type than application/wasm: compiled once downloaded.
    if (!(e instanceof TypeError)) throw e;
    return WebAssembly.compile(await (await response).arrayBuffer());
  }
}

function checked(response) {
  if (!response.ok) throw new Error(`cannot load the dictionary: HTTP ${response.status}`);
  return response.arrayBuffer();
}
