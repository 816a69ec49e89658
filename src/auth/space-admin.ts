import { getGroupMemberIds, getRoleHolders, getSpaceAdmins } from '../confluence/people';
import { readBatch } from '../storage/batch-read';
import { CACHE, CacheSession, type SpaceAdmins } from '../storage/permission-cache';

/** The members of each group, the groups read in parallel. */
async function membersOf(groupIds: Iterable<string>): Promise<string[]> {
  const members = await Promise.all([...new Set(groupIds)].map((groupId) => getGroupMemberIds(groupId)));
  return members.flat();
}

/** The people and groups holding any of the admin roles, and the members of those groups. */
async function roleAdmins(spaceId: string, roleIds: string[], groupsAlreadyRead: ReadonlySet<string>): Promise<string[]> {
  const holders = await Promise.all(roleIds.map((roleId) => getRoleHolders(spaceId, roleId)));
  const groups = holders.flatMap((h) => h.groupIds).filter((groupId) => !groupsAlreadyRead.has(groupId));
  return [...holders.flatMap((h) => h.accountIds), ...(await membersOf(groups))];
}

/**
 * Everyone who administers a space: accounts holding its `administer` permission, the members of
 * groups holding it, and whoever holds a role holding it (Confluence's role-based space access).
 * Resolving them once per space (not each viewer's groups) means any viewer's check is a lookup
 * in one cached entry, so opening the byline dialog costs no extra call. Direct groups and role
 * holders are read in parallel.
 */
async function resolveSpaceAdmins(spaceId: string): Promise<SpaceAdmins> {
  const admins = await getSpaceAdmins(spaceId);
  const direct = new Set(admins.groupIds);
  const [groupMembers, throughRoles] = await Promise.all([membersOf(direct), roleAdmins(spaceId, admins.roleIds, direct)]);
  return { accountIds: [...new Set([...admins.accountIds, ...groupMembers, ...throughRoles])] };
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
