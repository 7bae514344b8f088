// The core in a Web Worker (ES module form, for development and any static
// host): loads the WebAssembly and the dictionary, then answers the page.
// The dist build makes a classic-script twin of this file for file://.

import init, { Reader } from "../pkg/baozhi.js";
import { mark, serve } from "./worker-core.js";

serve(async () => {
  const module = await WebAssembly.compileStreaming(fetch(new URL("../pkg/baozhi_bg.wasm", import.meta.url)));
  mark("wasm compiled");
  await init({ module_or_path: module });
  mark("wasm instantiated");
  return { Reader, dictionary: () => fetch(new URL("../pkg/baozhi-dict.bin", import.meta.url)).then(checked), pdfPage };
});

// The PDF reader, a module of its own (web-pdf/), started the first time a
// PDF is opened.
let pdfReader = null;
async function pdfPage(bytes) {
  pdfReader ??= import("../pkg/pdf/baozhi_pdf.js").then(async (m) => {
    await m.default({ module_or_path: new URL("../pkg/pdf/baozhi_pdf_bg.wasm", import.meta.url) });
    return m;
  });
  // A download that failed is tried again with the next PDF.
  pdfReader.catch(() => (pdfReader = null));
  return (await pdfReader).pdfPage(bytes);
}

function checked(response) {
  if (!response.ok) throw new Error(`cannot load the dictionary: HTTP ${response.status}`);
  return response.arrayBuffer();
}
