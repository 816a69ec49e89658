import { SortedIndex, partitionPoint } from './sorted-index';
import { type StoredItem, isLive } from './stored-item';

/** A flat key → value space (the KVS, or the secrets) with keys kept in order for prefix queries. */
export class Keyspace {
  private readonly items = new Map<string, StoredItem>();
  private readonly keys = new SortedIndex();

  get(key: string, now: number): StoredItem | undefined {
    const item = this.items.get(key);
    if (item !== undefined && !isLive(item, now)) {
      this.delete(key);
      return undefined;
    }
    return item;
  }

  put(key: string, item: StoredItem): void {
    if (!this.items.has(key)) this.keys.put({ sort: key, key });
    this.items.set(key, item);
  }

  delete(key: string): boolean {
    if (!this.items.delete(key)) return false;
    this.keys.remove(key);
    return true;
  }

  /**
   * Up to `limit` live entries whose key starts with `prefix`, strictly after `after`, in key
   * order; `more` tells whether further matching keys exist.
   */
  page(prefix: string, after: string | undefined, limit: number, now: number): { entries: Array<[string, StoredItem]>; more: boolean } {
    const keys = this.keys.view();
    const lo = partitionPoint(keys, (entry) => entry.key < prefix);
    const hi = partitionPoint(keys, (entry) => entry.key.startsWith(prefix), lo);
    let index = after === undefined ? lo : Math.max(lo, partitionPoint(keys, (entry) => entry.key <= after));
    const entries: Array<[string, StoredItem]> = [];
    while (index < hi && entries.length < limit) {
      const key = keys[index].key;
      const item = this.items.get(key);
      if (isLive(item, now)) entries.push([key, item]);
      index += 1;
    }
    return { entries, more: index < hi };
  }

  entries(): Array<[string, StoredItem]> {
    return [...this.items.entries()];
  }

  clear(): void {
    this.items.clear();
    this.keys.clear();
  }
}
