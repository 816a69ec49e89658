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

/**
 * The current version of each page, one call per 250 pages, as the app. Pages the app cannot
 * see (restricted, trashed, deleted) are absent from the answer and from the result.
 */
export async function getCurrentVersions(pageIds: readonly string[]): Promise<Map<string, CurrentVersion>> {
  const versions = new Map<string, CurrentVersion>();
  const unique = [...new Set(pageIds)];
  for (let i = 0; i < unique.length; i += PAGE_IDS_PER_CALL) {
    const params = new URLSearchParams({ limit: String(PAGE_IDS_PER_CALL) });
    for (const id of unique.slice(i, i + PAGE_IDS_PER_CALL)) params.append('id', id);
    const body = await confluenceJson<V2Page<V2PageVersion>>(AS_APP, route`/wiki/api/v2/pages?${params}`);
    for (const page of body.results) versions.set(String(page.id), { title: page.title, number: page.version.number, authorId: page.version.authorId });
  }
  return versions;
}
