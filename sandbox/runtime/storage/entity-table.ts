import { type EntityDef, type EntityIndexDef } from '../manifest';
import { type JsonObject, type JsonValue } from '../types';
import { type FilterSet, type RangeSpec, type Scalar, compareScalars, matchesFilters } from './conditions';
import { type IndexEntry, type Ordered, SortedIndex, compareEntries, partitionPoint } from './sorted-index';
import { badRequest } from './storage-error';
import { ReplicationLog, type StorageBehaviour, isReadable } from './storage-behaviour';
import { type StoredItem } from './stored-item';

interface IndexState {
  def: EntityIndexDef;
  partitions: Map<string, SortedIndex>;
}

export interface EntityPageRequest {
  index: string;
  partition: Scalar[];
  range?: RangeSpec;
  filters?: FilterSet;
  descending: boolean;
  after?: { sort: Scalar; key: string };
  limit: number;
}

export interface EntityPage {
  entries: Array<[string, StoredItem]>;
  last?: { sort: Scalar; key: string };
  more: boolean;
}

/** Forge creates this index for every entity, over the key, without counting it in the seven. */
export const KEY_INDEX = 'by-key';
const KEY_ATTRIBUTE = '__key';

function scalar(value: JsonValue | undefined): Scalar | undefined {
  return typeof value === 'string' || typeof value === 'number' || typeof value === 'boolean' ? value : undefined;
}

/**
 * One custom entity: its items, read by key, and the query side: a copy of the items with one
 * sorted structure per (index, partition), fed by the writes after the configured index lag, so
 * a page of a query costs a binary search plus the page and may miss recent writes as the
 * documentation allows. Indexes are sparse as in DynamoDB: an item missing a partition or range
 * attribute is not in that index.
 */
export class EntityTable {
  private readonly items = new Map<string, StoredItem>();
  private readonly queried = new Map<string, StoredItem>();
  private readonly indexes = new Map<string, IndexState>();
  private readonly replication: ReplicationLog;

  constructor(
    readonly def: EntityDef,
    private readonly behaviour: StorageBehaviour,
  ) {
    this.indexes.set(KEY_INDEX, { def: { name: KEY_INDEX, partition: [], range: KEY_ATTRIBUTE }, partitions: new Map() });
    for (const index of def.indexes.values()) this.indexes.set(index.name, { def: index, partitions: new Map() });
    this.replication = new ReplicationLog(behaviour, (key, item) => this.replicate(key, item));
  }

  indexDef(name: string): EntityIndexDef | undefined {
    return this.indexes.get(name)?.def;
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

  /** Lets queries see every write made so far. */
  settle(): void {
    this.replication.settle();
  }

  private replicate(key: string, item: StoredItem | undefined): void {
    const previous = this.queried.get(key);
    if (previous !== undefined) this.unindex(key, previous.value.attributes);
    if (item === undefined) {
      this.queried.delete(key);
      return;
    }
    this.queried.set(key, item);
    this.index(key, item.value.attributes);
  }

  entries(): Array<[string, StoredItem]> {
    return [...this.items.entries()];
  }

  private placement(state: IndexState, key: string, attributes: JsonObject = {}): { partition: string; entry: IndexEntry } | undefined {
    const partitionValues: Scalar[] = [];
    for (const attribute of state.def.partition) {
      const part = scalar(attributes[attribute]);
      if (part === undefined) return undefined;
      partitionValues.push(part);
    }
    const sort = state.def.range === KEY_ATTRIBUTE ? key : scalar(attributes[state.def.range]);
    if (sort === undefined) return undefined;
    return { partition: JSON.stringify(partitionValues), entry: { sort, key } };
  }

  private index(key: string, attributes: JsonObject | undefined): void {
    for (const state of this.indexes.values()) {
      const place = this.placement(state, key, attributes);
      if (place === undefined) continue;
      let list = state.partitions.get(place.partition);
      if (list === undefined) {
        list = new SortedIndex();
        state.partitions.set(place.partition, list);
      }
      list.put(place.entry);
    }
  }

  private unindex(key: string, attributes: JsonObject | undefined): void {
    for (const state of this.indexes.values()) {
      const place = this.placement(state, key, attributes);
      if (place === undefined) continue;
      const list = state.partitions.get(place.partition);
      if (list === undefined) continue;
      list.remove(key);
      if (list.length === 0) state.partitions.delete(place.partition);
    }
  }

  /**
   * One page of an index query. Filters run after the page is cut, as the store documents
   * ("in-memory filters... can produce pages with no results, with a cursor to the next page").
   */
  page(request: EntityPageRequest, now: number): EntityPage {
    const state = this.indexes.get(request.index);
    if (state === undefined) throw badRequest('INVALID_ENTITY_INDEX', `Index '${request.index}' is not declared for entity '${this.def.name}'.`);
    this.replication.catchUp();
    const list = state.partitions.get(JSON.stringify(request.partition));
    if (list === undefined) return { entries: [], more: false };
    const [lo, hi] = rangeBounds(list, request.range);
    const entries: Array<[string, StoredItem]> = [];
    let last: IndexEntry | undefined;
    let scanned = 0;
    if (!request.descending) {
      const after = request.after;
      let index = after === undefined ? lo : Math.max(lo, partitionPoint(list, (entry) => compareEntries(entry, after) <= 0));
      for (; index < hi && scanned < request.limit; index += 1, scanned += 1) {
        last = list.at(index);
        this.collect(last.key, request.filters, now, entries);
      }
      return { entries, last, more: index < hi };
    }
    const before = request.after;
    let index = before === undefined ? hi : Math.min(hi, partitionPoint(list, (entry) => compareEntries(entry, before) < 0));
    for (; index > lo && scanned < request.limit; index -= 1, scanned += 1) {
      last = list.at(index - 1);
      this.collect(last.key, request.filters, now, entries);
    }
    return { entries, last, more: index > lo };
  }

  private collect(key: string, filters: FilterSet | undefined, now: number, into: Array<[string, StoredItem]>): void {
    const item = this.queried.get(key);
    if (!isReadable(item, now, this.behaviour)) return;
    if (matchesFilters(filters, item.value.attributes)) into.push([key, item]);
  }

  clear(): void {
    this.items.clear();
    this.queried.clear();
    this.replication.clear();
    for (const state of this.indexes.values()) state.partitions.clear();
  }
}

/** The [lo, hi) slice of a partition that satisfies a range condition: conditions are contiguous in sort order. */
function rangeBounds(list: Ordered<IndexEntry>, range: RangeSpec | undefined): [number, number] {
  if (range === undefined) return [0, list.length];
  const [first, second] = range.values;
  const below = (bound: Scalar) => (entry: IndexEntry) => compareScalars(entry.sort, bound) < 0;
  const notAbove = (bound: Scalar) => (entry: IndexEntry) => compareScalars(entry.sort, bound) <= 0;
  switch (range.condition) {
    case 'EQUAL_TO':
      return [partitionPoint(list, below(first)), partitionPoint(list, notAbove(first))];
    case 'GREATER_THAN':
      return [partitionPoint(list, notAbove(first)), list.length];
    case 'GREATER_THAN_EQUAL_TO':
      return [partitionPoint(list, below(first)), list.length];
    case 'LESS_THAN':
      return [0, partitionPoint(list, below(first))];
    case 'LESS_THAN_EQUAL_TO':
      return [0, partitionPoint(list, notAbove(first))];
    case 'BETWEEN': {
      const lo = partitionPoint(list, below(first));
      return [lo, Math.max(lo, partitionPoint(list, notAbove(second)))];
    }
    case 'BEGINS_WITH': {
      const prefix = String(first);
      const lo = partitionPoint(list, below(prefix));
      return [lo, partitionPoint(list, (entry) => String(entry.sort).startsWith(prefix), lo)];
    }
  }
}
