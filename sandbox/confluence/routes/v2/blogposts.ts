/**
 * Blog posts (v2 `/blogposts`, `/spaces/{id}/blogposts`): content of a space outside its page
 * tree, versioned like pages. Statuses and parameters follow the Confluence v2 OpenAPI.
 */
import { invalidParameter, notFound } from '../../errors';
import { type Route, type RouteContext, queryFlag, queryList } from '../../http';
import { cursorPage, v2Limit } from '../../paging';
import { ok, v2List } from '../../responses';
import { type ContentRecord } from '../../state';
import { blogPostV2, bodyFormatOf, labelV2, propertyV2, versionV2 } from '../../shapes-v2';
import { V2, includedList, sortKeyOf, sortedBy, statusesOf } from './common';
import { listVersions, putContent, requestedRevision } from './pages';

const orderings = {
  id: (c: ContentRecord) => [Number(c.id)],
  '-id': (c: ContentRecord) => [-Number(c.id)],
  'created-date': (c: ContentRecord) => [Date.parse(c.createdAt), Number(c.id)],
  '-created-date': (c: ContentRecord) => [-Date.parse(c.createdAt), -Number(c.id)],
};

/** The listing filters both blog post collections share (`status` defaults to `current`). */
function listed(ctx: RouteContext, spaceIds: readonly string[]) {
  const { store, perms } = ctx.env;
  const ids = queryList(ctx.query, 'id');
  if (ids.length > 250) throw invalidParameter("At most 250 values are allowed for 'id'");
  const statuses = statusesOf(ctx.query, ['current']);
  const title = ctx.query.get('title');
  const keyOf = sortKeyOf<ContentRecord>(ctx.query, orderings, 'id');
  const posts = store
    .allContents()
    .filter(
      (c) =>
        c.type === 'blogpost' &&
        (ids.length === 0 || ids.includes(c.id)) &&
        (spaceIds.length === 0 || spaceIds.includes(c.spaceId)) &&
        statuses.includes(c.status) &&
        (title === null || store.title(c) === title) &&
        perms.can(ctx.viewer, 'read', c),
    );
  const page = cursorPage(sortedBy(posts, keyOf), keyOf, ctx.query.get('cursor'), v2Limit(ctx.query, 25, 250));
  const bodyFormat = bodyFormatOf(ctx.query);
  return v2List(ctx, page.items.map((c) => blogPostV2(ctx.env, c, { bodyFormat })), page.nextCursor);
}

function getBlogPost(ctx: RouteContext) {
  const { annotations, perms } = ctx.env;
  const post = perms.readableContent(ctx.viewer, ctx.params.id, 'blogpost');
  const requested = statusesOf(ctx.query, []);
  const allowed = requested.length > 0 ? requested : ['current', 'draft'];
  if (!allowed.includes(post.status)) throw notFound(`No blogpost found with id: ${post.id}`);
  const selfPath = `${V2}/blogposts/${post.id}`;
  const body: Record<string, unknown> = blogPostV2(ctx.env, post, {
    bodyFormat: bodyFormatOf(ctx.query),
    revision: requestedRevision(ctx, post),
    includeVersion: ctx.query.get('include-version') !== 'false',
    withBase: true,
  });
  if (queryFlag(ctx.query, 'include-labels')) {
    body.labels = includedList(annotations.labelsOf(post.id).map(labelV2), `${selfPath}/labels`);
  }
  if (queryFlag(ctx.query, 'include-properties')) {
    body.properties = includedList(annotations.propertiesOf(post.id).map(propertyV2), `${selfPath}/properties`);
  }
  if (queryFlag(ctx.query, 'include-versions')) {
    body.versions = includedList([...post.revisions].reverse().map(versionV2), `${selfPath}/versions`);
  }
  if (queryFlag(ctx.query, 'include-operations')) {
    const operations = (['read', 'update', 'delete'] as const)
      .filter((operation) => perms.can(ctx.viewer, operation, post))
      .map((operation) => ({ operation, targetType: 'blogpost' }));
    body.operations = includedList(operations, `${selfPath}/operations`);
  }
  return ok(body);
}

export const blogPostRoutes: Route[] = [
  { method: 'GET', pattern: `${V2}/blogposts`, handle: (ctx) => listed(ctx, queryList(ctx.query, 'space-id')) },
  { method: 'GET', pattern: `${V2}/blogposts/:id`, handle: getBlogPost },
  { method: 'PUT', pattern: `${V2}/blogposts/:id`, handle: putContent('blogpost') },
  { method: 'GET', pattern: `${V2}/blogposts/:id/versions`, handle: (ctx) => listVersions(ctx, 'blogpost') },
  {
    method: 'GET',
    pattern: `${V2}/spaces/:id/blogposts`,
    handle: (ctx) => listed(ctx, [ctx.env.perms.readableSpace(ctx.viewer, ctx.params.id).id]),
  },
];
