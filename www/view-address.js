// The address: the query and the article in view live in the hash
// (`#q=…&p=…&a=…`), so a link opens the same view and Back works.
// Offers `writeAddress` and `followAddress` to the other views.

export function address(view) {
  const { state } = view;

  /** Writes the query and the article in view into the address, as a new
   * history entry or (with `replace`) in place of the current one. */
  view.offer("writeAddress", ({ replace = false } = {}) => {
    const params = new URLSearchParams();
    if (state.query) params.set("q", state.query);
    const index = state.pages.findIndex((p) => p.id === state.page);
    if (index >= 0) params.set("p", String(index));
    if (state.article !== null) params.set("a", String(state.article));
    const hash = `#${params.toString()}`;
    if (location.hash === hash) return;
    if (replace) history.replaceState(null, "", hash);
    else history.pushState(null, "", hash);
  });

  /** Shows what the address asks for: a page and article, a query (its
   * current hit in that article where it has one). Anything unreadable in
   * it is ignored. */
  view.offer("followAddress", async () => {
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
