// Message handling of the core worker, shared by its module form
// (worker.js) and the classic form the dist build uses (site-worker.js).
//
// Protocol: the page posts {id, method, args}; the worker answers
// {id, result} or {id, error}. A method is any method of the core's
// `Reader` (src/wasm.rs, the one place the API is written), called as is:
// a binding added there is callable from the page with nothing to add
// here or in core.js. An ArrayBuffer argument reaches the Reader as a
// Uint8Array, null as undefined (an absent Option). Besides them the
// worker has methods of its own, in `own` below (opening files a slice at
// a time, catching up a slice of time at a time, the words, drawing,
// timings).
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
//
// `mark(name)` notes when something happened (the worker's start, the
// WebAssembly compiled…); the own method `marks` returns them, with the
// fetches of the core and the dictionary, as absolute times
// (performance.timeOrigin + now), for measurements.

const marked = [];
export const mark = (name) => marked.push([name, performance.timeOrigin + performance.now()]);
mark("worker started");

export function serve(load) {
  let reader = null;
  let stopped = false;
  const failed = (error) => {
    stopped = true;
    postMessage({ event: "failed", error });
  };
  let dictionary = null;
  let core = null;
  const started = (async () => {
    core = await load();
    reader = new core.Reader();
    mark("core ready");
    dictionary = core.dictionary();
    dictionary.then(() => mark("dictionary bytes in the worker"), () => {}); // a failure is reported by loadWords
    postMessage({ event: "ready" });
  })();
  started.catch((e) => failed(message(e)));

  // A file of many pages (sheets joined by form feeds, as pdftotext
  // writes them): the sheets not loaded yet. Each sheet becomes a page of
  // its own, loaded a slice at a time (loadMore) so that searches and
  // drawing get their turn in between.
  let opening = null;
  const timings = {};
  // Each slice returns the pages it loaded and their contents, which the
  // page adds to what it has instead of asking for the whole list again.
  const loadSlice = () => {
    const pages = [];
    const contents = [];
    const start = performance.now();
    // About 20 ms of work a call: a search waits no longer than that.
    while (opening.next < opening.sheets.length && (pages.length === 0 || performance.now() - start < 20)) {
      const i = opening.next++;
      const info = reader.loadText(`${opening.name} · ${i + 1}/${opening.sheets.length}`, opening.sheets[i]);
      opening.sheets[i] = null;
      pages.push(info);
      contents.push(...reader.contentsOf(info.id));
    }
    const more = opening.sheets.length - opening.next;
    if (!more) opening = null;
    return { pages, contents, more };
  };

  // A page loaded, as openFile answers: with its contents, so that the
  // page need not ask for the whole list again.
  const one = (info) => ({ pages: [info], contents: reader.contentsOf(info.id), more: 0 });

  // Opens a file's bytes: a file of one page is loaded as `loadBytes`
  // loads it; a text of several pages is decoded and split at its form
  // feeds, and its first pages loaded. Returns {pages: [PageInfo],
  // contents: their [ArticleSummary], more: how many pages are left for
  // loadMore}.
  // A PDF is parsed by the PDF reader, a module of its own downloaded
  // the first time a PDF is opened (core.pdfPage), from the page's
  // geometry as the CLI parses it; all its sheets make one page.
  // With `later`, a text of one page is loaded with its words to come
  // (loadBytesWordsLater: shown first, segmented after).
  const openBytes = async (name, buffer, later = false) => {
    const bytes = new Uint8Array(buffer);
    opening = null;
    let text = null;
    if (isPdf(bytes)) {
      let parsed;
      try {
        parsed = await core.pdfPage(bytes);
      } catch (e) {
        throw new Error(`${name}: ${message(e)}`);
      }
      return one(reader.loadParsed(name, parsed));
    }
    if (bytes.includes(0x0c)) {
      try {
        text = reader.decodeText(bytes);
      } catch {
        // Not text: loadBytes says why.
      }
    }
    if (text === null) return one(later ? reader.loadBytesWordsLater(name, bytes) : reader.loadBytes(name, bytes));
    const sheets = text.split("\f");
    if (sheets.length < 2) return one(later ? reader.loadTextWordsLater(name, text) : reader.loadText(name, text));
    opening = { name, sheets, next: 0 };
    return loadSlice();
  };

  // The first page of what was opened, drawn with `layers` (if given);
  // `wordsLater` says whether its words are still to come (analysePending).
  const drawnFirst = (opened, layers) => {
    if (layers && opened.pages.length) {
      const page = opened.pages[0].id;
      opened.drawn = { page, html: reader.renderPage(page, layers, "a") };
    }
    opened.wordsLater = reader.hasWords() && opened.pages.length > 0 && !opened.more && layers !== null;
    return opened;
  };

  // What the worker does beyond calling the Reader.
  const own = {
    // A file's bytes opened (see openBytes). With `layers` (the highlight
    // layers to draw with), the file is to be shown at once: a page of
    // text is loaded with its words to come (the answer's `wordsLater`:
    // the page asks for them with analysePending, and any other change
    // to the library brings them too), and the answer carries its first
    // page drawn, `drawn: {page, html}` as renderPage draws it, so the
    // page shows it without asking again.
    openFile: async (name, buffer, layers = null) => drawnFirst(await openBytes(name, buffer, layers !== null), layers),
    // A page given as text (pasted), as openFile answers.
    openText: (name, text, layers = null) =>
      drawnFirst(one(layers ? reader.loadTextWordsLater(name, text) : reader.loadText(name, text)), layers),
    // The next pages of the file being opened: {pages, contents, more}.
    loadMore: () => (opening ? loadSlice() : { pages: [], contents: [], more: 0 }),
    // Forgets the pages of the file being opened that are not loaded yet.
    stopOpening: () => {
      opening = null;
      return null;
    },
    // Returns at once: the segmenter is built in its turn among the calls
    // once the dictionary is here, and the "words" event says when.
    loadWords: () => {
      mark("words asked");
      dictionary.then(
        (bytes) =>
          enqueue(() => {
            mark("segmenter build started");
            reader.setDictionary(new Uint8Array(bytes));
            mark("segmenter built");
            postMessage({ event: "words" });
          }).catch((e) => postMessage({ event: "words-failed", error: message(e) })),
        (e) => postMessage({ event: "words-failed", error: message(e) }),
      );
      return null;
    },
    // Earlier pages cut again for names learned from later ones
    // (catchUpSome), for about `ms` milliseconds: a search waits no longer
    // than that. Returns whether every page has caught up.
    catchUpFor: (ms) => {
      const start = performance.now();
      let done = false;
      while (!done && performance.now() - start < ms) done = reader.catchUpSome(1);
      return done;
    },
    // A keystroke's one message: searches, picks the current hit (the
    // first; with `previous` the same hit again, with `within` ({page,
    // article}) the first in that article, -1 if it has none) and draws
    // the page it is on (else `within`'s, else `page`) with `layers`.
    // Returns {found: SearchFound, current, drawn: {page, html} or null,
    // spent: {search, draw} in ms}.
    searchAndDraw: (query, { previous = null, within = null, page = null }, layers) => {
      const start = performance.now();
      const found = JSON.parse(reader.searchJson(query));
      const searched = performance.now();
      const hits = found.results.flatMap((r) => r.hits);
      const current = currentHit(hits, previous, within);
      const shown = current >= 0 ? hits[current].page : within ? within.page : page;
      let drawn = null;
      if (shown !== null) {
        try {
          drawn = { page: shown, html: reader.renderPage(shown, layers, "a", current >= 0 ? hits[current].id : undefined) };
        } catch {
          // A page removed meanwhile: the page draws what it has.
        }
      }
      return { found, current, drawn, spent: { search: searched - start, draw: performance.now() - searched } };
    },
    // Several articles rendered in one call (one message, not one each):
    // each of `calls` is the arguments of the Reader's renderArticle.
    renderArticles: (calls) => calls.map((args) => reader.renderArticle(...args.map(argument))),
    // For measurements: the calls made so far and the time spent in each
    // method, in the worker.
    timings: () => timings,
    // For measurements: when things happened here, and the fetches.
    marks: () => {
      const fetched = performance.getEntriesByType("resource").flatMap((r) => {
        const what = /\.wasm$/.test(r.name) ? "wasm fetched" : /\.bin$/.test(r.name) ? "dictionary fetched" : null;
        return what ? [[what, performance.timeOrigin + r.responseEnd]] : [];
      });
      return [...marked, ...fetched];
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
      const start = performance.now();
      const result = run(...(args || []));
      const spent = () => {
        const s = (timings[name] ??= { calls: 0, ms: 0 });
        s.calls++;
        s.ms += performance.now() - start;
      };
      if (result instanceof Promise) result.then(spent, spent);
      else spent();
      return result;
    }).then(
      (result) => postMessage({ id, result }),
      (e) => postMessage({ id, error: message(e) }),
    );
  };
}

/** The current hit of a new answer (see searchAndDraw). */
function currentHit(hits, previous, within) {
  if (!hits.length) return -1;
  if (previous) {
    const same = hits.findIndex((h) => h.page === previous.page && h.article === previous.article && h.start === previous.start);
    if (same >= 0) return same;
  } else if (within) return hits.findIndex((h) => h.page === within.page && h.article === within.article);
  return 0;
}

/** A PDF, as the core tells one (src/pdf: `%PDF-` in the first kilobyte). */
function isPdf(bytes) {
  const head = bytes.subarray(0, 1024);
  for (let i = head.indexOf(0x25); i >= 0 && i + 5 <= head.length; i = head.indexOf(0x25, i + 1)) {
    if (head[i + 1] === 0x50 && head[i + 2] === 0x44 && head[i + 3] === 0x46 && head[i + 4] === 0x2d) return true;
  }
  return false;
}

/** A value as the Reader takes it: bytes as a Uint8Array, null as undefined. */
function argument(value) {
  if (value instanceof ArrayBuffer) return new Uint8Array(value);
  return value === null ? undefined : value;
}

function message(e) {
  return e && e.message ? e.message : String(e);
}
