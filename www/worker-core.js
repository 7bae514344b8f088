// Message handling of the core worker, shared by its module form
// (worker.js) and the classic form the dist build makes for file://.
//
// Protocol: the page posts {id, method, args}; the worker answers
// {id, result} or {id, error}. It also posts events: {event: "ready"} once
// pages can be read and searched for substrings; {event: "words"} once the
// dictionary is loaded (word-aware ranking, highlights, annotations), or
// {event: "words-failed", error} if it cannot be; and {event: "failed",
// error} if the core cannot start or has stopped (a panic traps the
// WebAssembly, after which nothing it holds can be trusted).
//
// The dictionary downloads from the start, but the segmenter is built
// (a few hundred milliseconds of work) only when the page calls
// `loadWords`, after it has shown its first article.
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

  const methods = {
    loadText: (name, text) => reader.loadText(name, text),
    loadBytes: (name, bytes) => reader.loadBytes(name, new Uint8Array(bytes)),
    removePage: (id) => reader.removePage(id),
    catchUp: () => reader.catchUp(),
    memoryBytes: () => reader.memoryBytes(),
    timeSegment: (text, rounds) => {
      const start = performance.now();
      let words = 0;
      for (let i = 0; i < rounds; i++) words += reader.segment(text);
      return { ms: performance.now() - start, words };
    },
    pages: () => reader.pages(),
    contents: () => reader.contents(),
    renderArticle: (page, article, layers, elementId, current) =>
      reader.renderArticle(page, article, layers, elementId, current ?? undefined),
    annotations: (page, article) => reader.annotations(page, article),
    search: (query) => reader.search(query),
    addUserWords: (text) => reader.addUserWords(text),
    removeUserWord: (word) => reader.removeUserWord(word),
    clearUserWords: () => reader.clearUserWords(),
    userWords: () => reader.userWords(),
    exportJson: () => reader.exportJson(),
    exportMarkdown: () => reader.exportMarkdown(),
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
  };

  // Everything runs in order, one thing at a time.
  let queue = started;
  const enqueue = (run) => {
    const done = queue.catch(() => {}).then(() => {
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
    const { id, method, args } = data;
    enqueue(() => {
      const run = methods[method];
      if (!run) throw new Error(`unknown method ${method}`);
      return run(...(args || []));
    }).then(
      (result) => postMessage({ id, result }),
      (e) => postMessage({ id, error: message(e) }),
    );
  };
}

function message(e) {
  return e && e.message ? e.message : String(e);
}
