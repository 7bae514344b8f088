// The core in a Web Worker (ES module form, for development and any static
// host): loads the WebAssembly and the dictionary, then answers the page.
// The dist build makes a classic-script twin of this file for file://.

import init, { Reader } from "../pkg/baozhi.js";
import { serve } from "./worker-core.js";

serve(async () => {
  await init({ module_or_path: new URL("../pkg/baozhi_bg.wasm", import.meta.url) });
  return { Reader, dictionary: () => fetch(new URL("../pkg/baozhi-dict.bin", import.meta.url)).then(checked) };
});

function checked(response) {
  if (!response.ok) throw new Error(`cannot load the dictionary: HTTP ${response.status}`);
  return response.arrayBuffer();
}
