/**
 * The people of the demo site: `GET /__sandbox/users` lists who one can act as;
 * `POST /__sandbox/users` and `POST /__sandbox/groups` (+ `/groups/:id/members`) add people and
 * groups, e.g. to stage 25 approvers deciding at once. They persist with the site's state.
 */
import { randomBytes } from 'node:crypto';
import { z } from 'zod';
import { ConfluenceError, type GroupRecord } from '../../confluence';
import { type ServerDeps } from '../deps';
import { HttpError, type Reply, jsonReply, validateBody } from '../http-io';
import { type RequestContext } from '../router';
import { listUsers, requireUser, siteOf } from '../site';

const accountIdSchema = z
  .string({ error: 'an accountId must be a string' })
  .min(1, 'an accountId must not be empty')
  .max(128, 'an accountId must be at most 128 characters')
  .regex(/^[^\s]+$/, 'an accountId must not contain spaces');

const newUserSchema = z.object(
  {
    accountId: accountIdSchema.optional(),
    displayName: z.string({ error: 'displayName is required: the name people see' }).trim().min(1, 'displayName must not be empty'),
    email: z.email('email must be an e-mail address').optional(),
    groups: z.array(z.string().min(1, 'a group must not be empty'), { error: 'groups must be a list of group ids or names' }).optional(),
  },
  { error: 'The body must be a JSON object {accountId?, displayName, email?, groups?}' },
);

const newGroupSchema = z.object(
  {
    id: z.string().min(1, 'id must not be empty').regex(/^[^\s]+$/, 'id must not contain spaces').optional(),
    name: z.string({ error: 'name is required: the group name' }).trim().min(1, 'name must not be empty'),
    members: z.array(accountIdSchema, { error: 'members must be a list of accountIds' }).optional(),
  },
  { error: 'The body must be a JSON object {name, id?, members?}' },
);

const membersSchema = z.object(
  { accountIds: z.array(accountIdSchema, { error: 'accountIds is required: a list of accountIds' }).min(1, 'accountIds must name at least one person') },
  { error: 'The body must be a JSON object {accountIds}' },
);

export async function getUsers({ sandbox }: ServerDeps): Promise<Reply> {
  return jsonReply(200, { users: listUsers(sandbox) });
}

/** A group named by id or by name, as the people who stage a demo think of it. */
function findGroup(groups: GroupRecord[], reference: string): GroupRecord {
  const group = groups.find((candidate) => candidate.id === reference) ?? groups.find((candidate) => candidate.name === reference);
  if (group === undefined) throw new HttpError(400, 'UNKNOWN_GROUP', `No group '${reference}' on the demo site; groups are ${groups.map((g) => g.name).join(', ')}`);
  return group;
}

/** The emulator's refusals (a taken id or name) keep their status and words. */
function asHttpError(error: unknown): unknown {
  return error instanceof ConfluenceError ? new HttpError(error.status, error.code, error.message) : error;
}

export async function addUser({ sandbox }: ServerDeps, ctx: RequestContext): Promise<Reply> {
  const input = validateBody(newUserSchema, await ctx.json());
  const site = siteOf(sandbox);
  const groups = (input.groups ?? []).map((reference) => findGroup(site.groups(), reference));
  const accountId = input.accountId ?? randomBytes(12).toString('hex');
  if (site.users().some((user) => user.accountId === accountId)) throw new HttpError(409, 'CONFLICT', `A user with accountId '${accountId}' already exists`);
  try {
    site.addUser({ accountId, displayName: input.displayName, ...(input.email === undefined ? {} : { email: input.email }) });
    for (const group of groups) site.addGroupMember(group.id, accountId);
  } catch (error) {
    throw asHttpError(error);
  }
  sandbox.confluenceChanged();
  return jsonReply(201, listUsers(sandbox).find((user) => user.accountId === accountId));
}

function groupView(group: GroupRecord): Record<string, unknown> {
  return { id: group.id, name: group.name, members: group.members };
}

export async function addGroup({ sandbox }: ServerDeps, ctx: RequestContext): Promise<Reply> {
  const input = validateBody(newGroupSchema, await ctx.json());
  const site = siteOf(sandbox);
  for (const accountId of input.members ?? []) requireUser(sandbox, accountId);
  const id = input.id ?? `g-${input.name.toLowerCase().replace(/[^a-z0-9]+/g, '-')}`;
  let group: GroupRecord;
  try {
    group = site.addGroup({ id, name: input.name, members: input.members ?? [] });
  } catch (error) {
    throw asHttpError(error);
  }
  sandbox.confluenceChanged();
  return jsonReply(201, groupView(group));
}

export async function addGroupMembers({ sandbox }: ServerDeps, ctx: RequestContext): Promise<Reply> {
  const { accountIds } = validateBody(membersSchema, await ctx.json());
  const site = siteOf(sandbox);
  const group = site.groups().find((candidate) => candidate.id === ctx.params.id);
  if (group === undefined) throw new HttpError(404, 'UNKNOWN_GROUP', `No group with id '${ctx.params.id}' on the demo site`);
  for (const accountId of accountIds) requireUser(sandbox, accountId);
  for (const accountId of accountIds) site.addGroupMember(group.id, accountId);
  sandbox.confluenceChanged();
  const updated = site.groups().find((candidate) => candidate.id === group.id) ?? group;
  return jsonReply(200, groupView(updated));
}
