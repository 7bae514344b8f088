// The reading view: the articles of the page in view, as the core renders
// them (escaped HTML with the highlight layers and the hits), the current
// hit drawn apart and scrolled to, and which article is being read.

import { $, el } from "./dom.js";

export const articleId = (page, article) => `a-${page}-${article}`;

export function reading(view) {
  const { core, state } = view;
  const main = $("reading");
  let seq = 0; // the latest drawing; older ones are dropped
  // What the view holds: the page and each of its articles' HTML as the
  // core rendered it. Drawing the same page again replaces only the
  // articles whose HTML changed: a keystroke's new marks touch the
  // articles with hits, and the rest keep their layout.
  let shown = null;

  // `drawn`: the page as the core drew it with a search's answer ({page,
  // html}), else the view asks the core for it.
  view.on("draw", async (drawn) => {
    const mine = ++seq;
    const page = state.page;
    if (page === null) {
      state.rendered = null;
      shown = null;
      main.replaceChildren(el("p", { class: "note" }, "没有版面。打开或拖入版面文件，或粘贴文字。 No pages: open or drop page files, or paste text."));
      return true;
    }
    let html;
    if (drawn?.page === page) html = drawn.html;
    else {
      const articles = state.contents.filter((c) => c.page === page);
      const current = state.current >= 0 ? state.hits[state.current] : null;
      const layers = view.layers();
      try {
        html = await core.renderArticles(articles.map((a) => [a.page, a.article, layers, articleId(a.page, a.article), current ? current.id : null]));
      } catch (e) {
        // A page removed meanwhile: the newer drawing tells the rest.
        if (mine !== seq) return false;
        throw e;
      }
      if (mine !== seq) return false;
    }
    // The core escapes every piece of page text in this HTML.
    const ids = html.map((_, i) => articleId(page, i));
    const kept = shown?.page === page && main.children.length === ids.length && ids.every((id, i) => main.children[i]?.id === id && shown.ids[i] === id);
    if (kept) {
      html.forEach((h, i) => {
        if (h === shown.html[i]) return;
        const fresh = document.createElement("template");
        fresh.innerHTML = h;
        main.children[i].replaceWith(fresh.content);
      });
    } else main.innerHTML = html.join("");
    shown = { page, ids, html };
    state.rendered = page;
    main.setAttribute("aria-label", `阅读 Reading: ${state.pages.find((p) => p.id === page)?.name ?? ""}`);
    markCurrent();
    return true;
  });

  view.on("hit", () => {
    markCurrent();
    const hit = state.hits[state.current];
    const mark = hit && main.querySelector(`mark[data-hit="${hit.id}"]`);
    if (!mark) return;
    layOutUpTo(mark);
    mark.scrollIntoView({ block: "center" });
  });

  view.on("article", ({ scroll }) => {
    const article = scroll && state.page !== null && state.article !== null ? $(articleId(state.page, state.article)) : null;
    if (!article) return;
    layOutUpTo(article);
    article.scrollIntoView({ block: "start" });
  });

  // Articles out of view are not laid out (app.css), their height only
  // estimated: before scrolling to a place, the articles down to it are
  // laid out, so that it is where it will be drawn.
  function layOutUpTo(node) {
    for (let a = node.closest("article.article"); a; a = a.previousElementSibling) a.classList.add("laid-out");
  }

  // The current hit is drawn apart by moving the class, without drawing again.
  function markCurrent() {
    for (const m of main.querySelectorAll("mark.current")) m.classList.remove("current");
    if (state.current < 0) return;
    const hit = state.hits[state.current];
    for (const m of main.querySelectorAll(`mark[data-hit="${hit.id}"]`)) m.classList.add("current");
  }

  // Which article is being read: the one nearest the top of the view.
  const seen = new Map();
  const observer = new IntersectionObserver(
    (entries) => {
      for (const e of entries) seen.set(e.target.id, e.isIntersecting ? e.boundingClientRect.top : null);
      const visible = [...seen.entries()].filter(([, top]) => top !== null).sort((a, b) => Math.abs(a[1]) - Math.abs(b[1]));
      if (!visible.length) return;
      const [, page, article] = visible[0][0].split("-").map(Number);
      if (page !== state.page || article === state.article) return;
      state.article = article;
      view.emit("article", { scroll: false });
    },
    { rootMargin: "0px 0px -60% 0px" },
  );
  new MutationObserver(() => {
    seen.clear();
    observer.disconnect();
    for (const a of main.querySelectorAll("article.article")) observer.observe(a);
  }).observe(main, { childList: true });
}
