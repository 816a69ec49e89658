/** Page restrictions (v1 only): who may view and who may edit a piece of content. */
import { createHash } from 'node:crypto';
import { z } from 'zod';
import { badRequest, forbidden, notFound } from '../../errors';
import { type Route, type RouteContext, requiredQuery, validate } from '../../http';
import { ok } from '../../responses';
import { type ContentRecord, type GroupRecord, type RestrictionOperation, type RestrictionSet } from '../../state';
import { restrictionV1 } from '../../shapes-v1';
import { V1, operationOf, readableContent } from './common';

const OPERATIONS: readonly RestrictionOperation[] = ['read', 'update'];

/** v1 accepts both a bare array and a `{results: [...]}` envelope for lists; so do we. */
const listOf = <T extends z.ZodType>(item: T) =>
  z.union([z.array(item), z.object({ results: z.array(item) }).transform((v) => v.results)]);

const userRef = z.object({ type: z.literal('known').optional(), accountId: z.string().min(1) });
const groupRef = z
  .object({ type: z.literal('group').optional(), name: z.string().optional(), id: z.string().optional() })
  .refine((g) => g.name !== undefined || g.id !== undefined, 'a group needs a name or an id');
const entrySchema = z.object({
  operation: z.enum(['read', 'update']),
  restrictions: z.object({ user: listOf(userRef).optional(), group: listOf(groupRef).optional() }),
});
const bodySchema = listOf(entrySchema);

function restrictable(ctx: RouteContext): ContentRecord {
  const content = readableContent(ctx);
  if (!ctx.env.perms.canRestrict(ctx.viewer, content)) {
    throw forbidden(`You do not have permission to change the restrictions of content ${content.id}`);
  }
  return content;
}

function groupNamed(ctx: RouteContext, ref: { name?: string; id?: string }): GroupRecord {
  const group = ref.id !== undefined ? ctx.env.store.group(ref.id) : ctx.env.store.groupByName(ref.name ?? '');
  if (!group) throw badRequest(`No group found: ${ref.id ?? ref.name ?? ''}`);
  return group;
}

function allRestrictions(ctx: RouteContext, contentId: string) {
  return ok({
    results: OPERATIONS.map((op) => restrictionV1(ctx.env, contentId, op)),
    start: 0,
    limit: 100,
    size: OPERATIONS.length,
    restrictionsHash: createHash('sha1').update(JSON.stringify(ctx.env.store.restrictionsOf(contentId))).digest('hex'),
    _links: { base: ctx.env.baseUrl, context: '/wiki' },
  });
}

/** PUT replaces every operation's restrictions; POST adds to them. Nothing is written unless every reference resolves. */
function applyBody(ctx: RouteContext, replace: boolean) {
  const content = restrictable(ctx);
  const entries = validate(bodySchema, ctx.body);
  const { store } = ctx.env;
  const next = OPERATIONS.map((op): [RestrictionOperation, RestrictionSet] => {
    const start: RestrictionSet = replace ? { users: [], groups: [] } : store.restrictionsOf(content.id)[op];
    const set: RestrictionSet = { users: [...start.users], groups: [...start.groups] };
    for (const entry of entries.filter((e) => e.operation === op)) {
      for (const user of entry.restrictions.user ?? []) set.users.push(store.requireUser(user.accountId).accountId);
      for (const group of entry.restrictions.group ?? []) set.groups.push(groupNamed(ctx, group).id);
    }
    return [op, set];
  });
  for (const [op, set] of next) store.setRestrictionSet(content.id, op, set);
  return allRestrictions(ctx, content.id);
}

type Member = { kind: 'user' | 'group'; id: string };

const field = (m: Member): 'users' | 'groups' => (m.kind === 'user' ? 'users' : 'groups');

/** GET answers whether the member is in the restriction; PUT adds it; DELETE removes it. */
/** Adds or removes one user or group in the restriction of the operation named by the path. */
function changeMembers(ctx: RouteContext, member: Member, change: (ids: string[], member: Member) => string[]): void {
  const content = restrictable(ctx);
  const op = operationOf(ctx.params.operation);
  const set = ctx.env.store.restrictionsOf(content.id)[op];
  ctx.env.store.setRestrictionSet(content.id, op, { ...set, [field(member)]: change(set[field(member)], member) });
}

function memberRoutes(suffix: string, memberOf: (ctx: RouteContext) => Member): Route[] {
  const pattern = `${V1}/content/:id/restriction/byOperation/:operation/${suffix}`;
  return [
    {
      method: 'GET',
      pattern,
      handle: (ctx) => {
        const content = readableContent(ctx);
        const member = memberOf(ctx);
        const set = ctx.env.store.restrictionsOf(content.id)[operationOf(ctx.params.operation)];
        if (!set[field(member)].includes(member.id)) throw notFound(`The ${member.kind} is not in the restriction`);
        return { status: 200 };
      },
    },
    {
      method: 'PUT',
      pattern,
      handle: (ctx) => {
        changeMembers(ctx, memberOf(ctx), (ids, member) => [...ids, member.id]);
        return { status: 200 };
      },
    },
    {
      method: 'DELETE',
      pattern,
      handle: (ctx) => {
        changeMembers(ctx, memberOf(ctx), (ids, member) => {
          if (!ids.includes(member.id)) throw notFound(`The ${member.kind} is not in the restriction`);
          return ids.filter((id) => id !== member.id);
        });
        return { status: 200 };
      },
    },
  ];
}

const userMember = (ctx: RouteContext): Member => ({
  kind: 'user',
  id: ctx.env.store.requireUser(requiredQuery(ctx.query, 'accountId')).accountId,
});

const groupByName = (ctx: RouteContext): Member => {
  const group = ctx.env.store.groupByName(ctx.params.groupName);
  if (!group) throw notFound(`No group named ${ctx.params.groupName}`);
  return { kind: 'group', id: group.id };
};

const groupById = (ctx: RouteContext): Member => {
  const group = ctx.env.store.group(ctx.params.groupId);
  if (!group) throw notFound(`No group with id ${ctx.params.groupId}`);
  return { kind: 'group', id: group.id };
};

export const restrictionRoutes: Route[] = [
  { method: 'GET', pattern: `${V1}/content/:id/restriction`, handle: (ctx) => allRestrictions(ctx, readableContent(ctx).id) },
  { method: 'PUT', pattern: `${V1}/content/:id/restriction`, handle: (ctx) => applyBody(ctx, true) },
  { method: 'POST', pattern: `${V1}/content/:id/restriction`, handle: (ctx) => applyBody(ctx, false) },
  {
    method: 'DELETE',
    pattern: `${V1}/content/:id/restriction`,
    handle: (ctx) => {
      const content = restrictable(ctx);
      for (const op of OPERATIONS) ctx.env.store.setRestrictionSet(content.id, op, { users: [], groups: [] });
      return allRestrictions(ctx, content.id);
    },
  },
  {
    method: 'GET',
    pattern: `${V1}/content/:id/restriction/byOperation`,
    handle: (ctx) => {
      const content = readableContent(ctx);
      return ok({
        read: restrictionV1(ctx.env, content.id, 'read'),
        update: restrictionV1(ctx.env, content.id, 'update'),
        _links: { base: ctx.env.baseUrl, context: '/wiki' },
      });
    },
  },
  {
    method: 'GET',
    pattern: `${V1}/content/:id/restriction/byOperation/:operation`,
    handle: (ctx) => ok(restrictionV1(ctx.env, readableContent(ctx).id, operationOf(ctx.params.operation))),
  },
  ...memberRoutes('user', userMember),
  ...memberRoutes('group/:groupName', groupByName),
  ...memberRoutes('byGroupId/:groupId', groupById),
];
