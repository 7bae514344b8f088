// Messages: problems announced at once (role=alert), kept until dismissed
// when sticky and gone after 12 s otherwise; confirmations said politely
// (role=status) and gone after 6 s. A failure nothing else caught shows
// here too, once per message.

import { $, el, removeKeepingFocus } from "./dom.js";

export function alerts(view) {
  const alertBox = $("alerts");
  const notices = $("notices");
  const reading = $("reading");

  view.on("alert", ({ message, sticky = false }) => {
    const box = el("div", { class: "alert" });
    box.append(el("p", {}, message));
    const close = el("button", { type: "button", class: "icon", "aria-label": "关闭 Dismiss" }, "×");
    view.listen(close, "click", () => removeKeepingFocus(box, reading));
    box.append(close);
    alertBox.append(box);
    if (!sticky) setTimeout(() => removeKeepingFocus(box, reading), 12000);
  });

  view.on("notice", ({ message }) => {
    const box = el("div", { class: "alert notice" });
    box.append(el("p", {}, message));
    notices.append(box);
    setTimeout(() => box.remove(), 6000);
  });

  // A failed call shows as a message, never as a frozen page. It stays in
  // the console too; once the core has stopped, its own message says it all.
  const reported = new Set();
  window.addEventListener("unhandledrejection", (e) => {
    const message = e.reason?.message || String(e.reason);
    if (view.core.dead || reported.has(message)) return;
    reported.add(message);
    view.alert(`出错了 Something failed: ${message}`);
  });
}
