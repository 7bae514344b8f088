// The page's one instance: the state every view reads, the events that say
// what changed, and the actions that change it. Views (view-*.js) register
// with it, as Pagefind's modular UI registers components with one
// instance: each listens to the events it shows and calls actions for
// the controls it owns; no view calls another. A failure in a view goes to
// the console under the view's name and to the user as an alert.
//
// Events (listeners may be async; `emit` resolves when all are done):
//   pages    the pages and the contents changed (state.pages, .contents)
//   words    word features arrived, or your words changed
//   words-shown  the page in view is drawn with the word features
//   query    a search was asked for (state.query)
//   results  a new answer to the query (state.results, .hits, .current)
//   hit      the current hit moved (state.current)
//   article  the article in focus changed (state.page, .article) {scroll}
//   draw     the page in view must be drawn: the reading view answers
//            whether its drawing is the one shown (a later one supersedes it)
//   alert, notice   a message for the user {message, sticky}
//   words-failed, failed   word features, or the whole core, are unavailable
//
// A view may also offer an action to the others (`view.offer`): the
// address view's `writeAddress` and `followAddress`, the loader's
// `loadPages`.

export function createApp({ core, store, settings }) {
  const state = {
    pages: [], // PageInfo, in order
    contents: [], // ArticleSummary
    page: null, // id of the page shown
    rendered: null, // id of the page whose articles are in the reading view
    article: null, // index of the article in focus on that page
    query: "",
    results: null, // SearchResults of the latest query
    hits: [], // every hit, in navigation order
    current: -1, // index into hits
    searchSeq: 0, // the latest search sent; answers to older ones are dropped
    shownSeq: 0, // the search whose answer is shown
    words: false, // word features ready
    layers: new Set(settings.get("layers", ["person", "place", "organization"])),
    saved: new Map(), // page id → key of the page kept in IndexedDB
    batch: null, // the load under way: {items, total, done, cancelled, show, finished}
  };
  const listeners = new Map(); // event → [{view, fn}]
  let searching = null; // settles when the search sent to the core is answered
  // For measurements (tests/e2e/measure.mjs): when each step of the latest
  // search happened (performance.now()), and the core's time in it.
  const timing = { seq: 0 };
  const mark = (seq, step) => {
    if (timing.seq !== seq) for (const k of Object.keys(timing)) delete timing[k];
    timing.seq = seq;
    timing[step] = performance.now();
  };
  const reported = new Set();

  /** Tells the console (under the view's name) and the user. */
  const report = (view, e) => {
    const message = e?.message || String(e);
    console.error(`${view}: ${message}`);
    if (core.dead || reported.has(message)) return;
    reported.add(message);
    app.emit("alert", { message: `出错了 Something failed: ${message}` });
  };

  /** Runs fn for a view: its errors, thrown or rejected, are reported. */
  const run = (view, fn, ...args) => {
    try {
      return Promise.resolve(fn(...args)).catch((e) => report(view, e));
    } catch (e) {
      report(view, e);
      return Promise.resolve();
    }
  };

  const app = {
    core,
    store,
    settings,
    state,
    searchTiming: timing,

    /** Adds a view: `setup(view)` wires it, where `view` is the app with
     * `on` and `listen` that name the view in its errors. */
    register(name, setup) {
      const view = Object.create(app);
      view.name = name;
      view.on = (event, fn) => app.on(event, fn, name);
      view.listen = (target, type, fn) => target.addEventListener(type, (e) => run(name, fn, e));
      view.offer = (action, fn) => (app[action] = fn);
      setup(view);
    },

    on(event, fn, view = "app") {
      if (!listeners.has(event)) listeners.set(event, []);
      listeners.get(event).push({ view, fn });
    },

    /** Calls every listener of the event at once; resolves to their answers
     * (undefined for one that failed) when all are done. */
    emit(event, detail) {
      return Promise.all((listeners.get(event) || []).map(({ view, fn }) => run(view, fn, detail)));
    },

    run: (fn, ...args) => run("app", fn, ...args),

    alert: (message, { sticky = false } = {}) => app.emit("alert", { message, sticky }),
    notify: (message) => app.emit("notice", { message }),

    // ---- pages and articles ----

    /** Asks the core for the pages and contents; keeps the page in view
     * if it is still there, else the first. */
    async refreshContents() {
      [state.pages, state.contents] = await Promise.all([core.pages(), core.contents()]);
      if (state.page === null && state.pages.length) {
        state.page = state.pages[0].id;
        state.article = 0;
      }
      if (state.page !== null && !state.pages.some((p) => p.id === state.page)) {
        state.page = state.pages.length ? state.pages[0].id : null;
        state.article = null;
      }
      await app.emit("pages");
    },

    /** The highlight layers the reading view draws. */
    layers: () => ["hit", "current", ...state.layers],

    /** Draws the page in view; resolves to whether this drawing is shown.
     * `drawn` ({page, html}) is that page as the core drew it already. */
    async draw(drawn = null) {
      const answers = await app.emit("draw", drawn);
      return answers.length > 0 && answers.every(Boolean);
    },

    /** Puts an article in focus, drawing its page if needed. */
    async show(page, article, { scroll = true } = {}) {
      state.page = page;
      state.article = article;
      if (state.rendered !== page) await app.draw();
      await app.emit("article", { scroll });
    },

    async removePage(id) {
      await core.removePage(id);
      if (state.saved.has(id)) {
        await (await store).removePage(state.saved.get(id));
        state.saved.delete(id);
      }
      if (state.page === id) {
        state.page = null;
        state.article = null;
      }
      await app.refresh({ keepCurrent: false });
    },

    /** The one way to bring every view up to date after the pages or the
     * words changed: the contents (unless `contents` is false), then the
     * query searched again — keeping the current hit with `keepCurrent`,
     * or going to the first in `within` — or, without a query, the page
     * drawn again; then the article's words. */
    async refresh({ contents = true, keepCurrent = true, within = null } = {}) {
      if (contents) await app.refreshContents();
      if (state.query) await app.search(state.query, { keepCurrent, within });
      else await app.draw();
      await app.emit("article", { scroll: false });
    },

    // ---- words ----

    async wordsReady() {
      // Your kept words first, so that adding a word cannot overwrite them.
      const kept = await (await store).words();
      if (kept.length) await core.addUserWords(kept.join("\n"));
      state.words = true;
      await app.emit("words");
      await app.refresh();
      // Only now does the page in view show them: the line that says
      // "ready" must not run ahead of the marks it promises.
      await app.emit("words-shown");
    },

    /** After your words changed: they are kept, and every view follows. */
    async wordsChanged() {
      await (await store).saveWords(await core.userWords());
      await app.emit("words");
      await app.refresh({ contents: false });
    },

    // ---- search ----

    /** Searches and shows the answer, unless a newer search was asked for
     * meanwhile (the core keeps the hits of the latest search, so only its
     * answer may be drawn). The current hit is the first one, or with
     * `keepCurrent` the one that was current, or with `within` ({page,
     * article}) the first in that article. `history` says how the address
     * follows: "push", "replace" or "none"; it is written once typing
     * pauses, not at every keystroke. One message to the core: it answers
     * with the results, the current hit and its page drawn. */
    async search(query, { keepCurrent = false, within = null, history = "push" } = {}) {
      const seq = ++state.searchSeq;
      state.query = query;
      app.emit("query");
      // The newest keystroke only: while the core answers one search, the
      // ones typed meanwhile wait, and only the last of them is sent.
      while (searching) {
        await searching;
        if (seq !== state.searchSeq) return;
      }
      const previous = keepCurrent && state.current >= 0 ? state.hits[state.current] : null;
      mark(seq, "sent");
      // An empty query goes to the core too: it forgets the last hits.
      const asked = core.searchAndDraw(query, { previous, within, page: state.page }, app.layers());
      searching = asked.then(
        () => (searching = null),
        () => (searching = null),
      );
      const { found, current, drawn, spent } = await asked;
      mark(seq, "answered");
      timing.core = spent;
      if (seq !== state.searchSeq) return;
      const results = query.trim() ? found : null;
      state.results = results;
      state.hits = results ? results.results.flatMap((r) => r.hits) : [];
      state.current = results ? current : -1;
      app.emit("results");
      mark(seq, "results drawn");
      // New results mean new marks: the page is drawn again (the core has
      // drawn it with the answer), then the current hit is shown.
      const shown = state.current >= 0 ? state.hits[state.current] : within;
      if (shown) {
        state.page = shown.page;
        state.article = shown.article;
      }
      if (!(await app.draw(drawn)) || seq !== state.searchSeq) return;
      mark(seq, "article drawn");
      if (state.current >= 0) await app.goToHit(state.current);
      else if (within) await app.show(within.page, within.article);
      if (history !== "none") app.writeAddress?.({ replace: history === "replace", soon: true });
      state.shownSeq = seq;
      mark(seq, "shown");
    },

    /** Goes to hit `index` (wrapping around), across articles and pages. */
    async goToHit(index) {
      if (!state.hits.length) return;
      state.current = (index + state.hits.length) % state.hits.length;
      const hit = state.hits[state.current];
      if (state.rendered !== hit.page) {
        state.page = hit.page;
        await app.draw();
      }
      if (state.article !== hit.article) {
        state.article = hit.article;
        app.emit("article", { scroll: false });
      }
      await app.emit("hit");
    },

    /** Next (1) or previous (-1) hit; from no current hit, the first or the last. */
    step(direction) {
      return app.goToHit(state.current < 0 && direction < 0 ? -1 : state.current + direction);
    },
  };
  return app;
}
