// A memory of renderings bounded by their size, not their count: a 900 kB
// page and a 9 kB one are not the same cost. The least recently used go first.

export interface Sized {
  /** Roughly what the entry holds in memory, in bytes (a string's length is close enough). */
  bytes: number;
}

export class ByteLru<T extends Sized> {
  private readonly entries = new Map<string, T>();
  private total = 0;

  constructor(private readonly maxBytes: number) {}

  get(key: string): T | undefined {
    const entry = this.entries.get(key);
    if (!entry) return undefined;
    this.entries.delete(key); // refresh its place
    this.entries.set(key, entry);
    return entry;
  }

  /** Stores (or replaces) the entry; one bigger than the whole budget is not kept. */
  set(key: string, entry: T): void {
    this.delete(key);
    if (entry.bytes > this.maxBytes) return;
    this.entries.set(key, entry);
    this.total += entry.bytes;
    for (const [oldest, old] of this.entries) {
      if (this.total <= this.maxBytes) break;
      this.entries.delete(oldest);
      this.total -= old.bytes;
    }
  }

  delete(key: string): void {
    const entry = this.entries.get(key);
    if (!entry) return;
    this.entries.delete(key);
    this.total -= entry.bytes;
  }

  get size(): number {
    return this.entries.size;
  }

  get bytes(): number {
    return this.total;
  }
}
