import { type Scalar, compareScalars } from './conditions';

/** One entry of an ordered index: the value it sorts by, then the item key as tie-breaker. */
export interface IndexEntry {
  sort: Scalar;
  key: string;
}

export const compareEntries = (a: IndexEntry, b: IndexEntry): number => compareScalars(a.sort, b.sort) || (a.key < b.key ? -1 : a.key > b.key ? 1 : 0);

/** First index in [from, items.length) where `before` turns false; `before` must be true then false. */
export function partitionPoint<T>(items: readonly T[], before: (item: T) => boolean, from = 0): number {
  let lo = from;
  let hi = items.length;
  while (lo < hi) {
    const mid = (lo + hi) >>> 1;
    if (before(items[mid])) lo = mid + 1;
    else hi = mid;
  }
  return lo;
}

/**
 * An ordered set of entries, one per key. Writes are O(1): they land in a buffer; the first read
 * after writes sorts the buffer and merges it into the ordered array (O(n + k log k)), and reads
 * then cost a binary search. Bulk loads of 100,000 items stay fast, and a query after a single
 * write costs one linear merge, never a full sort.
 */
export class SortedIndex {
  private readonly current = new Map<string, IndexEntry>();
  private ordered: IndexEntry[] = [];
  private added: IndexEntry[] = [];
  private removedSinceMerge = false;

  get size(): number {
    return this.current.size;
  }

  put(entry: IndexEntry): void {
    if (this.current.has(entry.key)) this.removedSinceMerge = true;
    this.current.set(entry.key, entry);
    this.added.push(entry);
  }

  remove(key: string): void {
    if (this.current.delete(key)) this.removedSinceMerge = true;
  }

  /** The entries in order; valid until the next write. */
  view(): readonly IndexEntry[] {
    if (this.added.length === 0 && !this.removedSinceMerge) return this.ordered;
    const live = (entry: IndexEntry): boolean => this.current.get(entry.key) === entry;
    const kept = this.removedSinceMerge ? this.ordered.filter(live) : this.ordered;
    const fresh = this.added.filter(live).sort(compareEntries);
    const merged: IndexEntry[] = new Array<IndexEntry>(kept.length + fresh.length);
    let i = 0;
    let j = 0;
    let k = 0;
    while (i < kept.length && j < fresh.length) merged[k++] = compareEntries(kept[i], fresh[j]) <= 0 ? kept[i++] : fresh[j++];
    while (i < kept.length) merged[k++] = kept[i++];
    while (j < fresh.length) merged[k++] = fresh[j++];
    this.ordered = merged;
    this.added = [];
    this.removedSinceMerge = false;
    return this.ordered;
  }

  clear(): void {
    this.current.clear();
    this.ordered = [];
    this.added = [];
    this.removedSinceMerge = false;
  }
}
