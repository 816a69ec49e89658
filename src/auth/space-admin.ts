import { getGroupMemberIds, getSpaceAdmins } from '../confluence/people';
import { readBatch } from '../storage/batch-read';
import { CACHE, CacheSession, type SpaceAdmins } from '../storage/permission-cache';

/**
 * Everyone who administers a space: accounts holding its `administer` permission and the members
 * of groups holding it. Resolving the groups once per space (not each viewer's groups) means any
 * viewer's check is a lookup in one cached entry, so opening the byline dialog costs no extra call.
 */
async function resolveSpaceAdmins(spaceId: string): Promise<SpaceAdmins> {
  const admins = await getSpaceAdmins(spaceId);
  const members = await Promise.all(admins.groupIds.map((groupId) => getGroupMemberIds(groupId)));
  return { accountIds: [...new Set([...admins.accountIds, ...members.flat()])] };
}

/** Whether an account administers a space, from the permission cache (10 minutes). */
export async function isSpaceAdminIn(session: CacheSession, spaceId: string, accountId: string): Promise<boolean> {
  const admins = await session.get(CACHE.spaceAdmins(spaceId), () => resolveSpaceAdmins(spaceId));
  return admins.accountIds.includes(accountId);
}

export async function isSpaceAdmin(spaceId: string, accountId: string): Promise<boolean> {
  const session = new CacheSession(await readBatch([CACHE.spaceAdmins(spaceId).key]));
  const admin = await isSpaceAdminIn(session, spaceId, accountId);
  await session.flush();
  return admin;
}
