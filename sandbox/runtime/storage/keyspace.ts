import { SortedIndex, partitionPoint } from './sorted-index';
import { ReplicationLog, type StorageBehaviour, isReadable } from './storage-behaviour';
import { type StoredItem } from './stored-item';

/**
 * A flat key → value space (the KVS, or the secrets). Gets read the items themselves; prefix
 * queries read a copy kept in key order that trails the writes by the configured index lag.
 */
export class Keyspace {
  private readonly items = new Map<string, StoredItem>();
  private readonly queried = new Map<string, StoredItem>();
  private readonly keys = new SortedIndex();
  private readonly replication: ReplicationLog;

  constructor(private readonly behaviour: StorageBehaviour) {
    this.replication = new ReplicationLog(behaviour, (key, item) => this.replicate(key, item));
  }

  get(key: string, now: number): StoredItem | undefined {
    const item = this.items.get(key);
    if (item !== undefined && !isReadable(item, now, this.behaviour)) {
      this.delete(key);
      return undefined;
    }
    return item;
  }

  put(key: string, item: StoredItem): void {
    this.items.set(key, item);
    this.replication.record(key, item);
  }

  delete(key: string): boolean {
    if (!this.items.delete(key)) return false;
    this.replication.record(key, undefined);
    return true;
  }

  private replicate(key: string, item: StoredItem | undefined): void {
    if (item === undefined) {
      if (this.queried.delete(key)) this.keys.remove(key);
      return;
    }
    if (!this.queried.has(key)) this.keys.put({ sort: key, key });
    this.queried.set(key, item);
  }

  /**
   * Up to `limit` readable entries whose key starts with `prefix`, strictly after `after`, in key
   * order, as the lagging query side has them; `more` tells whether further matching keys exist.
   */
  page(prefix: string, after: string | undefined, limit: number, now: number): { entries: Array<[string, StoredItem]>; more: boolean } {
    this.replication.catchUp();
    const lo = partitionPoint(this.keys, (entry) => entry.key < prefix);
    const hi = partitionPoint(this.keys, (entry) => entry.key.startsWith(prefix), lo);
    let index = after === undefined ? lo : Math.max(lo, partitionPoint(this.keys, (entry) => entry.key <= after));
    const entries: Array<[string, StoredItem]> = [];
    while (index < hi && entries.length < limit) {
      const key = this.keys.at(index).key;
      const item = this.queried.get(key);
      if (isReadable(item, now, this.behaviour)) entries.push([key, item]);
      index += 1;
    }
    return { entries, more: index < hi };
  }

  /** Lets queries see every write made so far. */
  settle(): void {
    this.replication.settle();
  }

  entries(): Array<[string, StoredItem]> {
    return [...this.items.entries()];
  }

  clear(): void {
    this.items.clear();
    this.queried.clear();
    this.keys.clear();
    this.replication.clear();
  }
}
