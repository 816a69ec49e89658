/** Pages: bulk listing, a single page (any version), updates with optimistic locking, version history. */
import { z } from 'zod';
import { adfToStorage, parseAdf } from '../../body-format';
import { badRequest, invalidParameter, notFound } from '../../errors';
import { type Route, type RouteContext, queryFlag, queryList, validate } from '../../http';
import { updatePage } from '../../page-updates';
import { cursorPage, v2Limit } from '../../paging';
import { ok, v2List } from '../../responses';
import { type ContentRecord, type Revision } from '../../state';
import { blogPostV2, bodyFormatOf, labelV2, pageV2, propertyV2, versionV2 } from '../../shapes-v2';
import { V2, includedList, sortKeyOf, sortedBy, statusesOf } from './common';

function listPages(ctx: RouteContext) {
  const { store, perms } = ctx.env;
  const ids = queryList(ctx.query, 'id');
  if (ids.length > 250) throw invalidParameter("At most 250 values are allowed for 'id'");
  const spaceIds = queryList(ctx.query, 'space-id');
  const statuses = statusesOf(ctx.query, ['current', 'archived']);
  const title = ctx.query.get('title');
  const keyOf = sortKeyOf<ContentRecord>(ctx.query, { id: (c) => [Number(c.id)], '-id': (c) => [-Number(c.id)] }, 'id');
  const pages = store
    .allContents()
    .filter(
      (c) =>
        c.type === 'page' &&
        (ids.length === 0 || ids.includes(c.id)) &&
        (spaceIds.length === 0 || spaceIds.includes(c.spaceId)) &&
        statuses.includes(c.status) &&
        (title === null || store.title(c) === title) &&
        perms.can(ctx.viewer, 'read', c),
    );
  const page = cursorPage(sortedBy(pages, keyOf), keyOf, ctx.query.get('cursor'), v2Limit(ctx.query, 25, 250));
  const bodyFormat = bodyFormatOf(ctx.query);
  return v2List(ctx, page.items.map((c) => pageV2(ctx.env, c, { bodyFormat })), page.nextCursor);
}

export function requestedRevision(ctx: RouteContext, page: ContentRecord): Revision | undefined {
  const raw = ctx.query.get('version');
  if (raw === null || raw === '') return undefined;
  const number = Number(raw);
  if (!Number.isInteger(number) || number < 1) throw invalidParameter(`Invalid value for 'version': ${raw}`);
  const revision = page.revisions.find((r) => r.number === number);
  if (!revision) throw notFound(`Version ${number} of ${page.type} ${page.id} does not exist`);
  return revision;
}

function getPage(ctx: RouteContext) {
  const { annotations, perms } = ctx.env;
  const page = perms.readableContent(ctx.viewer, ctx.params.id, 'page');
  const requested = statusesOf(ctx.query, []);
  const allowed = requested.length > 0 ? requested : ['current', 'archived', 'draft'];
  if (!allowed.includes(page.status)) throw notFound(`No page found with id: ${page.id}`);
  const selfPath = `${V2}/pages/${page.id}`;
  const body: Record<string, unknown> = pageV2(ctx.env, page, {
    bodyFormat: bodyFormatOf(ctx.query),
    revision: requestedRevision(ctx, page),
    includeVersion: ctx.query.get('include-version') !== 'false',
    withBase: true,
  });
  if (queryFlag(ctx.query, 'include-labels')) {
    body.labels = includedList(annotations.labelsOf(page.id).map(labelV2), `${selfPath}/labels`);
  }
  if (queryFlag(ctx.query, 'include-properties')) {
    body.properties = includedList(annotations.propertiesOf(page.id).map(propertyV2), `${selfPath}/properties`);
  }
  if (queryFlag(ctx.query, 'include-versions')) {
    body.versions = includedList([...page.revisions].reverse().map(versionV2), `${selfPath}/versions`);
  }
  if (queryFlag(ctx.query, 'include-operations')) {
    const operations = (['read', 'update', 'delete'] as const)
      .filter((operation) => perms.can(ctx.viewer, operation, page))
      .map((operation) => ({ operation, targetType: 'page' }));
    body.operations = includedList(operations, `${selfPath}/operations`);
  }
  return ok(body);
}

const updatePageSchema = z.object({
  id: z.string(),
  status: z.enum(['current', 'draft']),
  title: z.string().min(1).max(255),
  spaceId: z.string().optional(),
  parentId: z.string().optional(),
  ownerId: z.string().optional(),
  body: z.object({ representation: z.string(), value: z.string() }),
  version: z.object({ number: z.number().int(), message: z.string().optional() }),
});

function storageOf(body: { representation: string; value: string }): string {
  if (body.representation === 'storage') return body.value;
  if (body.representation === 'atlas_doc_format') return adfToStorage(parseAdf(body.value));
  throw badRequest(`Unsupported body representation '${body.representation}': use storage or atlas_doc_format`);
}

/**
 * `PUT /pages/{id}` (updatePage) and `PUT /blogposts/{id}` (updateBlogPost, Confluence v2
 * OpenAPI, api-group-blog-post #api-blogposts-id-put; scope write:page:confluence): the same
 * optimistic-locking update; a blog post has no parent to move under.
 */
export function putContent(type: 'page' | 'blogpost') {
  return (ctx: RouteContext) => {
    const { store, perms } = ctx.env;
    const input = validate(updatePageSchema, ctx.body);
    if (input.id !== ctx.params.id) throw badRequest(`The id in the body (${input.id}) does not match the path (${ctx.params.id})`);
    const page = perms.readableContent(ctx.viewer, ctx.params.id, type);
    if (input.spaceId !== undefined && input.spaceId !== page.spaceId) {
      throw badRequest(`Moving a ${type} to another space is not supported by this endpoint`);
    }
    // Confluence keeps a separate draft beside a published page; the sandbox stores one body per page.
    if (page.status === 'current' && input.status === 'draft') {
      throw badRequest(`Saving a draft of a published ${type} is not supported by the sandbox: send status current`);
    }
    if (type === 'blogpost' && input.parentId !== undefined) throw badRequest('A blog post has no parent page');
    if (input.ownerId !== undefined) store.requireUser(input.ownerId);
    if (input.parentId !== undefined) perms.readableContent(ctx.viewer, input.parentId);
    updatePage(ctx.env, ctx.viewer, page, {
      title: input.title,
      body: storageOf(input.body),
      message: input.version.message,
      nextVersion: input.version.number,
      status: input.status,
      parentId: input.parentId,
    });
    if (input.ownerId !== undefined) page.ownerId = input.ownerId;
    const shaped = { bodyFormat: 'storage', withBase: true } as const;
    return ok(type === 'page' ? pageV2(ctx.env, page, shaped) : blogPostV2(ctx.env, page, shaped));
  };
}

/** Versions name what they are of: `page` for a page, `blogpost` for a blog post (PageVersion / BlogPostVersion). */
export function listVersions(ctx: RouteContext, type: 'page' | 'blogpost') {
  const page = ctx.env.perms.readableContent(ctx.viewer, ctx.params.id, type);
  const keyOf = sortKeyOf<Revision>(
    ctx.query,
    { 'modified-date': (r) => [r.number], '-modified-date': (r) => [-r.number] },
    '-modified-date',
  );
  const versions = cursorPage(sortedBy(page.revisions, keyOf), keyOf, ctx.query.get('cursor'), v2Limit(ctx.query, 50, 250));
  return v2List(
    ctx,
    versions.items.map((r) => ({ ...versionV2(r), [type]: { id: page.id, title: r.title } })),
    versions.nextCursor,
  );
}

export const pageRoutes: Route[] = [
  { method: 'GET', pattern: `${V2}/pages`, handle: listPages },
  { method: 'GET', pattern: `${V2}/pages/:id`, handle: getPage },
  { method: 'PUT', pattern: `${V2}/pages/:id`, handle: putContent('page') },
  { method: 'GET', pattern: `${V2}/pages/:id/versions`, handle: (ctx) => listVersions(ctx, 'page') },
];
