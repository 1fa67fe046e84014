// A short-lived memory of whole pages for logged-out visitors. The figures may
// lag a change by up to 2 seconds anyway, so half a second of reuse keeps that
// promise while a burst of readers costs one render instead of hundreds.
/** Keys name the locale too ("de /companies?x"): one language per kept page. */
export interface PageCache {
  /** The page at `key`: reused while fresh, else rendered once however many ask at the same moment. */
  through(key: string, render: () => Promise<string>): Promise<string>;
}

/** onLookup hears of every lookup (hit: answered from memory or a rendering already under way), for the metrics. */
export function createPageCache(ttlMs: number, maxEntries = 200, onLookup: (hit: boolean) => void = () => {}): PageCache {
  const entries = new Map<string, { html: string; expires: number }>();
  const rendering = new Map<string, Promise<string>>();
  return {
    async through(key, render) {
      if (ttlMs <= 0) return render();
      const entry = entries.get(key);
      if (entry && entry.expires > Date.now()) {
        onLookup(true);
        return entry.html;
      }
      const pending = rendering.get(key);
      onLookup(pending !== undefined);
      if (pending) return pending;
      const started = render()
        .then((html) => {
          // Oldest first out: a crawler walking every filter cannot grow it without bound.
          entries.delete(key);
          if (entries.size >= maxEntries) entries.delete(entries.keys().next().value!);
          entries.set(key, { html, expires: Date.now() + ttlMs });
          return html;
        })
        .finally(() => rendering.delete(key));
      rendering.set(key, started);
      return started;
    },
  };
}
