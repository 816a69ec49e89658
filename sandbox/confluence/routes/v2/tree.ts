/** The page tree: folders, direct children (pages and folders), child pages, ancestors. */
import { type Route, type RouteContext } from '../../http';
import { cursorPage, v2Limit } from '../../paging';
import { ok, v2List } from '../../responses';
import { type ContentRecord } from '../../state';
import { childV2, folderV2 } from '../../shapes-v2';
import { V2, sortKeyOf, sortedBy } from './common';

type Kind = 'pages' | 'folders';
const TYPE_OF: Record<Kind, ContentRecord['type']> = { pages: 'page', folders: 'folder' };

const childOrderings = {
  'child-position': (c: ContentRecord) => [c.position, Number(c.id)],
  '-child-position': (c: ContentRecord) => [-c.position, -Number(c.id)],
  id: (c: ContentRecord) => [Number(c.id)],
  '-id': (c: ContentRecord) => [-Number(c.id)],
};

/** Trashed and draft children are not part of the tree a reader sees. */
function visibleChildren(ctx: RouteContext, parent: ContentRecord): ContentRecord[] {
  return ctx.env.store
    .childrenOf(parent.id)
    .filter((c) => (c.status === 'current' || c.status === 'archived') && ctx.env.perms.can(ctx.viewer, 'read', c));
}

function directChildren(kind: Kind) {
  return (ctx: RouteContext) => {
    const parent = ctx.env.perms.readableContent(ctx.viewer, ctx.params.id, TYPE_OF[kind]);
    const keyOf = sortKeyOf(ctx.query, childOrderings, 'child-position');
    const children = sortedBy(visibleChildren(ctx, parent), keyOf);
    const page = cursorPage(children, keyOf, ctx.query.get('cursor'), v2Limit(ctx.query, 25, 250));
    return v2List(ctx, page.items.map((c) => childV2(ctx.env, c)), page.nextCursor);
  };
}

function childPages(ctx: RouteContext) {
  const parent = ctx.env.perms.readableContent(ctx.viewer, ctx.params.id, 'page');
  const keyOf = sortKeyOf(ctx.query, childOrderings, 'child-position');
  const children = sortedBy(
    visibleChildren(ctx, parent).filter((c) => c.type === 'page'),
    keyOf,
  );
  const page = cursorPage(children, keyOf, ctx.query.get('cursor'), v2Limit(ctx.query, 25, 250));
  return v2List(
    ctx,
    page.items.map((c) => ({ id: c.id, status: c.status, title: ctx.env.store.title(c), spaceId: c.spaceId, childPosition: c.position })),
    page.nextCursor,
  );
}

/**
 * Root first. With a limit smaller than the depth, Confluence returns the nearest ancestors
 * and the caller continues from the first one returned, so there is no cursor.
 */
function ancestors(kind: Kind) {
  return (ctx: RouteContext) => {
    const content = ctx.env.perms.readableContent(ctx.viewer, ctx.params.id, TYPE_OF[kind]);
    const limit = v2Limit(ctx.query, 25, 250);
    const chain = ctx.env.store.ancestorsOf(content).slice(-limit);
    return ok({ results: chain.map((a) => ({ id: a.id, type: a.type })), _links: { base: ctx.env.baseUrl } });
  };
}

export const treeRoutes: Route[] = [
  {
    method: 'GET',
    pattern: `${V2}/folders/:id`,
    handle: (ctx) => ok(folderV2(ctx.env, ctx.env.perms.readableContent(ctx.viewer, ctx.params.id, 'folder'), true)),
  },
  { method: 'GET', pattern: `${V2}/pages/:id/direct-children`, handle: directChildren('pages') },
  { method: 'GET', pattern: `${V2}/folders/:id/direct-children`, handle: directChildren('folders') },
  { method: 'GET', pattern: `${V2}/pages/:id/children`, handle: childPages },
  { method: 'GET', pattern: `${V2}/pages/:id/ancestors`, handle: ancestors('pages') },
  { method: 'GET', pattern: `${V2}/folders/:id/ancestors`, handle: ancestors('folders') },
];
