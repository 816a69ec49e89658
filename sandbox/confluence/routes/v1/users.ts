/** Users and groups (v1): profiles, memberships, group members, and the user picker's search. */
import { badRequest, notFound } from '../../errors';
import { type Route, type RouteContext, queryFlag, requiredQuery } from '../../http';
import { v1Window } from '../../paging';
import { ok, v1List } from '../../responses';
import { type GroupRecord } from '../../state';
import { groupV1, userV1 } from '../../shapes-v1';
import { V1 } from './common';

function groupMembers(ctx: RouteContext, group: GroupRecord) {
  const members = group.members
    .map((id) => ctx.env.store.user(id))
    .filter((u) => u !== undefined)
    .sort((a, b) => a.displayName.localeCompare(b.displayName))
    .map((u) => userV1(ctx.env, u.accountId));
  const extra = queryFlag(ctx.query, 'shouldReturnTotalSize') ? { totalSize: members.length } : {};
  return v1List(ctx, members, v1Window(ctx.query, 200, 200), extra);
}

function requireGroup(group: GroupRecord | undefined, ref: string): GroupRecord {
  if (!group) throw notFound(`No group found: ${ref}`);
  return group;
}

/**
 * The picker's CQL is `user.fullname ~ "text"` (or `user ~ "text"`), optionally with
 * `type = user`; other CQL is outside what the sandbox understands.
 */
function searchTerm(cql: string): string {
  const match = /\buser(?:\.fullname)?\s*~\s*"([^"]*)"/i.exec(cql);
  if (match) return match[1].toLowerCase();
  if (/\btype\s*=\s*"?user"?/i.test(cql)) return '';
  throw badRequest(`Could not parse cql : ${cql}`);
}

function searchUsers(ctx: RouteContext) {
  const cql = requiredQuery(ctx.query, 'cql');
  const term = searchTerm(cql);
  const results = ctx.env.store
    .allUsers()
    .filter((u) => u.accountType === 'atlassian' && u.active && u.displayName.toLowerCase().includes(term))
    .map((u) => ({
      user: userV1(ctx.env, u.accountId),
      title: u.displayName,
      excerpt: '',
      url: `/people/${u.accountId}`,
      entityType: 'user',
      iconCssClass: 'aui-icon content-type-profile',
      lastModified: '',
      score: 0,
    }));
  const window = v1Window(ctx.query, 25, 1000);
  return v1List(ctx, results, window, { totalSize: results.length, cqlQuery: cql, searchDuration: 1 });
}

/**
 * The approver picker's group search (`GET /wiki/rest/api/group/picker`): groups whose name
 * contains the query, case-insensitively, in name order; `query` is required as in Cloud.
 */
function groupPicker(ctx: RouteContext) {
  const term = requiredQuery(ctx.query, 'query').toLowerCase();
  const groups = ctx.env.store
    .allGroups()
    .filter((g) => g.name.toLowerCase().includes(term))
    .sort((a, b) => a.name.localeCompare(b.name))
    .map((g) => groupV1(ctx.env, g));
  const extra = queryFlag(ctx.query, 'shouldReturnTotalSize') ? { totalSize: groups.length } : {};
  return v1List(ctx, groups, v1Window(ctx.query, 200, 200), extra);
}

export const userRoutesV1: Route[] = [
  {
    method: 'GET',
    pattern: `${V1}/user`,
    handle: (ctx) => ok(userV1(ctx.env, ctx.env.store.requireUser(requiredQuery(ctx.query, 'accountId')).accountId)),
  },
  {
    method: 'GET',
    pattern: `${V1}/user/current`,
    handle: (ctx) => ok(userV1(ctx.env, ctx.env.perms.accountIdOf(ctx.viewer))),
  },
  {
    method: 'GET',
    pattern: `${V1}/user/memberof`,
    handle: (ctx) => {
      const user = ctx.env.store.requireUser(requiredQuery(ctx.query, 'accountId'));
      const groups = ctx.env.store.groupsOf(user.accountId).map((g) => groupV1(ctx.env, g));
      return v1List(ctx, groups, v1Window(ctx.query, 200, 200));
    },
  },
  {
    method: 'GET',
    pattern: `${V1}/group`,
    handle: (ctx) => v1List(ctx, ctx.env.store.allGroups().map((g) => groupV1(ctx.env, g)), v1Window(ctx.query, 200, 200)),
  },
  { method: 'GET', pattern: `${V1}/group/picker`, handle: groupPicker },
  {
    method: 'GET',
    pattern: `${V1}/group/by-id`,
    handle: (ctx) => {
      const id = requiredQuery(ctx.query, 'id');
      return ok(groupV1(ctx.env, requireGroup(ctx.env.store.group(id), id)));
    },
  },
  {
    method: 'GET',
    pattern: `${V1}/group/member`,
    handle: (ctx) => {
      const name = requiredQuery(ctx.query, 'name');
      return groupMembers(ctx, requireGroup(ctx.env.store.groupByName(name), name));
    },
  },
  {
    method: 'GET',
    pattern: `${V1}/group/:groupId/membersByGroupId`,
    handle: (ctx) => groupMembers(ctx, requireGroup(ctx.env.store.group(ctx.params.groupId), ctx.params.groupId)),
  },
  { method: 'GET', pattern: `${V1}/search/user`, handle: searchUsers },
];
