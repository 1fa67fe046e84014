// A short-lived memory of whole pages for logged-out visitors. The figures may
// lag a change by up to 2 seconds anyway, so half a second of reuse keeps that
// promise while a burst of readers costs one render instead of hundreds.
export interface PageCache {
  get(key: string): string | undefined;
  set(key: string, html: string): void;
}

export function createPageCache(ttlMs: number, maxEntries = 200): PageCache {
  const entries = new Map<string, { html: string; expires: number }>();
  return {
    get(key) {
      const entry = entries.get(key);
      if (!entry) return undefined;
      if (entry.expires > Date.now()) return entry.html;
      entries.delete(key);
      return undefined;
    },
    set(key, html) {
      if (ttlMs <= 0) return;
      // Oldest first out: a crawler walking every filter cannot grow it without bound.
      if (entries.size >= maxEntries) entries.delete(entries.keys().next().value!);
      entries.set(key, { html, expires: Date.now() + ttlMs });
    },
  };
}
