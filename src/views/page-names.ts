import { getPeople } from '../confluence/people';
import { type NameMap, pageNamesEntry, UNKNOWN_PERSON } from '../storage/display-names';
import { type CacheSession } from '../storage/permission-cache';

/**
 * Names of these accounts for a page's dialog, from the page's names entry while it is fresh and,
 * for the missing ones, from Confluence in one bulk call. Names added to an entry keep its fetch
 * time, so no name is older than a day.
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
