// The contents: every page with its articles (title, or the opening words
// marked 无题, and byline), a button to remove a page, the article in focus
// marked; on a narrow screen they open over the page from the ☰ button.
//
// A long list (a year of pages in one file: thousands of pages, tens of
// thousands of articles) is virtualised: only the pages whose rows are in
// or near the view are in the DOM, between two spacers as tall as the
// pages left out (their heights measured once drawn, estimated before), so
// that drawing it costs the same at any size.

import { $, el } from "./dom.js";

/** Up to this many articles the list is drawn whole. */
const WHOLE = 1000;

export function contents(view) {
  const { state } = view;
  const toc = $("toc");
  const menu = $("menu");
  const scroller = $("contents");
  const href = (index, article) => `#p=${index}&a=${article}`;

  // The virtual list: page i drawn at offsets[i], heights measured or estimated.
  let byPage = new Map(); // page id → its articles
  let heights = new Map(); // page id → height in px, once drawn
  let rowPx = 26;
  let headPx = 34;
  let measuredRows = 0; // articles of the pages measured, and their rows' px
  let measuredRowsPx = 0;
  let offsets = [];
  let drawn = null; // [first, end) of the pages in the DOM
  const before = el("div", { "aria-hidden": "true" });
  const after = el("div", { "aria-hidden": "true" });
  const windowed = el("div");

  function section(index, page) {
    const node = el("section", { class: "toc-page" });
    node.dataset.page = String(page.id);
    const head = el("div", { class: "toc-head" });
    head.append(el("h3", {}, page.name));
    const remove = el("button", { type: "button", class: "icon", "aria-label": `移除 ${page.name} Remove` }, "×");
    view.listen(remove, "click", async () => {
      await view.removePage(page.id);
      // The focus goes to the page that took its place, or to the contents.
      const next = toc.querySelector(`section[data-page="${state.pages[index]?.id}"] .toc-head button`) || toc.querySelector(".toc-head button:last-of-type");
      (next || $("contents-h")).focus();
    });
    head.append(remove);
    node.append(head);
    const list = el("ol");
    for (const a of byPage.get(page.id) || []) {
      const item = el("li");
      const link = el("a", { href: href(index, a.article) });
      if (a.title) link.append(a.title);
      else {
        link.append(el("span", { class: "derived-mark", title: "无标题：取自正文开头 No headline on the page" }, "无题"));
        link.append(` ${a.derived_title || ""}`);
        link.classList.add("derived");
      }
      if (state.page === page.id && state.article === a.article) link.setAttribute("aria-current", "true");
      item.append(link);
      if (a.byline) item.append(el("span", { class: "toc-byline" }, a.byline));
      list.append(item);
    }
    node.append(list);
    return node;
  }

  const estimate = (page) => heights.get(page.id) ?? headPx + rowPx * (byPage.get(page.id)?.length || 0);

  let laidOut = []; // the pages offsets[] was computed for
  function layout() {
    laidOut = state.pages.slice();
    offsets = new Array(state.pages.length + 1);
    offsets[0] = 0;
    for (let i = 0; i < state.pages.length; i++) offsets[i + 1] = offsets[i] + estimate(state.pages[i]);
  }

  /** The first of pages 0 to `last` whose bottom (by offsets[]) is below y,
   * else `last`. By default `last` is one past the final page, as
   * drawWindow() wants; here() passes the last page laid out. */
  function pageAt(y, last = state.pages.length) {
    let lo = 0;
    let hi = last;
    while (lo < hi) {
      const mid = (lo + hi) >> 1;
      if (offsets[mid + 1] <= y) lo = mid + 1;
      else hi = mid;
    }
    return lo;
  }

  /** Where the view's top is, in px from the top of the list. */
  const viewTop = () => scroller.getBoundingClientRect().top - toc.getBoundingClientRect().top;

  /** Draws the pages in and near the view; measures them. The view stays on
   * the page it showed (at the end of the list, on the end) however far the
   * measured heights move the pages above it. */
  function drawWindow(force = false, place = here()) {
    const top = viewTop();
    const margin = scroller.clientHeight || 800;
    const first = pageAt(Math.max(0, top - margin));
    const end = Math.min(state.pages.length, pageAt(top + scroller.clientHeight + margin) + 1);
    if (!force && drawn && drawn[0] === first && drawn[1] === end) return;
    drawn = [first, end];
    const nodes = [];
    for (let i = first; i < end; i++) nodes.push(section(i, state.pages[i]));
    windowed.replaceChildren(...nodes);
    // Measured now, for the spacers and the next estimates: each page from
    // its top to the next one's, its list's bottom margin included.
    for (let k = 0; k < nodes.length; k++) {
      const node = nodes[k];
      const id = Number(node.dataset.page);
      // Hidden (the contents closed on a narrow screen): nothing to measure.
      if (!node.offsetHeight) continue;
      const height = (nodes[k + 1] || after).offsetTop - node.offsetTop;
      headPx = node.querySelector(".toc-head").offsetHeight || headPx;
      // The row height estimated from every page measured so far, not only
      // from the pages in view, so that the estimates settle as one scrolls.
      if (!heights.has(id)) {
        measuredRows += byPage.get(id)?.length || 0;
        measuredRowsPx += height - headPx;
      }
      heights.set(id, height);
    }
    if (measuredRows) rowPx = measuredRowsPx / measuredRows;
    layout();
    before.style.height = `${offsets[first]}px`;
    after.style.height = `${offsets[state.pages.length] - offsets[end]}px`;
    // Keeps the view where it was: on the end, or on the same page.
    if (!nodes.length || !nodes[0].offsetHeight || !place) return;
    if (place.atEnd && state.pages.length === place.count) {
      scroller.scrollTop = scroller.scrollHeight;
      return;
    }
    const anchor = state.pages.findIndex((p) => p.id === place.id);
    if (anchor < 0) return;
    const want = offsets[anchor] + Math.min(place.into, offsets[anchor + 1] - offsets[anchor]);
    const shift = Math.round(want - viewTop());
    if (shift) scroller.scrollTop += shift;
  }

  /** The page at the view's top and how far into it, as last laid out; and
   * whether the view is at the end of the list. */
  function here() {
    if (!offsets.length || !laidOut.length) return null;
    const top = viewTop();
    const lo = pageAt(top, laidOut.length - 1);
    const atEnd = scroller.scrollTop > 0 && scroller.scrollTop + scroller.clientHeight >= scroller.scrollHeight - 1;
    return { id: laidOut[lo].id, into: top - offsets[lo], atEnd, count: laidOut.length };
  }

  let whole = true;
  const sectionKeys = new WeakMap(); // a section drawn whole → what it shows
  view.on("pages", () => {
    byPage = new Map(state.pages.map((p) => [p.id, []]));
    for (const c of state.contents) byPage.get(c.page)?.push(c);
    whole = state.contents.length <= WHOLE;
    toc.classList.toggle("whole", whole);
    if (whole) {
      // The sections drawn that still hold are kept and the pages loaded
      // since join them at the end: the whole list drawn anew costs its
      // style and layout every time a batch's contents follow along.
      const keys = state.pages.map((page, index) => `${index} ${page.id} ${page.name} ${JSON.stringify(byPage.get(page.id))}`);
      const drawnNow = toc.firstChild === before ? [] : [...toc.children];
      let same = 0;
      while (same < drawnNow.length && same < keys.length && sectionKeys.get(drawnNow[same]) === keys[same]) same++;
      const fresh = (index) => {
        const node = section(index, state.pages[index]);
        sectionKeys.set(node, keys[index]);
        return node;
      };
      if (same > 0 && same === drawnNow.length) {
        toc.append(...keys.slice(same).map((_, i) => fresh(same + i)));
        markCurrent();
      } else toc.replaceChildren(...keys.map((_, index) => fresh(index)));
      return;
    }
    // Heights of pages no longer there are forgotten.
    const ids = new Set(state.pages.map((p) => p.id));
    for (const id of heights.keys()) if (!ids.has(id)) heights.delete(id);
    const place = toc.firstChild === before ? here() : null;
    if (toc.firstChild !== before) toc.replaceChildren(before, windowed, after);
    layout();
    drawWindow(true, place);
  });

  let pending = false;
  const follow = () => {
    if (whole || pending) return;
    pending = true;
    requestAnimationFrame(() => {
      pending = false;
      drawWindow();
    });
  };
  scroller.addEventListener("scroll", follow, { passive: true });
  new ResizeObserver(follow).observe(scroller);

  // The article in focus, marked in the list.
  function markCurrent() {
    for (const a of toc.querySelectorAll("a[aria-current]")) a.removeAttribute("aria-current");
    const index = state.pages.findIndex((p) => p.id === state.page);
    if (state.article !== null) toc.querySelector(`a[href="${href(index, state.article)}"]`)?.setAttribute("aria-current", "true");
  }
  view.on("article", markCurrent);

  view.listen(toc, "click", async (e) => {
    const link = e.target.closest("a");
    if (!link) return;
    e.preventDefault();
    const params = new URLSearchParams(link.getAttribute("href").slice(1));
    const page = state.pages[Number(params.get("p"))];
    if (!page) return;
    if (isOpen()) showContents(false);
    await view.show(page.id, Number(params.get("a")));
    view.writeAddress?.();
  });

  // On a narrow screen: the contents over the page, on demand.
  const isOpen = () => document.body.classList.contains("show-contents");
  const showContents = (open) => {
    document.body.classList.toggle("show-contents", open);
    menu.setAttribute("aria-expanded", String(open));
    if (open) {
      follow();
      toc.querySelector("a")?.focus();
    }
  };
  view.listen(menu, "click", () => showContents(!isOpen()));
  view.listen($("contents"), "keydown", (e) => {
    if (e.key === "Escape" && isOpen()) {
      showContents(false);
      menu.focus();
    }
  });
}
