import { getGroupIdsOf, getSpaceAdmins } from '../confluence/people';
import { readBatch } from '../storage/batch-read';
import { CACHE, CacheSession } from '../storage/permission-cache';

/**
 * Whether an account administers a space: it holds the space's `administer` permission itself or
 * through one of its groups. Both facts come from the permission cache (10 minutes), so a warm
 * check costs no Confluence call; `session` lets a caller share its batch read and batch write.
 */
export async function isSpaceAdminIn(session: CacheSession, spaceId: string, accountId: string): Promise<boolean> {
  const admins = await session.get(CACHE.spaceAdmins(spaceId), () => getSpaceAdmins(spaceId));
  if (admins.accountIds.includes(accountId)) return true;
  if (admins.groupIds.length === 0) return false;
  const groups = await session.get(CACHE.groupsOf(accountId), () => getGroupIdsOf(accountId));
  return groups.some((groupId) => admins.groupIds.includes(groupId));
}

export async function isSpaceAdmin(spaceId: string, accountId: string): Promise<boolean> {
  const session = new CacheSession(await readBatch([CACHE.spaceAdmins(spaceId).key, CACHE.groupsOf(accountId).key]));
  const admin = await isSpaceAdminIn(session, spaceId, accountId);
  await session.flush();
  return admin;
}
