// Renderings kept per key until their content's version moves: the visitor
// pages (plugins/kept-pages.ts) and the company pages (companies/kept-pages.ts)
// share this. A request names the version it read before asking; a kept
// rendering of another version (or, with maxAgeMs, an older one) is rendered
// again. Misses are single-flight per version and key: a burst of requests for
// one address costs one rendering, and a request that read a newer version
// never joins a rendering of an older one.
import { ByteLru, type Sized } from "./byte-lru.js";

export interface KeptRendering extends Sized {
  version: string;
  /** When its rendering began (before it read anything). */
  renderedAt: number;
}

export interface KeptRenderings<T extends KeptRendering> {
  through(key: string, version: string, render: () => Promise<T>): Promise<T>;
}

/** onLookup hears of every lookup (hit: answered from memory or a rendering already under way), for the metrics. */
export function keptRenderings<T extends KeptRendering>(opts: { maxBytes: number; maxAgeMs?: number; onLookup?: (hit: boolean) => void }): KeptRenderings<T> {
  const kept = new ByteLru<T>(opts.maxBytes);
  const rendering = new Map<string, Promise<T>>();
  const maxAgeMs = opts.maxAgeMs ?? Infinity;
  return {
    async through(key, version, render) {
      const entry = kept.get(key);
      if (entry && entry.version === version && Date.now() - entry.renderedAt < maxAgeMs) {
        opts.onLookup?.(true);
        return entry;
      }
      const flightKey = `${version}|${key}`;
      const pending = rendering.get(flightKey);
      opts.onLookup?.(pending !== undefined);
      if (pending) return pending;
      const started = render()
        .then((page) => {
          kept.set(key, page);
          return page;
        })
        .finally(() => rendering.delete(flightKey));
      rendering.set(flightKey, started);
      return started;
    },
  };
}
