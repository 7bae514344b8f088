// Builds dist/: a self-contained site — page, scripts, WebAssembly,
// dictionary, sample — that works from any static host under any sub-path
// (relative URLs only, content-hashed names for long-term caching) and
// opened straight from disk (file://).
//
// Browsers refuse module scripts and fetching files from a file:// page, so
// dist/ uses classic scripts only: the page's modules joined into one
// script, and the core worker started from a blob whose source is in a
// script of its own. Over http the worker downloads the .wasm and the
// dictionary; from disk it gets them from core-data.*.js, which holds them
// in base64 and which the page only loads there.
//
// `node scripts/build-site.mjs PKG_CLASSIC_DIR DICT_FILE` (scripts/build-site
// runs it after building the classic-script core).

import { createHash } from "node:crypto";
import { mkdir, readFile, rm, writeFile } from "node:fs/promises";

const ROOT = new URL("../", import.meta.url).pathname;
const [pkgDir, dictFile] = process.argv.slice(2);
if (!pkgDir || !dictFile) {
  console.error("usage: node scripts/build-site.mjs PKG_CLASSIC_DIR DICT_FILE");
  process.exit(1);
}
const DIST = `${ROOT}dist`;

const read = (path) => readFile(path, "utf8");
const hash = (data) => createHash("sha256").update(data).digest("hex").slice(0, 10);

/** Writes a file under a name with its content hash; returns the name. */
async function emit(stem, ext, data) {
  const name = `${stem}.${hash(data)}.${ext}`;
  await writeFile(`${DIST}/${name}`, data);
  return name;
}

/** Links ES modules into one classic script. Each module runs in a
 * function of its own and returns what it exports; `import { a } from
 * "./x.js"` takes `a` from what x.js returned, so the modules must come in
 * dependency order. `import.meta.url` becomes the page's address. */
function classic(sources) {
  const body = sources
    .map(([name, code]) => {
      const exported = [...code.matchAll(/^export\s+(?:async\s+)?(?:function\*?|const|let|class)\s+([\w$]+)/gm)].map((m) => m[1]);
      const linked = code
        .replace(/^import\s*\{([^}]*)\}\s*from\s*"\.\/([^"]+)";\s*$/gm, (_, names, file) => `const {${names}} = modules[${JSON.stringify(file)}];`)
        .replace(/^export\s+(?=(async\s+)?function|const|let|class)/gm, "")
        .replace(/import\.meta\.url/g, "location.href");
      if (/^\s*(import|export)\s/m.test(linked)) throw new Error(`${name}: an import or export is left`);
      return `// ---- ${name}\nmodules[${JSON.stringify(name)}] = (() => {\n${linked}\nreturn { ${exported.join(", ")} };\n})();`;
    })
    .join("\n");
  return `(() => {\n"use strict";\nconst modules = {};\n${body}\n})();\n`;
}

await rm(DIST, { recursive: true, force: true });
await mkdir(DIST, { recursive: true });

const wasm = await readFile(`${pkgDir}/baozhi_bg.wasm`);
const dict = await readFile(dictFile);
const wasmName = await emit("baozhi", "wasm", wasm);
const dictName = await emit("baozhi-dict", "bin", dict);

// The worker: wasm-bindgen's no-modules glue (a `wasm_bindgen` global),
// the message handling shared with the module worker, and a start that
// waits for the page to say where the core is.
const workerStart = `
import { serve } from "./worker-core.js";
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
  if (!response.ok) throw new Error(\`cannot load the dictionary: HTTP \${response.status}\`);
  return response.arrayBuffer();
}
`;
const workerSource = [
  await read(`${pkgDir}/baozhi.js`),
  classic([
    ["worker-core.js", await read(`${ROOT}www/worker-core.js`)],
    ["start", workerStart],
  ]),
].join("\n");
const workerName = await emit("core-worker", "js", `self.BAOZHI_WORKER_SOURCE = ${JSON.stringify(workerSource)};\n`);
const dataName = await emit(
  "core-data",
  "js",
  `self.BAOZHI_CORE_DATA = { wasm: "${wasm.toString("base64")}", dictionary: "${dict.toString("base64")}" };\n`,
);

// The page's start: make the worker from its source, and hand it the core.
const boot = `
const wasmUrl = new URL(${JSON.stringify(wasmName)}, location.href).href;
const dictUrl = new URL(${JSON.stringify(dictName)}, location.href).href;
function fromBase64(text) {
  const bin = atob(text);
  const bytes = new Uint8Array(bin.length);
  for (let i = 0; i < bin.length; i++) bytes[i] = bin.charCodeAt(i);
  return bytes.buffer;
}
function coreData() {
  if (self.BAOZHI_CORE_DATA) return Promise.resolve(self.BAOZHI_CORE_DATA);
  return new Promise((resolve, reject) => {
    const script = document.createElement("script");
    script.src = ${JSON.stringify(dataName)};
    script.onload = () => resolve(self.BAOZHI_CORE_DATA);
    script.onerror = () => reject(new Error("cannot load ${dataName}"));
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
        worker.postMessage({ init: { wasm, dictionary } }, [wasm, dictionary]);
      },
      // Without its data the core cannot start: the page says so.
      (e) => worker.onerror?.(new ErrorEvent("error", { message: e.message })),
    );
  } else {
    worker.postMessage({ init: { wasm: wasmUrl, dictionary: dictUrl } });
  }
  return worker;
};
`;
const appName = await emit(
  "app",
  "js",
  classic([
    ["boot", boot],
    ["core.js", await read(`${ROOT}www/core.js`)],
    ["store.js", await read(`${ROOT}www/store.js`)],
    ["app.js", await read(`${ROOT}www/app.js`)],
  ]),
);

const readerCss = await emit("reader", "css", await read(`${ROOT}www/reader.css`));
const appCss = await emit("app", "css", await read(`${ROOT}www/app.css`));
const icon = await emit("icon", "svg", await read(`${ROOT}www/icon.svg`));
const sample = await read(`${ROOT}tests/fixtures/seed-page.txt`);
const escapeHtml = (s) => s.replace(/&/g, "&amp;").replace(/</g, "&lt;").replace(/>/g, "&gt;");

let html = await read(`${ROOT}www/index.html`);
const replacements = [
  [' data-sample="../tests/fixtures/seed-page.txt"', ' data-sample="seed-page.txt"'],
  ['href="icon.svg"', `href="${icon}"`],
  ['href="reader.css"', `href="${readerCss}"`],
  ['href="app.css"', `href="${appCss}"`],
  ['<script type="module" src="app.js"></script>', `<script src="${workerName}" defer></script>\n<script src="${appName}" defer></script>`],
  ["</body>", `<template id="sample-page">${escapeHtml(sample)}</template>\n</body>`],
];
for (const [from, to] of replacements) {
  if (!html.includes(from)) throw new Error(`index.html no longer has ${from}`);
  html = html.replace(from, to);
}
await writeFile(`${DIST}/index.html`, html);
console.log(`dist/: index.html ${appName} ${workerName} ${wasmName} ${dictName} ${dataName} ${readerCss} ${appCss} ${icon}`);
