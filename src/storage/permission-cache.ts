/**
 * What Confluence says about people and pages, kept in KVS for a short while so the byline
 * dialog and the commands stay within their Confluence-call budgets:
 * - a space's admins (accounts holding `administer` on the space, directly or through a group): 10 minutes;
 * - a person's groups (offering a group approver the decision buttons): 10 minutes;
 * - a page's ancestors (resolving subtree assignments in the dialog): 10 minutes;
 * - the app's own account (recognising its own page edits): a year.
 * A change in Confluence is therefore seen within 10 minutes. Entries are read in the caller's
 * batch read and written back together, after the caller's work, in one batch write.
 *
 * Freshness never rests on the KVS TTL: Forge may still return a value up to 48 hours after it
 * expired (storage-reference/kvs-api, "Time-to-live"). Each value is stored with the moment it
 * was fetched, and one older than its window is fetched again whatever KVS returns; the TTL only
 * lets KVS clean up.
 */
import { kvs, type Ttl } from '@forge/kvs';
import { add, isAfter, isBefore } from 'date-fns';
import { z } from 'zod';
import { type BatchValues, type StoredKey } from './batch-read';

export interface CacheEntry<T> {
  key: StoredKey;
  /** How long a fetched value may be used; also the KVS TTL of the stored entry. */
  freshFor: Ttl;
  /** Phantom marker binding the entry to its value type. */
  readonly value?: T;
}

/** A cached value as stored, with the moment (ISO) it was fetched from Confluence. */
export interface Cached<T> {
  fetchedAt: string;
  value: T;
}

const storedCacheSchema = z.object({ fetchedAt: z.iso.datetime(), value: z.unknown() });

const DURATION_UNIT = { SECONDS: 'seconds', MINUTES: 'minutes', HOURS: 'hours', DAYS: 'days' } as const;

/**
 * The stored value if it is an entry of this cache fetched within its window at `now`; entries
 * written before values carried their fetch time, or dated in the future, count as stale.
 */
export function freshCached<T>(entry: CacheEntry<T>, stored: unknown, now: Date): Cached<T> | undefined {
  const parsed = storedCacheSchema.safeParse(stored);
  if (!parsed.success || parsed.data.value === undefined) return undefined;
  const fetchedAt = new Date(parsed.data.fetchedAt);
  const staleAt = add(fetchedAt, { [DURATION_UNIT[entry.freshFor.unit]]: entry.freshFor.value });
  if (isAfter(fetchedAt, now) || !isBefore(now, staleAt)) return undefined;
  return { fetchedAt: parsed.data.fetchedAt, value: parsed.data.value as T };
}

/** The KVS write of a cached value. */
export function cacheWrite<T>(entry: CacheEntry<T>, cached: Cached<T>): { key: string; value: Cached<T>; options: { ttl: Ttl } } {
  return { key: entry.key.key, value: cached, options: { ttl: entry.freshFor } };
}

const TEN_MINUTES: Ttl = { value: 10, unit: 'MINUTES' };

export interface SpaceAdmins {
  /** Direct admins and the members of admin groups, resolved when the entry was filled. */
  accountIds: string[];
}

export const CACHE = {
  spaceAdmins: (spaceId: string): CacheEntry<SpaceAdmins> => ({ key: { key: `cache:space-admins:${spaceId}` }, freshFor: TEN_MINUTES }),
  /** A person's groups, for offering a group approver's buttons; a decision itself asks Confluence afresh. */
  userGroups: (accountId: string): CacheEntry<string[]> => ({ key: { key: `cache:user-groups:${accountId}` }, freshFor: TEN_MINUTES }),
  ancestors: (pageId: string): CacheEntry<string[]> => ({ key: { key: `cache:ancestors:${pageId}` }, freshFor: TEN_MINUTES }),
};

/**
 * Cached values for one invocation: answered from a batch read when present and fresh, else
 * fetched and remembered for `flush()`, which writes every fetched value in one round trip.
 */
export class CacheSession {
  private readonly fetched = new Map<string, { entry: CacheEntry<unknown>; cached: Cached<unknown> }>();
  private readonly pending = new Map<string, Promise<unknown>>();

  private readonly sources: BatchValues[];

  constructor(stored: BatchValues) {
    this.sources = [stored];
  }

  /** Adds the values of a later batch read (entries whose keys were known only then). */
  include(stored: BatchValues): void {
    this.sources.push(stored);
  }

  private stored<T>(entry: CacheEntry<T>): Cached<T> | undefined {
    const now = new Date();
    for (const source of this.sources) {
      const cached = freshCached(entry, source<unknown>(entry.key), now);
      if (cached !== undefined) return cached;
    }
    return undefined;
  }

  async get<T>(entry: CacheEntry<T>, fetch: () => Promise<T>): Promise<T> {
    const known = this.cached(entry);
    if (known !== undefined) return known.value;
    let loading = this.pending.get(entry.key.key) as Promise<T> | undefined;
    if (loading === undefined) {
      const fetchedAt = new Date().toISOString();
      loading = fetch().then((value) => {
        this.remember(entry, { fetchedAt, value });
        return value;
      });
      this.pending.set(entry.key.key, loading);
    }
    return loading;
  }

  /** The fresh value known without fetching: fetched earlier in this invocation, or read from storage. */
  cached<T>(entry: CacheEntry<T>): Cached<T> | undefined {
    return (this.fetched.get(entry.key.key)?.cached as Cached<T> | undefined) ?? this.stored(entry);
  }

  remember<T>(entry: CacheEntry<T>, cached: Cached<T>): void {
    this.fetched.set(entry.key.key, { entry, cached });
  }

  /** Writes what was fetched; a failed write only costs a later fetch, so it never fails the caller. */
  async flush(): Promise<void> {
    const items = [...this.fetched.values()].map(({ entry, cached }) => cacheWrite(entry, cached));
    this.fetched.clear();
    if (items.length === 0) return;
    try {
      for (let i = 0; i < items.length; i += 25) await kvs.batchSet(items.slice(i, i + 25));
    } catch (error) {
      console.error('could not write the permission cache', error);
    }
  }
}
