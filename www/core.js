// The page's handle on the core worker. Every method of the core's Reader
// (src/wasm.rs) is a method here that returns a promise: `core.search(q)`
// posts {method: "search", args: [q]} and resolves to the Reader's answer
// (see worker-core.js). ArrayBuffers passed are transferred, not copied.
// A core that fails to start or stops (a panic in the core, a worker that
// dies) is reported through onFailure, once; calls made afterwards fail at
// once.

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

  const events = { ready: () => onReady(), words: () => onWords(), "words-failed": (d) => onWordsFailed(d.error), failed: (d) => fail(d.error) };
  worker.onmessage = ({ data }) => {
    if (data.event) return events[data.event]?.(data);
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

  const call = (method, args) =>
    new Promise((resolve, reject) => {
      if (dead) return reject(new Error(dead));
      const id = nextId++;
      pending.set(id, { resolve, reject });
      worker.postMessage({ id, method, args }, args.filter((a) => a instanceof ArrayBuffer));
    });

  const methods = new Map();
  return new Proxy(
    {},
    {
      get(_, name) {
        if (name === "dead") return dead !== null;
        // Not a thenable, not a method for symbols (inspection, printing).
        if (typeof name !== "string" || name === "then") return undefined;
        if (!methods.has(name)) methods.set(name, (...args) => call(name, args));
        return methods.get(name);
      },
    },
  );
}
