/**
 * People's display names for one page's dialog, kept in one KVS entry per page for a day: the
 * dialog then names every approver and history actor without a users-bulk call, and a name that
 * changed in Confluence shows within a day. Looking up the names missing from it is the caller's
 * (src/views/page-names.ts): storage does not call Confluence.
 */
import { kvs, type Ttl } from '@forge/kvs';
import { type CacheEntry, cacheWrite, freshCached } from './permission-cache';

export type NameMap = Record<string, string>;

/** What the app shows for an account Confluence no longer knows (deleted or never existed). */
export const UNKNOWN_PERSON = 'Former user';

const ONE_DAY: Ttl = { value: 1, unit: 'DAYS' };

export const pageNamesEntry = (pageId: string): CacheEntry<NameMap> => ({ key: { key: `cache:names:${pageId}` }, freshFor: ONE_DAY });

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
