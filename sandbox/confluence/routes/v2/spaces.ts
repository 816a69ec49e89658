/** Spaces, their permission and role assignments and their pages. */
import { invalidParameter } from '../../errors';
import { type Route, type RouteContext, queryList } from '../../http';
import { cursorPage, v2Limit } from '../../paging';
import { v2List, ok } from '../../responses';
import { type ContentRecord, type SpaceRecord } from '../../state';
import { bodyFormatOf, pageV2, permissionAssignmentV2, roleAssignmentV2, spaceV2 } from '../../shapes-v2';
import { V2, sortKeyOf, sortedBy, statusesOf } from './common';

function descriptionFormatOf(query: URLSearchParams): string | null {
  const raw = query.get('description-format');
  if (raw === null || raw === '') return null;
  if (raw !== 'plain' && raw !== 'view') throw invalidParameter(`Invalid value for 'description-format': ${raw}`);
  return raw;
}

const spaceOrderings = {
  id: (s: SpaceRecord) => [Number(s.id)],
  '-id': (s: SpaceRecord) => [-Number(s.id)],
  key: (s: SpaceRecord) => [s.key, Number(s.id)],
  name: (s: SpaceRecord) => [s.name.toLowerCase(), Number(s.id)],
};

function listSpaces(ctx: RouteContext) {
  const { store, perms } = ctx.env;
  const ids = queryList(ctx.query, 'ids');
  const keys = queryList(ctx.query, 'keys');
  const keyOf = sortKeyOf(ctx.query, spaceOrderings, 'id');
  const visible = store
    .allSpaces()
    .filter((s) => perms.canReadSpace(ctx.viewer, s.id))
    .filter((s) => ids.length === 0 || ids.includes(s.id))
    .filter((s) => keys.length === 0 || keys.includes(s.key));
  const page = cursorPage(sortedBy(visible, keyOf), keyOf, ctx.query.get('cursor'), v2Limit(ctx.query, 25, 250));
  const format = descriptionFormatOf(ctx.query);
  return v2List(ctx, page.items.map((s) => spaceV2(s, format)), page.nextCursor);
}

function listSpacePermissions(ctx: RouteContext) {
  const space = ctx.env.perms.readableSpace(ctx.viewer, ctx.params.id);
  const assignments = ctx.env.store.spacePermissions(space.id);
  const page = cursorPage(assignments, (p) => [Number(p.id)], ctx.query.get('cursor'), v2Limit(ctx.query, 25, 250));
  return v2List(ctx, page.items.map(permissionAssignmentV2), page.nextCursor);
}

const PRINCIPAL_TYPES = ['USER', 'GROUP', 'ACCESS_CLASS'];

/** `GET /spaces/{id}/role-assignments` (OpenAPI getSpaceRoleAssignments): who holds which role in a space. */
function listRoleAssignments(ctx: RouteContext) {
  const { store, perms } = ctx.env;
  const space = perms.readableSpace(ctx.viewer, ctx.params.id);
  const roleId = ctx.query.get('role-id');
  const roleType = ctx.query.get('role-type');
  const principalId = ctx.query.get('principal-id');
  const principalType = ctx.query.get('principal-type');
  if ((principalId === null) !== (principalType === null)) {
    throw invalidParameter("'principal-id' and 'principal-type' must be given together");
  }
  if (principalType !== null && !PRINCIPAL_TYPES.includes(principalType)) throw invalidParameter(`Invalid value for 'principal-type': ${principalType}`);
  const matching = store
    .roleAssignments(space.id)
    .filter((a) => roleId === null || a.roleId === roleId)
    .filter((a) => roleType === null || store.spaceRole(a.roleId)?.type === roleType)
    .filter((a) => principalId === null || (a.principal.principalType === principalType && a.principal.principalId === principalId));
  const keyOf = (a: (typeof matching)[number]) => [Number(a.roleId), a.principal.principalType, a.principal.principalId];
  const page = cursorPage(sortedBy(matching, keyOf), keyOf, ctx.query.get('cursor'), v2Limit(ctx.query, 25, 250));
  return v2List(ctx, page.items.map(roleAssignmentV2), page.nextCursor);
}

const pageOrderings = {
  id: (c: ContentRecord) => [Number(c.id)],
  '-id': (c: ContentRecord) => [-Number(c.id)],
  'created-date': (c: ContentRecord) => [c.createdAt, Number(c.id)],
};

function listSpacePages(ctx: RouteContext) {
  const { store, perms } = ctx.env;
  const space = perms.readableSpace(ctx.viewer, ctx.params.id);
  const depth = ctx.query.get('depth') ?? 'all';
  if (depth !== 'all' && depth !== 'root') throw invalidParameter(`Invalid value for 'depth': ${depth}`);
  const statuses = statusesOf(ctx.query, ['current']);
  const title = ctx.query.get('title');
  const keyOf = sortKeyOf(ctx.query, pageOrderings, 'id');
  const candidates = depth === 'root' ? store.rootsOf(space.id) : store.allContents().filter((c) => c.spaceId === space.id);
  const pages = candidates.filter(
    (c) =>
      c.type === 'page' &&
      statuses.includes(c.status) &&
      (title === null || store.title(c) === title) &&
      perms.can(ctx.viewer, 'read', c),
  );
  const page = cursorPage(sortedBy(pages, keyOf), keyOf, ctx.query.get('cursor'), v2Limit(ctx.query, 25, 250));
  const bodyFormat = bodyFormatOf(ctx.query);
  return v2List(ctx, page.items.map((c) => pageV2(ctx.env, c, { bodyFormat })), page.nextCursor);
}

export const spaceRoutes: Route[] = [
  { method: 'GET', pattern: `${V2}/spaces`, handle: listSpaces },
  {
    method: 'GET',
    pattern: `${V2}/spaces/:id`,
    handle: (ctx) => ok(spaceV2(ctx.env.perms.readableSpace(ctx.viewer, ctx.params.id), descriptionFormatOf(ctx.query))),
  },
  { method: 'GET', pattern: `${V2}/spaces/:id/permissions`, handle: listSpacePermissions },
  { method: 'GET', pattern: `${V2}/spaces/:id/role-assignments`, handle: listRoleAssignments },
  { method: 'GET', pattern: `${V2}/spaces/:id/pages`, handle: listSpacePages },
];
