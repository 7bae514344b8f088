// The segmenter build alone, in Node (reported, never asserted): the
// page's core as `scripts/build-site` leaves it (target/pkg-classic/), or
// another build of the same core given as WASM, builds the segmenter from
// the packed dictionary (`Reader.setDictionary`) ROUNDS times in one
// process. The first build is cold (fresh memory, code not yet tiered up),
// as in the page; the median is of the rest.
// `node tests/e2e/measure-build.mjs [ROUNDS] [WASM]`

import { readFileSync } from "node:fs";
import { runInThisContext } from "node:vm";

const PKG = new URL("../../target/pkg-classic/", import.meta.url).pathname;
const rounds = Math.max(2, Number(process.argv[2] || 6));
const wasmPath = process.argv[3] || `${PKG}baozhi_bg.wasm`;
runInThisContext(`${readFileSync(`${PKG}baozhi.js`, "utf8")}\nglobalThis.wasm_bindgen = wasm_bindgen;`);
const exports = globalThis.wasm_bindgen.initSync({ module: readFileSync(wasmPath) });
const dictionary = new Uint8Array(readFileSync(`${PKG}baozhi-dict.bin`));
const times = [];
let memory = 0;
for (let i = 0; i < rounds; i++) {
  const reader = new globalThis.wasm_bindgen.Reader();
  const start = performance.now();
  reader.setDictionary(dictionary);
  times.push(performance.now() - start);
  if (i === 0) memory = exports.memory.buffer.byteLength;
  reader.free();
}
const [first, ...rest] = times;
rest.sort((a, b) => a - b);
const ms = (t) => `${t.toFixed(0)} ms`;
console.log(`segmenter build (${wasmPath}):`);
console.log(`  first (cold): ${ms(first)}, WebAssembly memory after it ${(memory / 1048576).toFixed(1)} MB`);
console.log(`  then: median ${ms(rest[rest.length >> 1])} (${rest.map(ms).join(", ")})`);
