import { type Scalar, compareScalars } from './conditions';

/** One entry of an ordered index: the value it sorts by, then the item key as tie-breaker. */
export interface IndexEntry {
  sort: Scalar;
  key: string;
}

export const compareEntries = (a: IndexEntry, b: IndexEntry): number => compareScalars(a.sort, b.sort) || (a.key < b.key ? -1 : a.key > b.key ? 1 : 0);

/** Read access to entries in order, by position. */
export interface Ordered<T> {
  readonly length: number;
  /** The entry at `index`, for 0 ≤ index < length. */
  at(index: number): T;
}

/** First index in [from, length) where `before(index)` turns false; `before` must be true then false. */
export function firstNotBefore(length: number, before: (index: number) => boolean, from = 0): number {
  let lo = from;
  let hi = length;
  while (lo < hi) {
    const mid = (lo + hi) >>> 1;
    if (before(mid)) lo = mid + 1;
    else hi = mid;
  }
  return lo;
}

/** First index in [from, items.length) where `before` turns false; `before` must be true then false. */
export const partitionPoint = <T>(items: Ordered<T>, before: (item: T) => boolean, from = 0): number => firstNotBefore(items.length, (index) => before(items.at(index)), from);

/** Entries a chunk holds before it splits in two. */
const CHUNK_LIMIT = 1024;

/**
 * An ordered set of entries, one per key, kept in sorted chunks of at most 1,024: a write finds
 * its chunk by binary search and moves at most a chunk's worth of entries, a read finds a
 * position by binary search. Interleaved writes and queries on a partition of 500,000 entries
 * (the audit trail under issue 16's daily job) cost each the same as on a small one; a single
 * sorted array paid a copy of the whole partition for every query after a write.
 */
export class SortedIndex implements Ordered<IndexEntry> {
  private readonly current = new Map<string, IndexEntry>();
  private chunks: IndexEntry[][] = [];
  /** Position of each chunk's first entry, worked out again on the first read after a write. */
  private starts: number[] = [];
  private startsStale = false;

  get length(): number {
    return this.current.size;
  }

  put(entry: IndexEntry): void {
    const old = this.current.get(entry.key);
    if (old !== undefined) this.unplace(old);
    this.current.set(entry.key, entry);
    this.place(entry);
  }

  remove(key: string): void {
    const old = this.current.get(key);
    if (old === undefined) return;
    this.current.delete(key);
    this.unplace(old);
  }

  /** The entry at `index` in order: a binary search over the chunks' starting positions. */
  at(index: number): IndexEntry {
    if (this.startsStale) {
      let start = 0;
      this.starts = this.chunks.map((chunk) => {
        const at = start;
        start += chunk.length;
        return at;
      });
      this.startsStale = false;
    }
    const chunk = firstNotBefore(this.starts.length, (c) => this.starts[c] <= index) - 1;
    return this.chunks[chunk][index - this.starts[chunk]];
  }

  clear(): void {
    this.current.clear();
    this.chunks = [];
    this.starts = [];
    this.startsStale = false;
  }

  /** The chunk an entry belongs in: the first whose last entry is not below it, else the last. */
  private chunkOf(entry: IndexEntry): number {
    const found = firstNotBefore(this.chunks.length, (c) => compareEntries(this.chunks[c][this.chunks[c].length - 1], entry) < 0);
    return Math.min(found, this.chunks.length - 1);
  }

  private place(entry: IndexEntry): void {
    this.startsStale = true;
    if (this.chunks.length === 0) {
      this.chunks.push([entry]);
      return;
    }
    const c = this.chunkOf(entry);
    const chunk = this.chunks[c];
    chunk.splice(
      firstNotBefore(chunk.length, (i) => compareEntries(chunk[i], entry) < 0),
      0,
      entry,
    );
    if (chunk.length > CHUNK_LIMIT) this.chunks.splice(c + 1, 0, chunk.splice(CHUNK_LIMIT / 2));
  }

  private unplace(entry: IndexEntry): void {
    this.startsStale = true;
    const c = this.chunkOf(entry);
    const chunk = this.chunks[c];
    const at = firstNotBefore(chunk.length, (i) => compareEntries(chunk[i], entry) < 0);
    if (chunk[at] !== entry) throw new Error(`sorted index: entry ${entry.key} is not where its order puts it`);
    chunk.splice(at, 1);
    if (chunk.length === 0) this.chunks.splice(c, 1);
  }
}
