/**
 * Calls the emulator exactly as the sandbox runtime does (method, path with query, headers,
 * string body, actor) and parses replies with zod schemas, which double as shape assertions.
 */
import { z } from 'zod';
import { type ConfluenceActor, type ConfluenceEmulator } from '../../../sandbox/confluence';

export const APP: ConfluenceActor = { kind: 'app' };
export const as = (accountId: string): ConfluenceActor => ({ kind: 'user', accountId });

export interface Reply {
  status: number;
  headers: Record<string, string>;
  body: unknown;
}

export async function call(
  site: ConfluenceEmulator,
  actor: ConfluenceActor,
  method: string,
  path: string,
  body?: unknown,
): Promise<Reply> {
  const response = await site.handle({
    method,
    path,
    headers: body === undefined ? { accept: 'application/json' } : { accept: 'application/json', 'content-type': 'application/json' },
    body: body === undefined ? undefined : JSON.stringify(body),
    actor,
  });
  return { status: response.status, headers: response.headers, body: response.body === '' ? undefined : JSON.parse(response.body) };
}

export const v2Version = z.object({
  createdAt: z.string(),
  message: z.string(),
  number: z.number().int(),
  minorEdit: z.boolean(),
  authorId: z.string(),
});

export const v2Page = z.object({
  id: z.string(),
  status: z.enum(['current', 'draft', 'archived', 'trashed', 'historical']),
  title: z.string(),
  spaceId: z.string(),
  parentId: z.string().nullable(),
  parentType: z.enum(['page', 'folder']).nullable(),
  position: z.number().int(),
  authorId: z.string(),
  ownerId: z.string(),
  createdAt: z.string(),
  version: v2Version,
  body: z.object({
    storage: z.object({ representation: z.literal('storage'), value: z.string() }).optional(),
    atlas_doc_format: z.object({ representation: z.literal('atlas_doc_format'), value: z.string() }).optional(),
  }),
  _links: z.object({ webui: z.string(), editui: z.string(), tinyui: z.string() }),
});

export const v2Child = z.object({
  id: z.string(),
  status: z.enum(['current', 'archived']),
  title: z.string(),
  type: z.enum(['page', 'folder']),
  spaceId: z.string(),
  childPosition: z.number().int(),
});

export const v2Property = z.object({ id: z.string(), key: z.string(), value: z.unknown(), version: v2Version });

export const v2List = <T extends z.ZodType>(item: T) =>
  z.object({ results: z.array(item), _links: z.object({ next: z.string().optional(), base: z.string() }) });

export const v2Error = z.object({
  errors: z
    .array(z.object({ status: z.number().int(), code: z.string(), title: z.string(), detail: z.null() }))
    .length(1),
});

export const v1Error = z.object({
  statusCode: z.number().int(),
  message: z.string(),
  reason: z.string(),
  data: z.object({ authorized: z.boolean(), valid: z.boolean(), errors: z.array(z.unknown()), successful: z.literal(false) }),
});

export const v1User = z.object({
  type: z.literal('known'),
  accountId: z.string(),
  accountType: z.enum(['atlassian', 'app']),
  displayName: z.string(),
  publicName: z.string(),
  profilePicture: z.object({ path: z.string(), width: z.number(), height: z.number(), isDefault: z.boolean() }),
});

export const v1List = <T extends z.ZodType>(item: T) =>
  z.object({
    results: z.array(item),
    start: z.number().int(),
    limit: z.number().int(),
    size: z.number().int(),
    _links: z.object({ base: z.string(), context: z.literal('/wiki'), next: z.string().optional() }),
  });

/** Asserts the status first so a failure shows the error body rather than a zod complaint. */
export function expectStatus(reply: Reply, status: number): void {
  if (reply.status !== status) {
    throw new Error(`Expected HTTP ${status}, got ${reply.status}: ${JSON.stringify(reply.body)}`);
  }
}

export function v2ErrorOf(reply: Reply, status: number): { code: string; title: string } {
  expectStatus(reply, status);
  const error = v2Error.parse(reply.body).errors[0];
  expect(error.status).toBe(status);
  return error;
}

export function v1ErrorOf(reply: Reply, status: number): { message: string } {
  expectStatus(reply, status);
  const error = v1Error.parse(reply.body);
  expect(error.statusCode).toBe(status);
  return error;
}
