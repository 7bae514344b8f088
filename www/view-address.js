// The address: the query and the article in view live in the hash
// (`#q=…&p=…&a=…`), so a link opens the same view and Back works.
// Offers `writeAddress` and `followAddress` to the other views.

/** How long typing pauses before the address follows the query (ms). */
export const ADDRESS_PAUSE = 300;

export function address(view) {
  const { state } = view;
  // A write put off until typing pauses: its timer, the address, and
  // whether any of the writes it stands for asked for a new history entry.
  let later = null;

  /** Writes the query and the article in view into the address, as a new
   * history entry or (with `replace`) in place of the current one; with
   * `soon`, once no other write has come for ADDRESS_PAUSE ms (a word
   * typed makes one entry, and a keystroke does not wait for the address). */
  view.offer("writeAddress", ({ replace = false, soon = false } = {}) => {
    const hash = current();
    let push = !replace;
    if (later) {
      clearTimeout(later.timer);
      // A new entry asked for while one waits: that one is written first.
      if (push && later.push) write(later.hash, true);
      else push ||= later.push;
      later = null;
    }
    if (soon) later = { hash, push, timer: setTimeout(() => write(hash, push), ADDRESS_PAUSE) };
    else write(hash, push);
  });

  /** The address of what is in view. */
  const current = () => {
    const params = new URLSearchParams();
    if (state.query) params.set("q", state.query);
    const index = state.pages.findIndex((p) => p.id === state.page);
    if (index >= 0) params.set("p", String(index));
    if (state.article !== null) params.set("a", String(state.article));
    return `#${params.toString()}`;
  };

  const write = (hash, push) => {
    later = null;
    if (location.hash === hash) return;
    if (push) history.pushState(null, "", hash);
    else history.replaceState(null, "", hash);
  };

  /** Shows what the address asks for: a page and article, a query (its
   * current hit in that article where it has one). Anything unreadable in
   * it is ignored. */
  view.offer("followAddress", async () => {
    // The address is the user's now (Back, a link): a write put off would undo it.
    if (later) clearTimeout(later.timer);
    later = null;
    const params = new URLSearchParams(location.hash.slice(1));
    const query = params.get("q") || "";
    const number = (key) => (/^\d+$/.test(params.get(key) || "") ? Number(params.get(key)) : null);
    const page = state.pages[number("p") ?? 0];
    const article = page && number("a") !== null && number("a") < page.articles ? number("a") : null;
    if (query !== state.query) {
      const within = page && article !== null ? { page: page.id, article } : null;
      await view.search(query, { within, history: "none" });
    } else if (page) await view.show(page.id, article ?? 0, { scroll: article !== null });
    else await view.draw();
  });

  view.listen(window, "popstate", () => view.followAddress());
}
