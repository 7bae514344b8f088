// Reading settings kept between visits (localStorage, as JSON under
// `baozhi.KEY`). Where storage is off (private mode, file://) they last
// for the visit.

export const settings = {
  get(key, fallback) {
    try {
      const v = localStorage.getItem(`baozhi.${key}`);
      return v === null ? fallback : JSON.parse(v);
    } catch {
      return fallback;
    }
  },
  set(key, value) {
    try {
      localStorage.setItem(`baozhi.${key}`, JSON.stringify(value));
    } catch {
      /* storage may be off: settings stay for this visit */
    }
  },
};
