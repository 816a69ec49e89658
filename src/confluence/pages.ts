import { type Route, route } from '@forge/api';
import { type ContentType } from '../shared/content';
import { AppError } from '../shared/errors';
import { confluenceJson, nextCursor, type CallAs, type V2Page } from './http';

/** A page or blog post as the app needs it: where it lives, its current version, what the caller may do. */
export interface PageInfo {
  id: string;
  type: ContentType;
  title: string;
  status: string;
  spaceId: string;
  parentId: string | null;
  version: number;
  versionAuthorId: string;
  authorId: string;
  /** Operations the calling user may perform on the page (`read`, `update`, …). */
  operations: string[];
  /** The page's content properties, when asked for with the page. */
  properties?: IncludedProperties;
}

/**
 * Content properties read with the page (`include-properties`): Confluence includes at most 50
 * (v2 OpenAPI, getPageById / getBlogPostById) and says when there are more (`meta.hasMore`).
 */
export interface IncludedProperties {
  byKey: Record<string, unknown>;
  complete: boolean;
}

interface V2PageBody {
  id: string;
  title: string;
  status: string;
  spaceId: string;
  parentId?: string | null;
  authorId: string;
  version: { number: number; authorId: string };
  operations?: { results?: { operation: string; targetType: string }[] };
  properties?: { results?: { key: string; value: unknown }[]; meta?: { hasMore?: boolean } };
}

function toPageInfo(page: V2PageBody, type: ContentType): PageInfo {
  return {
    id: String(page.id),
    type,
    title: page.title,
    status: page.status,
    spaceId: String(page.spaceId),
    parentId: page.parentId ? String(page.parentId) : null,
    version: page.version.number,
    versionAuthorId: page.version.authorId,
    authorId: page.authorId,
    operations: (page.operations?.results ?? []).filter((o) => o.targetType === type).map((o) => o.operation),
    ...(page.properties === undefined
      ? {}
      : {
          properties: {
            byKey: Object.fromEntries((page.properties.results ?? []).map((property) => [property.key, property.value])),
            complete: page.properties.meta?.hasMore !== true,
          },
        }),
  };
}

/** `withProperties`: the page's content properties come in the same call (the byline dialog checks its property). */
export interface PageReadOptions {
  withProperties?: boolean;
}

function contentPath(id: string, type: ContentType, { withProperties = false }: PageReadOptions) {
  if (type === 'page') {
    return withProperties ? route`/wiki/api/v2/pages/${id}?include-operations=true&include-properties=true` : route`/wiki/api/v2/pages/${id}?include-operations=true`;
  }
  return withProperties ? route`/wiki/api/v2/blogposts/${id}?include-operations=true&include-properties=true` : route`/wiki/api/v2/blogposts/${id}?include-operations=true`;
}

async function readContent(callAs: CallAs, id: string, type: ContentType, options: PageReadOptions): Promise<PageInfo> {
  return toPageInfo(await confluenceJson<V2PageBody>(callAs, contentPath(id, type, options)), type);
}

/**
 * One call that proves the caller can see the page (or blog post) and tells what else they may
 * do on it. Without a known type (a request named only by id) a page is asked for first, then a
 * blog post: Confluence ids are unique across both, so at most one answers.
 */
export async function getPage(callAs: CallAs, pageId: string, type?: ContentType, options: PageReadOptions = {}): Promise<PageInfo> {
  if (type !== undefined) return readContent(callAs, pageId, type, options);
  try {
    return await readContent(callAs, pageId, 'page', options);
  } catch (error) {
    if (!(error instanceof AppError && error.code === 'NOT_FOUND')) throw error;
    return readContent(callAs, pageId, 'blogpost', options);
  }
}

/** Ancestors of a page, root first (what workflow assignment inherits through). */
export async function getAncestorIds(callAs: CallAs, pageId: string): Promise<string[]> {
  const body = await confluenceJson<V2Page<{ id: string; type?: string }>>(callAs, route`/wiki/api/v2/pages/${pageId}/ancestors?limit=250`);
  return body.results.map((a) => String(a.id));
}

/** A folder as the manage-space tree needs it; read as the caller, 404 when they cannot see it. */
export interface FolderInfo {
  id: string;
  title: string;
  spaceId: string;
}

export async function getFolder(callAs: CallAs, folderId: string): Promise<FolderInfo> {
  const folder = await confluenceJson<{ id: string; title: string; spaceId: string | number }>(callAs, route`/wiki/api/v2/folders/${folderId}`);
  return { id: String(folder.id), title: folder.title, spaceId: String(folder.spaceId) };
}

/** Ancestors of a folder, root first: pages and folders above it. */
export async function getFolderAncestorIds(callAs: CallAs, folderId: string): Promise<string[]> {
  const body = await confluenceJson<V2Page<{ id: string; type?: string }>>(callAs, route`/wiki/api/v2/folders/${folderId}/ancestors?limit=250`);
  return body.results.map((a) => String(a.id));
}

/** One row of the manage-space tree. */
export interface TreeNode {
  id: string;
  type: 'page' | 'folder' | 'blogpost';
  title: string;
  status: string;
  /** A page id from a payload may point into another space: callers compare this with theirs. */
  spaceId: string;
}

export interface TreeLevel {
  nodes: TreeNode[];
  cursor?: string;
}

/**
 * One level of the page tree: a space's root pages, or the direct children of a page or folder;
 * or the space's blog posts (`blog`, id = the space), which Confluence lists apart from the tree.
 */
export async function getTreeLevel(
  callAs: CallAs,
  parent: { type: 'space' | 'blog' | 'page' | 'folder'; id: string },
  options: { cursor?: string; limit?: number } = {},
): Promise<TreeLevel> {
  const params = new URLSearchParams({ limit: String(options.limit ?? 250) });
  if (options.cursor) params.set('cursor', options.cursor);
  // A space's blog posts and its root pages are lists of one content type each.
  const listOf = async (type: 'blogpost' | 'page', path: Route): Promise<TreeLevel> => {
    const body = await confluenceJson<V2Page<{ id: string; title: string; status: string; spaceId: string | number }>>(callAs, path);
    return {
      nodes: body.results.map((p) => ({ id: String(p.id), type, title: p.title, status: p.status, spaceId: String(p.spaceId) })),
      cursor: nextCursor(body),
    };
  };
  if (parent.type === 'blog') return listOf('blogpost', route`/wiki/api/v2/spaces/${parent.id}/blogposts?${params}`);
  if (parent.type === 'space') {
    params.set('depth', 'root');
    return listOf('page', route`/wiki/api/v2/spaces/${parent.id}/pages?${params}`);
  }
  const collection = parent.type === 'page' ? route`/wiki/api/v2/pages/${parent.id}/direct-children?${params}` : route`/wiki/api/v2/folders/${parent.id}/direct-children?${params}`;
  const body = await confluenceJson<V2Page<{ id: string; title: string; status: string; type: string; spaceId: string | number }>>(callAs, collection);
  return {
    nodes: body.results
      .filter((c) => c.type === 'page' || c.type === 'folder')
      .map((c) => ({ id: String(c.id), type: c.type as 'page' | 'folder', title: c.title, status: c.status, spaceId: String(c.spaceId) })),
    cursor: nextCursor(body),
  };
}
