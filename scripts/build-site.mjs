// Builds dist/: a self-contained site — page, scripts, WebAssembly,
// dictionary, sample — that works from any static host under any sub-path
// (relative URLs only, content-hashed names for long-term caching) and
// opened straight from disk (file://).
//
// Browsers refuse module scripts and fetching files from a file:// page, so
// dist/ uses classic scripts only: the page's modules (www/main.js and
// what it imports, in the order the imports require) joined into one
// script, and the core worker (www/site-worker.js and what it imports,
// after wasm-bindgen's glue) started from a blob whose source is in a
// script of its own. Over http the worker downloads the .wasm and the
// dictionary, and the PDF reader's .wasm when a PDF is opened; from disk
// it gets them from core-data.*.js, which holds them in base64 and which
// the page only loads there. The sample's articles are drawn into the
// HTML here, by the same core, so the page shows text before any script.
//
// `node scripts/build-site.mjs PKG_CLASSIC_DIR DICT_FILE PDF_CLASSIC_DIR`
// (scripts/build-site runs it after building the classic-script core and
// PDF reader).

import { createHash } from "node:crypto";
import { mkdir, readFile, rm, writeFile } from "node:fs/promises";
import { posix } from "node:path";
import { runInNewContext } from "node:vm";

const ROOT = new URL("../", import.meta.url).pathname;
const [pkgDir, dictFile, pdfDir] = process.argv.slice(2);
if (!pkgDir || !dictFile || !pdfDir) {
  console.error("usage: node scripts/build-site.mjs PKG_CLASSIC_DIR DICT_FILE PDF_CLASSIC_DIR");
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

const IMPORT = /^import\s*\{([^}]*)\}\s*from\s*"(\.{1,2}\/[^"]+)";\s*$/gm;

/** The module at `from` names as `spec`, as a path under www/. */
function resolveIn(from, spec) {
  return posix.normalize(posix.join(posix.dirname(from), spec));
}

/** The modules of www/ that `entries` need, each after the ones it
 * imports (a depth-first walk of the `import` lines); an import circle is
 * an error. Resolves to [path, source] pairs. */
async function ordered(entries) {
  const order = [];
  const state = new Map(); // path → "visiting" | "done"
  const visit = async (path, chain) => {
    if (state.get(path) === "done") return;
    if (state.get(path) === "visiting") throw new Error(`import circle: ${[...chain, path].join(" → ")}`);
    state.set(path, "visiting");
    const code = await read(`${ROOT}www/${path}`);
    for (const [, , spec] of code.matchAll(IMPORT)) await visit(resolveIn(path, spec), [...chain, path]);
    state.set(path, "done");
    order.push([path, code]);
  };
  for (const entry of entries) await visit(entry, []);
  return order;
}

/** Links ES modules, in dependency order, into one classic script. Each
 * module runs in a function of its own and returns what it exports;
 * `import { a } from "./x.js"` takes `a` from what x.js returned.
 * `import.meta.url` becomes the page's address. */
function classic(sources) {
  const body = sources
    .map(([name, code]) => {
      const exported = [...code.matchAll(/^export\s+(?:async\s+)?(?:function\*?|const|let|class)\s+([\w$]+)/gm)].map((m) => m[1]);
      const linked = code
        .replace(IMPORT, (_, names, spec) => `const {${names}} = modules[${JSON.stringify(resolveIn(name, spec))}];`)
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
const pdf = await readFile(`${pdfDir}/baozhi_pdf_bg.wasm`);
const wasmName = await emit("baozhi", "wasm", wasm);
const dictName = await emit("baozhi-dict", "bin", dict);
const pdfName = await emit("baozhi-pdf", "wasm", pdf);

// The worker: wasm-bindgen's no-modules glue (a `wasm_bindgen` global),
// the PDF reader's (its own `wasm_bindgen`, kept in its scope and named
// `baozhi_pdf`), then www/site-worker.js and what it imports.
const pdfGlue = `const baozhi_pdf = (() => {\n${await read(`${pdfDir}/baozhi_pdf.js`)}\nreturn wasm_bindgen;\n})();`;
const workerSource = [await read(`${pkgDir}/baozhi.js`), pdfGlue, classic(await ordered(["site-worker.js"]))].join("\n");
const workerName = await emit("core-worker", "js", `self.BAOZHI_WORKER_SOURCE = ${JSON.stringify(workerSource)};\n`);
const dataName = await emit(
  "core-data",
  "js",
  `self.BAOZHI_CORE_DATA = { wasm: "${wasm.toString("base64")}", dictionary: "${dict.toString("base64")}", pdf: "${pdf.toString("base64")}" };\n`,
);

// The page: the site's file names for www/site-boot.js, which makes the
// worker, then main.js and what it imports.
const site = { wasm: wasmName, dictionary: dictName, pdf: pdfName, data: dataName };
const appName = await emit(
  "app",
  "js",
  `self.BAOZHI_SITE = ${JSON.stringify(site)};\n${classic(await ordered(["site-boot.js", "main.js"]))}`,
);

const readerCss = await emit("reader", "css", await read(`${ROOT}www/reader.css`));
const appCss = await emit("app", "css", await read(`${ROOT}www/app.css`));
const icon = await emit("icon", "svg", await read(`${ROOT}www/icon.svg`));
const sample = await read(`${ROOT}tests/fixtures/sample-page.txt`);
const escapeHtml = (s) => s.replace(/&/g, "&amp;").replace(/</g, "&lt;").replace(/>/g, "&gt;");

/** The sample's articles as the reader draws them before the dictionary
 * (the same core, run here in Node): the page shows them as soon as its
 * HTML is parsed, and the reader draws them again once its core is up. */
async function prerendered(sampleName, text) {
  // Everything the core is given is made in its own realm (wasm-bindgen
  // tells plain objects and arrays by their prototypes).
  const context = { TextDecoder, TextEncoder, console, bytes: new Uint8Array(wasm), sampleName, text };
  context.self = context;
  const run = (code) => runInNewContext(code, context);
  run(`${await read(`${pkgDir}/baozhi.js`)}\nself.wasm_bindgen = wasm_bindgen;`);
  // As view-reading.js draws them, before the words: the same ids and label.
  const body = run(`
    wasm_bindgen.initSync({ module: bytes });
    const reader = new wasm_bindgen.Reader();
    const { id } = reader.loadText(sampleName, text);
    const layers = ["hit", "current", "person", "place", "organization"];
    reader.contents().filter((c) => c.page === id)
      .map((a) => reader.renderArticle(a.page, a.article, layers, "a-" + a.page + "-" + a.article, undefined))
      .join("");
  `);
  return { body, label: `阅读 Reading: ${sampleName}` };
}
const first = await prerendered("sample-page.txt", sample);

let html = await read(`${ROOT}www/index.html`);
const replacements = [
  [
    '<main id="reading" class="reading" tabindex="-1" aria-label="阅读 Reading">\n    <p class="loading">正在载入… Loading…</p>\n  </main>',
    `<main id="reading" class="reading" tabindex="-1" aria-label="${first.label}">${first.body}</main>`,
  ],
  [' data-sample="../tests/fixtures/sample-page.txt"', ' data-sample="sample-page.txt"'],
  ['href="icon.svg"', `href="${icon}"`],
  ['href="reader.css"', `href="${readerCss}"`],
  ['href="app.css"', `href="${appCss}"`],
  ['<script type="module" src="main.js"></script>', `<script src="${workerName}" defer></script>\n<script src="${appName}" defer></script>`],
  ["</body>", `<template id="sample-page">${escapeHtml(sample)}</template>\n</body>`],
];
for (const [from, to] of replacements) {
  if (!html.includes(from)) throw new Error(`index.html no longer has ${from}`);
  html = html.replace(from, to);
}
await writeFile(`${DIST}/index.html`, html);
console.log(`dist/: index.html ${appName} ${workerName} ${wasmName} ${pdfName} ${dictName} ${dataName} ${readerCss} ${appCss} ${icon}`);
