// Shared reads: requests asking the same question at once share one answer, and
// one that must see its own earlier write never joins a read begun before it arrived.
import { describe, expect, it } from "vitest";
import { freshSingleFlight } from "../../server/lib/single-flight.js";

/** A read that answers when told to, counting how many were begun. */
function controlledReads() {
  const begun: { key: string; answer: (value: number) => void }[] = [];
  const read = (key: string) => new Promise<number>((resolve) => begun.push({ key, answer: resolve }));
  return { begun, read };
}

describe("a read shared only with those who arrived before it began", () => {
  it("joins a read begun after the caller arrived", async () => {
    const { begun, read } = controlledReads();
    const shared = freshSingleFlight(read);
    const arrived = performance.now();
    const first = shared("acme", arrived);
    const second = shared("acme", arrived);
    expect(begun).toHaveLength(1);
    begun[0]!.answer(7);
    expect(await Promise.all([first, second])).toEqual([7, 7]);
  });

  it("begins a newer read for a caller who arrived after the one under way began, which later callers join", async () => {
    const { begun, read } = controlledReads();
    const shared = freshSingleFlight(read);
    const early = shared("acme", performance.now());
    await new Promise((resolve) => setTimeout(resolve, 5));
    const late = performance.now();
    const newer = shared("acme", late);
    const alsoNewer = shared("acme", late);
    expect(begun).toHaveLength(2);
    begun[0]!.answer(1);
    begun[1]!.answer(2);
    expect(await Promise.all([early, newer, alsoNewer])).toEqual([1, 2, 2]);
    // Settled: nothing is kept, the next caller reads again.
    const after = shared("acme", performance.now());
    expect(begun).toHaveLength(3);
    begun[2]!.answer(3);
    expect(await after).toBe(3);
  });

  it("keeps different keys apart", async () => {
    const { begun, read } = controlledReads();
    const shared = freshSingleFlight(read);
    const arrived = performance.now();
    const a = shared("acme", arrived);
    const b = shared("globex", arrived);
    expect(begun.map((r) => r.key)).toEqual(["acme", "globex"]);
    begun[0]!.answer(1);
    begun[1]!.answer(2);
    expect(await Promise.all([a, b])).toEqual([1, 2]);
  });
});
