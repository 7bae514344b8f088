// The page's handle on the core worker: promise-returning calls, and the
// worker's events. A core that fails to start or stops (a panic in the
// core, a worker that dies) is reported through onFailure, once; calls made
// afterwards fail at once.

export function startCore({ workerUrl, makeWorker, onReady, onWords, onWordsFailed, onFailure }) {
  const worker = makeWorker ? makeWorker() : new Worker(workerUrl, { type: "module" });
  let nextId = 1;
  let dead = null;
  const pending = new Map();

  const fail = (error) => {
    if (dead) return;
    dead = error;
    for (const { reject } of pending.values()) reject(new Error(error));
    pending.clear();
    worker.terminate();
    onFailure(error);
  };

  worker.onmessage = ({ data }) => {
    if (data.event === "ready") return onReady();
    if (data.event === "words") return onWords();
    if (data.event === "words-failed") return onWordsFailed(data.error);
    if (data.event === "failed") return fail(data.error);
    const call = pending.get(data.id);
    if (!call) return;
    pending.delete(data.id);
    if ("error" in data) call.reject(new Error(data.error));
    else call.resolve(data.result);
  };
  worker.onerror = (e) => {
    e.preventDefault();
    fail(`the reader's core stopped: ${e.message || "unknown error"}`);
  };

  const call = (method, args = [], transfer = []) =>
    new Promise((resolve, reject) => {
      if (dead) return reject(new Error(dead));
      const id = nextId++;
      pending.set(id, { resolve, reject });
      worker.postMessage({ id, method, args }, transfer);
    });

  return {
    get dead() {
      return dead !== null;
    },
    loadText: (name, text) => call("loadText", [name, text]),
    loadBytes: (name, buffer) => call("loadBytes", [name, buffer], [buffer]),
    removePage: (id) => call("removePage", [id]),
    catchUp: () => call("catchUp"),
    loadWords: () => call("loadWords"),
    memoryBytes: () => call("memoryBytes"),
    timeSegment: (text, rounds) => call("timeSegment", [text, rounds]),
    pages: () => call("pages"),
    contents: () => call("contents"),
    renderArticle: (page, article, layers, elementId, current) =>
      call("renderArticle", [page, article, layers, elementId, current]),
    annotations: (page, article) => call("annotations", [page, article]),
    search: (query) => call("search", [query]),
    addUserWords: (text) => call("addUserWords", [text]),
    removeUserWord: (word) => call("removeUserWord", [word]),
    clearUserWords: () => call("clearUserWords"),
    userWords: () => call("userWords"),
    exportJson: () => call("exportJson"),
    exportMarkdown: () => call("exportMarkdown"),
  };
}
