// The contents: every page with its articles (title, or the opening words
// marked 无题, and byline), a button to remove a page, the article in focus
// marked; on a narrow screen they open over the page from the ☰ button.

import { $, el } from "./dom.js";

export function contents(view) {
  const { state } = view;
  const toc = $("toc");
  const menu = $("menu");
  const href = (index, article) => `#p=${index}&a=${article}`;

  view.on("pages", () => {
    toc.replaceChildren();
    for (const [index, page] of state.pages.entries()) {
      const section = el("section", { class: "toc-page" });
      const head = el("div", { class: "toc-head" });
      head.append(el("h3", {}, page.name));
      const remove = el("button", { type: "button", class: "icon", "aria-label": `移除 ${page.name} Remove` }, "×");
      view.listen(remove, "click", async () => {
        await view.removePage(page.id);
        // The focus goes to the page that took its place, or to the contents.
        const next = toc.querySelectorAll(".toc-head button")[index] || toc.querySelector(".toc-head button:last-of-type");
        (next || $("contents-h")).focus();
      });
      head.append(remove);
      section.append(head);
      const list = el("ol");
      for (const a of state.contents.filter((c) => c.page === page.id)) {
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
      section.append(list);
      toc.append(section);
    }
  });

  view.on("article", () => {
    for (const a of toc.querySelectorAll("a[aria-current]")) a.removeAttribute("aria-current");
    const index = state.pages.findIndex((p) => p.id === state.page);
    if (state.article !== null) toc.querySelector(`a[href="${href(index, state.article)}"]`)?.setAttribute("aria-current", "true");
  });

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
    if (open) toc.querySelector("a")?.focus();
  };
  view.listen(menu, "click", () => showContents(!isOpen()));
  view.listen($("contents"), "keydown", (e) => {
    if (e.key === "Escape" && isOpen()) {
      showContents(false);
      menu.focus();
    }
  });
}
