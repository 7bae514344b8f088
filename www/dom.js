// Small DOM helpers shared by the views. Text from pages reaches the DOM
// as text (textContent); the only HTML is what the core renders, escaped.

export const $ = (id) => document.getElementById(id);

/** An element with attributes and, optionally, text (always as text). */
export function el(tag, attrs = {}, text) {
  const node = document.createElement(tag);
  for (const [k, v] of Object.entries(attrs)) node.setAttribute(k, v);
  if (text !== undefined) node.textContent = text;
  return node;
}

/** Removes a node; if it held the focus, the focus goes to `then`. */
export function removeKeepingFocus(node, then) {
  const had = node.contains(document.activeElement);
  node.remove();
  if (had) then.focus();
}

/** Saves text as a file the browser downloads. */
export function download(name, text, type) {
  const url = URL.createObjectURL(new Blob([text], { type }));
  const a = el("a", { href: url, download: name });
  document.body.append(a);
  a.click();
  a.remove();
  setTimeout(() => URL.revokeObjectURL(url), 1000);
}
