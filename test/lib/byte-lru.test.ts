// Kept renderings are bounded by memory, not by count: what an operator sizes
// the process by.
import { describe, expect, it } from "vitest";
import { ByteLru } from "../../server/lib/byte-lru.js";

describe("a byte-bounded memory of renderings", () => {
  it("lets the least recently used go once the bytes exceed the budget", () => {
    const lru = new ByteLru<{ bytes: number }>(100);
    lru.set("a", { bytes: 40 });
    lru.set("b", { bytes: 40 });
    lru.get("a"); // a is now the more recent
    lru.set("c", { bytes: 40 });
    expect(lru.get("b")).toBeUndefined();
    expect(lru.get("a")).toBeDefined();
    expect(lru.get("c")).toBeDefined();
    expect(lru.bytes).toBe(80);
  });

  it("counts a replaced entry at its new size and never keeps one bigger than the budget", () => {
    const lru = new ByteLru<{ bytes: number }>(100);
    lru.set("a", { bytes: 10 });
    lru.set("a", { bytes: 90 });
    expect(lru.bytes).toBe(90);
    lru.set("huge", { bytes: 101 });
    expect(lru.get("huge")).toBeUndefined();
    expect(lru.size).toBe(1);
  });
});
