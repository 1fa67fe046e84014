// Seeded randomness for the data generator: the same seed gives the same data
// set, so two benchmark runs compare like with like.

export interface Random {
  /** Uniform in [0, 1). */
  next(): number;
  /** Integer in [min, max]. */
  int(min: number, max: number): number;
  chance(p: number): boolean;
  pick<T>(items: readonly T[]): T;
  /** Standard normal (Box–Muller). */
  normal(): number;
}

/** mulberry32: tiny, fast, and good enough for fake data. */
export function seededRandom(seed: number): Random {
  let state = seed >>> 0;
  const next = () => {
    state = (state + 0x6d2b79f5) >>> 0;
    let t = state;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
  return {
    next,
    int: (min, max) => min + Math.floor(next() * (max - min + 1)),
    chance: (p) => next() < p,
    pick: (items) => items[Math.floor(next() * items.length)]!,
    normal: () => Math.sqrt(-2 * Math.log(1 - next())) * Math.cos(2 * Math.PI * next()),
  };
}

/** Draws keys in proportion to their weights. */
export function weighted<K>(entries: readonly (readonly [K, number])[]): (random: Random) => K {
  const keys = entries.map(([key]) => key);
  const cumulative = cumulate(entries.map(([, weight]) => weight));
  return (random) => keys[search(cumulative, random.next())]!;
}

/**
 * Zipf over ranks 0..n-1 (rank r has weight 1 / (r + 1)^s): with s = 1 and
 * 10,000 ranks the first takes ~10 % of the draws, the last still ~0.001 %.
 */
export function zipf(n: number, s: number): (random: Random) => number {
  const cumulative = cumulate(Array.from({ length: n }, (_, r) => 1 / Math.pow(r + 1, s)));
  return (random) => search(cumulative, random.next());
}

function cumulate(weights: number[]): Float64Array {
  const total = weights.reduce((a, b) => a + b, 0);
  const cumulative = new Float64Array(weights.length);
  let sum = 0;
  weights.forEach((w, i) => {
    sum += w / total;
    cumulative[i] = sum;
  });
  cumulative[weights.length - 1] = 1;
  return cumulative;
}

/** First index whose cumulative weight exceeds u. */
function search(cumulative: Float64Array, u: number): number {
  let lo = 0;
  let hi = cumulative.length - 1;
  while (lo < hi) {
    const mid = (lo + hi) >>> 1;
    if (cumulative[mid]! > u) hi = mid;
    else lo = mid + 1;
  }
  return lo;
}
