// Pages and your words kept between visits, in IndexedDB, in this browser
// only. Where IndexedDB is unavailable (some private modes), everything
// still works for the visit and nothing is kept.

const DB = "baozhi";
const VERSION = 1;

function request(r) {
  return new Promise((resolve, reject) => {
    r.onsuccess = () => resolve(r.result);
    r.onerror = () => reject(r.error);
  });
}

export async function openStore() {
  let db = null;
  try {
    const open = indexedDB.open(DB, VERSION);
    open.onupgradeneeded = () => {
      open.result.createObjectStore("pages", { keyPath: "key", autoIncrement: true });
      open.result.createObjectStore("words");
    };
    db = await request(open);
  } catch {
    db = null;
  }
  // Resolves with the request's result once the transaction has committed
  // (a write can still fail after its request succeeded: a full disk).
  const tx = (stores, mode, fn) => {
    if (!db) return Promise.resolve(null);
    return new Promise((resolve, reject) => {
      const t = db.transaction(stores, mode);
      const r = fn(t);
      t.oncomplete = () => resolve(r ? r.result : null);
      t.onabort = t.onerror = () => reject(t.error || new Error("IndexedDB transaction failed"));
    });
  };
  const one = (store, mode, fn) => tx(store, mode, (t) => fn(t.objectStore(store)));
  return {
    available: Boolean(db),
    /** Keeps a page ({name, bytes} or {name, text}); resolves to its key. */
    savePage: (page) => one("pages", "readwrite", (s) => s.add({ ...page, saved: Date.now() })),
    removePage: (key) => one("pages", "readwrite", (s) => s.delete(key)),
    /** The pages kept, in the order they were saved. */
    pages: async () => (await one("pages", "readonly", (s) => s.getAll())) || [],
    saveWords: (lines) => one("words", "readwrite", (s) => s.put(lines, "user")),
    words: async () => (await one("words", "readonly", (s) => s.get("user"))) || [],
    /** Forgets every page and word, in one transaction. */
    clear: () =>
      tx(["pages", "words"], "readwrite", (t) => {
        t.objectStore("pages").clear();
        t.objectStore("words").clear();
      }),
  };
}
