/**
 * People's display names for one page's dialog, kept in one KVS entry per page for a day: the
 * dialog then names every approver and history actor without a users-bulk call, and a name that
 * changed in Confluence shows within a day. Names missing from the entry cost one bulk call.
 */
import { kvs, type Ttl } from '@forge/kvs';
import { getPeople } from '../confluence/people';
import { type CacheEntry, type CacheSession, cacheWrite, freshCached } from './permission-cache';

export type NameMap = Record<string, string>;

/** What the app shows for an account Confluence no longer knows (deleted or never existed). */
export const UNKNOWN_PERSON = 'Former user';

const ONE_DAY: Ttl = { value: 1, unit: 'DAYS' };

export const pageNamesEntry = (pageId: string): CacheEntry<NameMap> => ({ key: { key: `cache:names:${pageId}` }, freshFor: ONE_DAY });

/**
 * Names of these accounts, from the page's entry while it is fresh or, for the missing ones, from
 * Confluence. Names added to an entry keep its fetch time, so no name is older than a day.
 */
export async function namesFor(cache: CacheSession, pageId: string, accountIds: Iterable<string>): Promise<NameMap> {
  const entry = pageNamesEntry(pageId);
  const known = cache.cached(entry);
  const names = known?.value ?? {};
  const missing = [...new Set(accountIds)].filter((id) => !Object.hasOwn(names, id));
  if (missing.length === 0) return names;
  const fetchedAt = known?.fetchedAt ?? new Date().toISOString();
  const people = await getPeople(missing);
  // Accounts Confluence no longer knows are remembered as such, so they are not asked for again.
  const merged: NameMap = { ...names, ...Object.fromEntries(missing.map((id) => [id, people.get(id)?.displayName ?? UNKNOWN_PERSON])) };
  cache.remember(entry, { fetchedAt, value: merged });
  return merged;
}

/**
 * Adds names to a page's entry. The effects consumer calls it after every change with the names it
 * has just looked up, so the next dialog open finds them all and stays within one Confluence call.
 */
export async function rememberPageNames(pageId: string, names: NameMap): Promise<void> {
  const entry = pageNamesEntry(pageId);
  const known = freshCached(entry, await kvs.get(entry.key.key), new Date());
  const current = known?.value ?? {};
  if (known !== undefined && Object.entries(names).every(([id, name]) => current[id] === name)) return;
  const write = cacheWrite(entry, { fetchedAt: known?.fetchedAt ?? new Date().toISOString(), value: { ...current, ...names } });
  await kvs.set(write.key, write.value, write.options);
}
