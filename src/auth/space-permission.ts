/**
 * What one person may do in a space, decided afresh from the space's permission assignments read
 * as the app: direct grants, grants to their groups and grants to roles they (or their groups)
 * hold in the space. Nothing here is cached: it authorises actions that run as the app, where a
 * permission taken away ten minutes ago must already count.
 */
import { getRoleHolders } from '../confluence/people';
import { getSpacePermissionAssignments } from '../confluence/space-permissions';

/** An operation as Confluence writes it on a permission assignment: `${operation.key}:${operation.targetType}`. */
export type SpaceOperation = `${string}:${string}`;

export const ADMINISTER_SPACE: SpaceOperation = 'administer:space';
/** Adding a page needs both: Confluence shows no space to someone without `read:space`. */
export const ADD_PAGES: readonly SpaceOperation[] = ['read:space', 'create:page'];

/** The person and the groups they belong to (read once per check, as the app: confluence/user-groups.ts). */
export interface Member {
  accountId: string;
  groupIds: ReadonlySet<string>;
}

/**
 * Which of `wanted` the member holds in the space. The member's groups may still be on their way:
 * they are read alongside the space's assignments. Role holders are read only for roles granting
 * something still missing.
 */
export async function heldSpaceOperations(spaceId: string, who: Member | Promise<Member>, wanted: readonly SpaceOperation[]): Promise<Set<SpaceOperation>> {
  const [assignments, member] = await Promise.all([getSpacePermissionAssignments(spaceId), who]);
  const held = new Set<SpaceOperation>();
  const viaRole = new Map<string, SpaceOperation[]>();
  for (const { principal, operation } of assignments) {
    const key: SpaceOperation = `${operation.key}:${operation.targetType}`;
    if (!wanted.includes(key)) continue;
    if (principal.type === 'user' && principal.id === member.accountId) held.add(key);
    if (principal.type === 'group' && member.groupIds.has(principal.id)) held.add(key);
    if (principal.type === 'role') viaRole.set(principal.id, [...(viaRole.get(principal.id) ?? []), key]);
  }
  const roles = [...viaRole].filter(([, operations]) => operations.some((operation) => !held.has(operation)));
  const holders = await Promise.all(roles.map(async ([roleId, operations]) => ({ operations, ...(await getRoleHolders(spaceId, roleId)) })));
  for (const { operations, accountIds, groupIds } of holders) {
    if (accountIds.includes(member.accountId) || groupIds.some((groupId) => member.groupIds.has(groupId))) operations.forEach((op) => held.add(op));
  }
  return held;
}

export async function holdsAll(spaceId: string, member: Member | Promise<Member>, operations: readonly SpaceOperation[]): Promise<boolean> {
  const held = await heldSpaceOperations(spaceId, member, operations);
  return operations.every((operation) => held.has(operation));
}
