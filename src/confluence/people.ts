import { route } from '@forge/api';
import { AS_APP, confluenceJson, nextCursor, type CallAs, type V2Page } from './http';

export interface Person {
  accountId: string;
  displayName: string;
}

interface V1Page<T> {
  results: T[];
  size: number;
  _links?: { next?: string };
}

/** Display names for a set of accounts, in one call (Confluence caps a bulk read at 100). */
export async function getPeople(accountIds: string[]): Promise<Map<string, Person>> {
  const people = new Map<string, Person>();
  const unique = [...new Set(accountIds)];
  for (let i = 0; i < unique.length; i += 100) {
    const body = await confluenceJson<V2Page<Person>>(AS_APP, route`/wiki/api/v2/users-bulk`, {
      method: 'POST',
      body: { accountIds: unique.slice(i, i + 100) },
    });
    for (const p of body.results) people.set(p.accountId, { accountId: p.accountId, displayName: p.displayName });
  }
  return people;
}

/** Every member of a group, for resolving a group approver into accounts at step start. */
export async function getGroupMemberIds(groupId: string): Promise<string[]> {
  const ids: string[] = [];
  for (let start = 0; ; start += 200) {
    const body = await confluenceJson<V1Page<{ accountId: string }>>(
      AS_APP,
      route`/wiki/rest/api/group/${groupId}/membersByGroupId?start=${start}&limit=200`,
    );
    ids.push(...body.results.map((m) => m.accountId));
    if (!body._links?.next || body.results.length === 0) return ids;
  }
}

interface SpacePermission {
  principal: { type: 'user' | 'group' | 'role' | string; id: string };
  operation: { key: string; targetType: string };
}

/** Principals holding a space permission: people, groups, and roles (whose holders are listed per space). */
export interface SpacePrincipals {
  accountIds: string[];
  groupIds: string[];
  roleIds: string[];
}

/** Who administers a space: accounts, groups and roles holding the space `administer` permission. */
export async function getSpaceAdmins(spaceId: string): Promise<SpacePrincipals> {
  const accountIds: string[] = [];
  const groupIds: string[] = [];
  const roleIds: string[] = [];
  let cursor: string | undefined;
  do {
    const params = new URLSearchParams({ limit: '250' });
    if (cursor) params.set('cursor', cursor);
    const body = await confluenceJson<V2Page<SpacePermission>>(AS_APP, route`/wiki/api/v2/spaces/${spaceId}/permissions?${params}`);
    for (const p of body.results) {
      if (p.operation.key !== 'administer' || p.operation.targetType !== 'space') continue;
      if (p.principal.type === 'user') accountIds.push(p.principal.id);
      if (p.principal.type === 'group') groupIds.push(p.principal.id);
      if (p.principal.type === 'role') roleIds.push(p.principal.id);
    }
    cursor = nextCursor(body);
  } while (cursor);
  return { accountIds, groupIds, roleIds };
}

interface RoleAssignment {
  principal: { principalType: 'USER' | 'GROUP' | 'ACCESS_CLASS' | string; principalId: string };
  roleId: string;
}

/**
 * The users and groups holding a role in a space. Access classes (e.g. all licensed users) are
 * left out: they name no one, and a role that broad is not how a space names its admins.
 */
export async function getRoleHolders(spaceId: string, roleId: string): Promise<{ accountIds: string[]; groupIds: string[] }> {
  const accountIds: string[] = [];
  const groupIds: string[] = [];
  let cursor: string | undefined;
  do {
    const params = new URLSearchParams({ 'role-id': roleId, limit: '250' });
    if (cursor) params.set('cursor', cursor);
    const body = await confluenceJson<V2Page<RoleAssignment>>(AS_APP, route`/wiki/api/v2/spaces/${spaceId}/role-assignments?${params}`);
    for (const a of body.results) {
      if (a.principal.principalType === 'USER') accountIds.push(a.principal.principalId);
      if (a.principal.principalType === 'GROUP') groupIds.push(a.principal.principalId);
    }
    cursor = nextCursor(body);
  } while (cursor);
  return { accountIds, groupIds };
}

/** How many members a group has, without listing them (the workflow editor's capacity check). */
export async function getGroupMemberCount(groupId: string): Promise<number> {
  const body = await confluenceJson<V1Page<unknown> & { totalSize?: number }>(
    AS_APP,
    route`/wiki/rest/api/group/${groupId}/membersByGroupId?limit=1&shouldReturnTotalSize=true`,
  );
  return body.totalSize ?? body.size;
}

export interface GroupInfo {
  id: string;
  name: string;
}

/** Groups whose name contains `query` (the approver picker), or the first groups when it is empty. */
export async function searchGroups(callAs: CallAs, query: string, limit: number): Promise<GroupInfo[]> {
  const body =
    query === ''
      ? await confluenceJson<V1Page<GroupInfo>>(callAs, route`/wiki/rest/api/group?limit=${limit}`)
      : await confluenceJson<V1Page<GroupInfo>>(callAs, route`/wiki/rest/api/group/picker?query=${query}&limit=${limit}`);
  return body.results.map((g) => ({ id: String(g.id), name: g.name }));
}
