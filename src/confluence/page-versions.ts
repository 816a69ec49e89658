import { route } from '@forge/api';
import { AS_APP, confluenceJson, type V2Page } from './http';

/** v2 `GET /pages` takes at most 250 ids and returns at most 250 pages (Confluence v2 OpenAPI, getPages). */
export const PAGE_IDS_PER_CALL = 250;

interface V2PageVersion {
  id: string | number;
  title: string;
  version: { number: number; authorId: string };
}

export interface CurrentVersion {
  title: string;
  number: number;
  authorId: string;
}

async function readVersions(collection: 'pages' | 'blogposts', ids: readonly string[], into: Map<string, CurrentVersion>): Promise<void> {
  for (let i = 0; i < ids.length; i += PAGE_IDS_PER_CALL) {
    const params = new URLSearchParams({ limit: String(PAGE_IDS_PER_CALL) });
    for (const id of ids.slice(i, i + PAGE_IDS_PER_CALL)) params.append('id', id);
    const path = collection === 'pages' ? route`/wiki/api/v2/pages?${params}` : route`/wiki/api/v2/blogposts?${params}`;
    const body = await confluenceJson<V2Page<V2PageVersion>>(AS_APP, path);
    for (const page of body.results) into.set(String(page.id), { title: page.title, number: page.version.number, authorId: page.version.authorId });
  }
}

/**
 * The current version of each page or blog post, one call per 250 ids, as the app: pages first,
 * then the ids no page answered for as blog posts (`GET /blogposts` takes the same `id` filter).
 * Content the app cannot see (restricted, trashed, deleted) is absent from the result.
 */
export async function getCurrentVersions(pageIds: readonly string[]): Promise<Map<string, CurrentVersion>> {
  const versions = new Map<string, CurrentVersion>();
  const unique = [...new Set(pageIds)];
  await readVersions('pages', unique, versions);
  await readVersions('blogposts', unique.filter((id) => !versions.has(id)), versions);
  return versions;
}
