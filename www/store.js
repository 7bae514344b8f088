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
  const tx = (store, mode, fn) => {
    if (!db) return Promise.resolve(null);
    const t = db.transaction(store, mode);
    return request(fn(t.objectStore(store)));
  };
  return {
    available: Boolean(db),
    /** Keeps a page ({name, bytes} or {name, text}); resolves to its key. */
    savePage: (page) => tx("pages", "readwrite", (s) => s.add({ ...page, saved: Date.now() })),
    removePage: (key) => tx("pages", "readwrite", (s) => s.delete(key)),
    /** The pages kept, in the order they were saved. */
    pages: async () => (await tx("pages", "readonly", (s) => s.getAll())) || [],
    saveWords: (lines) => tx("words", "readwrite", (s) => s.put(lines, "user")),
    words: async () => (await tx("words", "readonly", (s) => s.get("user"))) || [],
    clear: async () => {
      await tx("pages", "readwrite", (s) => s.clear());
      await tx("words", "readwrite", (s) => s.clear());
    },
  };
}
