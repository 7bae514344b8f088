// Opening pages: Open (several files), Folder (every file in a folder, in
// the order of their paths), drag and drop (files or folders), paste
// (text pasted outside a text field). Pages load one by one in the
// worker, with a progress bar and Cancel; what is loaded can be read and
// searched meanwhile. Offers `loadPages` (the start uses it for the pages
// kept from earlier visits).

import { $ } from "./dom.js";

export function loader(view) {
  const { core, state } = view;
  const bar = $("progress");
  let pasted = 0;

  /** Loads pages in a batch. Each item is {name, read() → ArrayBuffer or
   * text, keep (save it), key (kept as)}. Pages the user opened are shown
   * when the batch is done; pages restored from an earlier visit just join
   * the contents. */
  async function loadPages(items) {
    const opened = items.some((i) => i.key === undefined);
    if (state.batch) {
      // One batch at a time: this one joins the queue of the one under way.
      state.batch.items.push(...items);
      state.batch.total += items.length;
      state.batch.show ||= opened;
      return state.batch.finished;
    }
    let finish;
    const batch = (state.batch = {
      items: [...items],
      total: items.length,
      done: 0,
      cancelled: false,
      show: opened,
      finished: new Promise((resolve) => (finish = resolve)),
    });
    try {
      // Items that join while the batch is finishing (its last page shown,
      // the contents drawn again) are past its loop: they get one more.
      do {
        await loadItems(batch);
      } while (batch.items.length && !batch.cancelled);
    } finally {
      state.batch = null;
      showProgress(null);
      finish();
    }
  }
  view.offer("loadPages", loadPages);

  async function loadItems(batch) {
    const store = await view.store;
    showProgress(batch);
    let first = null;
    let shown = 0;
    // Pages loaded but not yet in the contents: they join what the page
    // has (without asking the core for the whole list again, which costs
    // more the more there is).
    const grown = { pages: [], contents: [] };
    // Moves the pages loaded into the page's state (without telling the views).
    const take = () => {
      shown = Date.now();
      if (!grown.pages.length) return false;
      // Not those the contents got meanwhile (refreshed by another action).
      const listed = new Set(state.pages.map((p) => p.id));
      const fresh = new Set(grown.pages.filter((p) => !listed.has(p.id)).map((p) => p.id));
      state.pages.push(...grown.pages.splice(0).filter((p) => fresh.has(p.id)));
      state.contents.push(...grown.contents.splice(0).filter((c) => fresh.has(c.page)));
      if (state.page === null) [state.page, state.article] = [state.pages[0].id, 0];
      return true;
    };
    const follow = async (force = false) => {
      // The contents follow along, but not more often than twice a second.
      if (!force && Date.now() - shown <= 500) return;
      if (take()) await view.emit("pages");
    };
    while (batch.items.length && !batch.cancelled) {
      const item = batch.items.shift();
      let saving = null; // the key this load saves the page under
      const ids = [];
      try {
        const data = await item.read();
        // Kept for the next visit while it loads: the file itself where
        // there is one (stored without copying it on this thread).
        if (item.keep && store.available) {
          const kept = typeof data === "string" ? { text: data } : { bytes: item.blob || data.slice(0) };
          saving = store.savePage({ name: item.name, ...kept });
        }
        const loaded = async (infos, { drawn = null, wordsLater = false } = {}) => {
          ids.push(...infos.map((i) => i.id));
          // Its words, when the page came without them: asked for before
          // anything else, so that every later call finds them.
          const words = wordsLater ? core.analysePending() : null;
          words?.catch(() => {}); // reported where it is awaited, below
          if (item.key !== undefined || first) return;
          first = infos[0];
          if (!batch.show) return;
          // The first page the user opened is shown at once, before the
          // rest of the batch, and drawn before the contents follow (they
          // wait for the frame that shows it), then again with its words.
          // With a search on screen it is painted first (its words are
          // analysed meanwhile), then searched again, going to its first
          // hit in that page.
          const listed = take();
          state.page = first.id;
          state.article = 0;
          if (drawn && (await view.draw(drawn)) && state.query) await afterFrame();
          if (state.query) await view.refresh({ contents: false, keepCurrent: false, within: { page: first.id, article: 0 } });
          else await view.show(first.id, 0);
          if (listed) {
            await afterFrame();
            await view.emit("pages");
          }
          if (words && (await words)) await view.draw();
        };
        // A file of many pages loads a slice at a time: the progress
        // counts its pages, and searches are answered in between.
        // The first page the user opened comes drawn with the answer.
        const draw = item.key === undefined && !first && batch.show ? view.layers() : null;
        let opened = typeof data === "string" ? await core.openText(item.name, data, draw) : await core.openFile(item.name, data, draw);
        batch.total += opened.more;
        const add = (slice) => {
          grown.pages.push(...slice.pages);
          grown.contents.push(...slice.contents);
        };
        for (;;) {
          // The next slice is asked for before this one is taken in, so
          // that the worker goes on loading meanwhile (a search asked
          // for now waits for one slice more, about 20 ms).
          const next = opened.more && !batch.cancelled ? core.loadMore() : null;
          // Should taking this slice in fail, the error below is the one
          // reported; the slice asked for must not fail unheard.
          next?.catch(() => {});
          add(opened);
          await loaded(opened.pages, opened);
          batch.done += opened.pages.length - 1;
          if (!opened.more) break;
          if (batch.cancelled) {
            // The slice asked for is loaded: it joins the others.
            if (next) {
              const last = await next;
              add(last);
              await loaded(last.pages);
              batch.done += last.pages.length - 1;
            }
            await core.stopOpening();
            break;
          }
          showProgress(batch);
          await follow();
          opened = await next;
        }
        const key = (await saving) ?? item.key;
        if (key !== undefined && key !== null) for (const id of ids) state.saved.set(id, key);
      } catch (e) {
        view.alert(e.message.startsWith(item.name) ? e.message : `${item.name}: ${e.message}`);
        // A page that could not be read is not kept for the next visit.
        const saved = await saving?.catch(() => null);
        if (saved !== null && saved !== undefined) await store.removePage(saved);
      }
      batch.done++;
      showProgress(batch);
      await follow();
    }
    await follow(true);
    // Earlier pages that name people learned from later ones are cut
    // again, 20 ms of work at a time: searches are answered in between.
    while (!(await core.catchUpFor(20)));
    if (first && batch.show) {
      state.page = first.id;
      state.article = 0;
    }
    // The contents are whole already.
    await view.refresh({ contents: !first, keepCurrent: !first, within: first && { page: first.id, article: 0 } });
    if (first && !state.query) await view.show(first.id, 0);
    if (first) view.writeAddress?.();
  }

  function showProgress(batch) {
    if (!batch) {
      bar.hidden = true;
      return;
    }
    bar.hidden = false;
    const meter = $("progress-bar");
    meter.setAttribute("aria-valuemin", "0");
    meter.setAttribute("aria-valuemax", String(batch.total));
    meter.setAttribute("aria-valuenow", String(batch.done));
    $("progress-text").textContent = `正在载入版面 Loading pages: ${batch.done} / ${batch.total}`;
  }

  /** Opens files: File objects, or {file, name} where the name is not the
   * file's own (files of a dropped folder, named by their path in it). */
  const openFiles = (files) =>
    loadPages(
      files.map((f) => {
        const file = f.file || f;
        return { name: f.name && f.file ? f.name : file.webkitRelativePath || file.name, read: () => file.arrayBuffer(), blob: file, keep: true };
      }),
    );

  view.listen($("open"), "click", () => $("files").click());
  view.listen($("files"), "change", (e) => {
    const files = [...e.target.files];
    e.target.value = "";
    return openFiles(files);
  });
  view.listen($("open-folder"), "click", () => $("folder").click());
  view.listen($("folder"), "change", (e) => {
    const files = byPath([...e.target.files]);
    e.target.value = "";
    return openFiles(files);
  });
  view.listen($("cancel"), "click", () => {
    if (state.batch) state.batch.cancelled = true;
  });

  const drop = $("drop");
  let depth = 0;
  view.listen(document, "dragenter", (e) => {
    if (![...e.dataTransfer.types].includes("Files")) return;
    depth++;
    drop.hidden = false;
  });
  view.listen(document, "dragleave", () => {
    depth = Math.max(0, depth - 1);
    if (!depth) drop.hidden = true;
  });
  document.addEventListener("dragover", (e) => e.preventDefault());
  view.listen(document, "drop", async (e) => {
    e.preventDefault();
    depth = 0;
    drop.hidden = true;
    const files = await droppedFiles(e.dataTransfer);
    if (files.length) await openFiles(files);
  });

  view.listen(document, "paste", (e) => {
    if (e.target.closest?.("input, textarea")) return;
    const text = e.clipboardData.getData("text/plain");
    if (!text.trim()) return;
    e.preventDefault();
    pasted += 1;
    return loadPages([{ name: `粘贴 Pasted ${pasted}`, read: async () => text, keep: true }]);
  });
}

/** Resolves once a frame has been painted (or after 100 ms, as in a
 * hidden tab, which paints none). */
function afterFrame() {
  return new Promise((resolve) => {
    const late = setTimeout(resolve, 100);
    requestAnimationFrame(() => {
      clearTimeout(late);
      setTimeout(resolve);
    });
  });
}

/** Lists the files of dropped folders too. */
async function droppedFiles(dataTransfer) {
  const entries = [...dataTransfer.items].map((i) => i.webkitGetAsEntry?.()).filter(Boolean);
  if (!entries.some((e) => e.isDirectory)) return [...dataTransfer.files];
  const files = [];
  const walk = async (entry) => {
    if (entry.isFile) files.push({ file: await new Promise((ok, fail) => entry.file(ok, fail)), name: entry.fullPath.replace(/^\//, "") });
    else if (entry.isDirectory) {
      const reader = entry.createReader();
      for (;;) {
        const batch = await new Promise((ok, fail) => reader.readEntries(ok, fail));
        if (!batch.length) break;
        for (const e of batch) await walk(e);
      }
    }
  };
  for (const e of entries) await walk(e);
  return files.sort((a, b) => a.name.localeCompare(b.name));
}

/** Files of a folder in the order of their paths. */
function byPath(files) {
  return files.sort((a, b) => (a.webkitRelativePath || a.name).localeCompare(b.webkitRelativePath || b.name));
}
