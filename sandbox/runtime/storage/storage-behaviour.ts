import { type StoredItem } from './stored-item';

/**
 * What the documentation leaves to the service and the sandbox makes observable:
 * - `expiredValues`: "Expired data is not removed immediately upon expiry. Deletion may take up
 *   to 48 hours. During this window, read operations may still return expired results"
 *   (storage-reference/kvs-api, entities-api, kvs-api-secret, "Time-to-live"). `returned`
 *   (default) keeps every expired value readable for the whole 48 h, the worst case the docs
 *   allow; `hidden` drops it at expiry.
 * - `indexLagMs`: `kvs.query` and `entity().query` are eventually consistent, `get` strictly
 *   consistent (storage-reference/kvs and storage-reference/entities, "Data consistency"). A
 *   write reaches queries only `indexLagMs` after it was made, or when `settleIndexes()` is
 *   called; gets, batch gets and transactions always see it at once. 0 (default): no lag.
 */
export interface StorageOptions {
  expiredValues?: 'returned' | 'hidden';
  indexLagMs?: number;
}

/** How long the docs say an expired value may live on. */
export const EXPIRED_RETENTION_MS = 48 * 60 * 60 * 1000;

/** The options as every keyspace and table of one engine shares them, with the engine's clock. */
export interface StorageBehaviour {
  expiredValues: 'returned' | 'hidden';
  indexLagMs: number;
  clock: () => number;
}

export function storageBehaviour(options: StorageOptions = {}, clock: () => number = () => Date.now()): StorageBehaviour {
  const indexLagMs = options.indexLagMs ?? 0;
  if (!Number.isFinite(indexLagMs) || indexLagMs < 0) throw new Error(`storage.indexLagMs must be a number of milliseconds >= 0, not ${String(options.indexLagMs)}`);
  const expiredValues = options.expiredValues ?? 'returned';
  if (expiredValues !== 'returned' && expiredValues !== 'hidden') throw new Error(`storage.expiredValues must be 'returned' or 'hidden', not ${String(expiredValues)}`);
  return { expiredValues, indexLagMs, clock };
}

/** Whether a read may still answer with this item (it exists and, if expired, is not purged yet). */
export function isReadable(item: StoredItem | undefined, now: number, behaviour: StorageBehaviour): item is StoredItem {
  if (item === undefined) return false;
  if (item.expireAt === undefined) return true;
  const goneAt = behaviour.expiredValues === 'returned' ? item.expireAt + EXPIRED_RETENTION_MS : item.expireAt;
  return goneAt > now;
}

interface PendingWrite {
  key: string;
  item: StoredItem | undefined;
  writtenAt: number;
  visibleAt: number;
}

/**
 * The query side of a keyspace or table trailing its writes: each write (an item, or undefined
 * for a delete) reaches `apply` in write order once `indexLagMs` has passed on the engine's
 * clock, or at `settle()`. A clock that went back (a test restoring real timers after faking
 * the date) counts as time passed, so nothing stays hidden for good.
 */
export class ReplicationLog {
  private pending: PendingWrite[] = [];
  private head = 0;

  constructor(
    private readonly behaviour: StorageBehaviour,
    private readonly apply: (key: string, item: StoredItem | undefined) => void,
  ) {}

  record(key: string, item: StoredItem | undefined): void {
    const now = this.behaviour.clock();
    this.pending.push({ key, item, writtenAt: now, visibleAt: now + this.behaviour.indexLagMs });
    if (this.behaviour.indexLagMs === 0) this.catchUp();
  }

  /** Applies every write whose lag has passed. */
  catchUp(): void {
    const now = this.behaviour.clock();
    while (this.head < this.pending.length) {
      const next = this.pending[this.head];
      if (next.visibleAt > now && now >= next.writtenAt) break;
      this.head += 1;
      this.apply(next.key, next.item);
    }
    this.compact();
  }

  settle(): void {
    while (this.head < this.pending.length) {
      const next = this.pending[this.head];
      this.head += 1;
      this.apply(next.key, next.item);
    }
    this.compact();
  }

  clear(): void {
    this.pending = [];
    this.head = 0;
  }

  private compact(): void {
    if (this.head === this.pending.length) this.clear();
    else if (this.head > 1024 && this.head * 2 > this.pending.length) {
      this.pending = this.pending.slice(this.head);
      this.head = 0;
    }
  }
}
