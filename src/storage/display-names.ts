/**
 * People's display names for one page's dialog, kept in one KVS entry per page for a day: the
 * dialog then names every approver and history actor without a users-bulk call, and a name that
 * changed in Confluence shows within a day. Names missing from the entry cost one bulk call.
 */
import { kvs, type Ttl } from '@forge/kvs';
import { getPeople } from '../confluence/people';
import { type CacheEntry, type CacheSession } from './permission-cache';

export type NameMap = Record<string, string>;

/** What the app shows for an account Confluence no longer knows (deleted or never existed). */
export const UNKNOWN_PERSON = 'Former user';

const ONE_DAY: Ttl = { value: 1, unit: 'DAYS' };

export const pageNamesEntry = (pageId: string): CacheEntry<NameMap> => ({ key: { key: `cache:names:${pageId}` }, ttl: ONE_DAY });

/** Names of these accounts, from the page's entry or, for the missing ones, from Confluence. */
export async function namesFor(cache: CacheSession, pageId: string, accountIds: Iterable<string>): Promise<NameMap> {
  const entry = pageNamesEntry(pageId);
  const known = cache.storedOnly(entry) ?? {};
  const missing = [...new Set(accountIds)].filter((id) => !Object.hasOwn(known, id));
  if (missing.length === 0) return known;
  const people = await getPeople(missing);
  // Accounts Confluence no longer knows are remembered as such, so they are not asked for again.
  const merged: NameMap = { ...known, ...Object.fromEntries(missing.map((id) => [id, people.get(id)?.displayName ?? UNKNOWN_PERSON])) };
  cache.remember(entry, merged);
  return merged;
}

/**
 * Adds names to a page's entry. The effects consumer calls it after every change with the names it
 * has just looked up, so the next dialog open finds them all and stays within one Confluence call.
 */
export async function rememberPageNames(pageId: string, names: NameMap): Promise<void> {
  const entry = pageNamesEntry(pageId);
  const known = (await kvs.get<NameMap>(entry.key.key)) ?? {};
  if (Object.entries(names).every(([id, name]) => known[id] === name)) return;
  await kvs.set(entry.key.key, { ...known, ...names }, { ttl: entry.ttl });
}
