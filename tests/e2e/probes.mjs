// Probes the end-to-end tests and the measurements share: what the page
// does, read from its app object (window.baozhi).

/** A search typed now, while a load runs: resolves to {ms, loading, hits} — the
 * time to its answer drawn and whether the load was still running then. */
export function searchDuringLoad(page, query) {
  return page.evaluate(
    (q) =>
      new Promise((resolve) => {
        const state = window.baozhi.state;
        const box = document.querySelector("#q");
        const start = performance.now();
        box.value = q;
        box.dispatchEvent(new Event("input", { bubbles: true }));
        const sent = state.searchSeq;
        const check = () => {
          if (state.shownSeq >= sent) resolve({ ms: performance.now() - start, loading: state.batch !== null, hits: state.hits.length });
          else setTimeout(check, 5);
        };
        check();
      }),
    query,
  );
}
