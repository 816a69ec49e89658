/**
 * What Confluence says about people and pages, kept in KVS for a short while so the byline
 * dialog and the commands stay within their Confluence-call budgets:
 * - a space's admins (accounts holding `administer` on the space, directly or through a group): 10 minutes;
 * - a group's members (resolving group approvers at submission): 10 minutes;
 * - a page's ancestors (resolving subtree assignments in the dialog): 10 minutes;
 * - the app's own account (recognising its own page edits): a year.
 * A change in Confluence is therefore seen within 10 minutes. Entries are read in the caller's
 * batch read and written back together, after the caller's work, in one batch write.
 */
import { kvs, type Ttl } from '@forge/kvs';
import { type BatchValues, type StoredKey } from './batch-read';

export interface CacheEntry<T> {
  key: StoredKey;
  ttl: Ttl;
  /** Phantom marker binding the entry to its value type. */
  readonly value?: T;
}

const TEN_MINUTES: Ttl = { value: 10, unit: 'MINUTES' };

export interface SpaceAdmins {
  /** Direct admins and the members of admin groups, resolved when the entry was filled. */
  accountIds: string[];
}

export const CACHE = {
  spaceAdmins: (spaceId: string): CacheEntry<SpaceAdmins> => ({ key: { key: `cache:space-admins:${spaceId}` }, ttl: TEN_MINUTES }),
  groupMembers: (groupId: string): CacheEntry<string[]> => ({ key: { key: `cache:group-members:${groupId}` }, ttl: TEN_MINUTES }),
  ancestors: (pageId: string): CacheEntry<string[]> => ({ key: { key: `cache:ancestors:${pageId}` }, ttl: TEN_MINUTES }),
  /** The app's own account never changes for an installation. */
  appAccount: (): CacheEntry<string> => ({ key: { key: 'cache:app-account' }, ttl: { value: 365, unit: 'DAYS' } }),
};

/**
 * Cached values for one invocation: answered from a batch read when present, else fetched and
 * remembered for `flush()`, which writes every fetched value in one round trip.
 */
export class CacheSession {
  private readonly fetched = new Map<string, { entry: CacheEntry<unknown>; value: unknown }>();
  private readonly pending = new Map<string, Promise<unknown>>();

  private readonly sources: BatchValues[];

  constructor(stored: BatchValues) {
    this.sources = [stored];
  }

  /** Adds the values of a later batch read (entries whose keys were known only then). */
  include(stored: BatchValues): void {
    this.sources.push(stored);
  }

  private stored<T>(key: StoredKey): T | undefined {
    for (const source of this.sources) {
      const value = source<T>(key);
      if (value !== undefined) return value;
    }
    return undefined;
  }

  async get<T>(entry: CacheEntry<T>, fetch: () => Promise<T>): Promise<T> {
    const known = this.fetched.get(entry.key.key);
    if (known !== undefined) return known.value as T;
    const stored = this.stored<T>(entry.key);
    if (stored !== undefined) return stored;
    let loading = this.pending.get(entry.key.key) as Promise<T> | undefined;
    if (loading === undefined) {
      loading = fetch().then((value) => {
        this.fetched.set(entry.key.key, { entry, value });
        return value;
      });
      this.pending.set(entry.key.key, loading);
    }
    return loading;
  }

  /** The value known without fetching: fetched earlier in this invocation, or read from storage. */
  storedOnly<T>(entry: CacheEntry<T>): T | undefined {
    return (this.fetched.get(entry.key.key)?.value as T | undefined) ?? this.stored<T>(entry.key);
  }

  remember<T>(entry: CacheEntry<T>, value: T): void {
    this.fetched.set(entry.key.key, { entry, value });
  }

  /** Writes what was fetched; a failed write only costs a later fetch, so it never fails the caller. */
  async flush(): Promise<void> {
    const items = [...this.fetched.values()].map(({ entry, value }) => ({ key: entry.key.key, value, options: { ttl: entry.ttl } }));
    this.fetched.clear();
    if (items.length === 0) return;
    try {
      for (let i = 0; i < items.length; i += 25) await kvs.batchSet(items.slice(i, i + 25));
    } catch (error) {
      console.error('could not write the permission cache', error);
    }
  }
}
