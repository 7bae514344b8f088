// Message handling of the core worker, shared by its module form
// (worker.js) and the classic form the dist build uses (site-worker.js).
//
// Protocol: the page posts {id, method, args}; the worker answers
// {id, result} or {id, error}. A method is any method of the core's
// `Reader` (src/wasm.rs, the one place the API is written), called as is:
// a binding added there is callable from the page with nothing to add
// here or in core.js. An ArrayBuffer argument reaches the Reader as a
// Uint8Array, null as undefined (an absent Option). Besides them the
// worker has two methods of its own, in `own` below.
//
// It also posts events: {event: "ready"} once pages can be read and
// searched for substrings; {event: "words"} once the dictionary is loaded
// (word-aware ranking, highlights, annotations), or {event:
// "words-failed", error} if it cannot be; and {event: "failed", error} if
// the core cannot start or has stopped (a panic traps the WebAssembly,
// after which nothing it holds can be trusted).
//
// The dictionary downloads from the start, but the segmenter is built (a
// few hundred milliseconds of work) only when the page calls `loadWords`,
// after it has shown its first article.
//
// Methods run in the order they arrive, so a page load is done before a
// search posted after it.

export function serve(load) {
  let reader = null;
  let stopped = false;
  const failed = (error) => {
    stopped = true;
    postMessage({ event: "failed", error });
  };
  let dictionary = null;
  const started = (async () => {
    const core = await load();
    reader = new core.Reader();
    dictionary = core.dictionary();
    dictionary.catch(() => {}); // reported by loadWords
    postMessage({ event: "ready" });
  })();
  started.catch((e) => failed(message(e)));

  // What the worker does beyond calling the Reader.
  const own = {
    // Returns at once: the segmenter is built in its turn among the calls
    // once the dictionary is here, and the "words" event says when.
    loadWords: () => {
      dictionary.then(
        (bytes) =>
          enqueue(() => {
            reader.setDictionary(new Uint8Array(bytes));
            postMessage({ event: "words" });
          }).catch((e) => postMessage({ event: "words-failed", error: message(e) })),
        (e) => postMessage({ event: "words-failed", error: message(e) }),
      );
      return null;
    },
    // For measurements: the segmenter timed here, without the messages.
    timeSegment: (text, rounds) => {
      const start = performance.now();
      let words = 0;
      for (let i = 0; i < rounds; i++) words += reader.segment(text);
      return { ms: performance.now() - start, words };
    },
  };

  const method = (name) => {
    if (Object.hasOwn(own, name)) return own[name];
    // The Reader's own methods only: not wasm-bindgen's housekeeping
    // (free, __destroy_into_raw) nor what every object inherits.
    const proto = Object.getPrototypeOf(reader);
    if (typeof name !== "string" || name.startsWith("_") || name === "free" || name === "constructor") return null;
    if (!Object.hasOwn(proto, name) || typeof proto[name] !== "function") return null;
    return (...args) => reader[name](...args.map(argument));
  };

  // Everything runs in order, one thing at a time.
  let queue = started;
  const enqueue = (run) => {
    const done = queue
      .catch(() => {})
      .then(() => {
        if (stopped) throw new Error("the reader's core has stopped");
        return run();
      });
    queue = done;
    return done.catch((e) => {
      if (e instanceof WebAssembly.RuntimeError && !stopped) failed(`the reader's core stopped: ${message(e)}`);
      throw e;
    });
  };
  self.onmessage = ({ data }) => {
    const { id, method: name, args } = data;
    enqueue(() => {
      const run = method(name);
      if (!run) throw new Error(`unknown method ${name}`);
      return run(...(args || []));
    }).then(
      (result) => postMessage({ id, result }),
      (e) => postMessage({ id, error: message(e) }),
    );
  };
}

/** A value as the Reader takes it: bytes as a Uint8Array, null as undefined. */
function argument(value) {
  if (value instanceof ArrayBuffer) return new Uint8Array(value);
  return value === null ? undefined : value;
}

function message(e) {
  return e && e.message ? e.message : String(e);
}
