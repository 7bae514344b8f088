// The start of the built site's page (dist/): makes the core worker from
// its source (self.BAOZHI_WORKER_SOURCE, in core-worker.*.js) and hands it
// the core. scripts/build-site.mjs sets self.BAOZHI_SITE to the site's
// file names {wasm, dictionary, pdf, data} before this runs; main.js calls
// baozhiMakeWorker instead of starting worker.js.

const site = self.BAOZHI_SITE;
const wasmUrl = new URL(site.wasm, location.href).href;
const dictUrl = new URL(site.dictionary, location.href).href;
const pdfUrl = new URL(site.pdf, location.href).href;

function fromBase64(text) {
  const bin = atob(text);
  const bytes = new Uint8Array(bin.length);
  for (let i = 0; i < bin.length; i++) bytes[i] = bin.charCodeAt(i);
  return bytes.buffer;
}

/** The core in base64 (core-data.*.js), loaded only when opened from disk. */
function coreData() {
  if (self.BAOZHI_CORE_DATA) return Promise.resolve(self.BAOZHI_CORE_DATA);
  return new Promise((resolve, reject) => {
    const script = document.createElement("script");
    script.src = site.data;
    script.onload = () => resolve(self.BAOZHI_CORE_DATA);
    script.onerror = () => reject(new Error(`cannot load ${site.data}`));
    document.head.append(script);
  });
}

globalThis.baozhiMakeWorker = () => {
  const url = URL.createObjectURL(new Blob([self.BAOZHI_WORKER_SOURCE], { type: "text/javascript" }));
  const worker = new Worker(url);
  if (location.protocol === "file:") {
    // From disk nothing can be fetched: the core comes in a script.
    coreData().then(
      (data) => {
        const wasm = fromBase64(data.wasm);
        const dictionary = fromBase64(data.dictionary);
        const pdf = fromBase64(data.pdf);
        worker.postMessage({ init: { wasm, dictionary, pdf } }, [wasm, dictionary, pdf]);
      },
      // Without its data the core cannot start: the page says so.
      (e) => worker.onerror?.(new ErrorEvent("error", { message: e.message })),
    );
  } else {
    worker.postMessage({ init: { wasm: wasmUrl, dictionary: dictUrl, pdf: pdfUrl } });
  }
  return worker;
};
