import { route } from '@forge/api';
import { confluenceJson, nextCursor, type CallAs, type V2Page } from './http';

export interface PageTitle {
  id: string;
  title: string;
}

/** Confluence answers at most 250 pages per call. */
const PAGES_PER_CALL = 250;

/**
 * Which of these pages the caller can see, with their current titles: as the user, Confluence
 * leaves out pages that do not exist or that restrictions hide. One call per 250 ids.
 */
export async function getVisiblePages(callAs: CallAs, pageIds: readonly string[]): Promise<Map<string, PageTitle>> {
  const unique = [...new Set(pageIds)];
  const pages = new Map<string, PageTitle>();
  for (let i = 0; i < unique.length; i += PAGES_PER_CALL) {
    let cursor: string | undefined;
    do {
      const params = new URLSearchParams({ id: unique.slice(i, i + PAGES_PER_CALL).join(','), limit: String(PAGES_PER_CALL) });
      if (cursor) params.set('cursor', cursor);
      const body = await confluenceJson<V2Page<{ id: string | number; title: string }>>(callAs, route`/wiki/api/v2/pages?${params}`);
      for (const page of body.results) pages.set(String(page.id), { id: String(page.id), title: page.title });
      cursor = nextCursor(body);
    } while (cursor);
  }
  return pages;
}
