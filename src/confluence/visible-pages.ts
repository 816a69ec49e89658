import { route } from '@forge/api';
import { type ContentType } from '../shared/content';
import { confluenceJson, nextCursor, type CallAs, type V2Page } from './http';

export interface PageTitle {
  id: string;
  title: string;
  type: ContentType;
  /** Confluence's own address of the page or blog post, relative to the site (`/wiki/...`). */
  url: string;
}

/** Confluence answers at most 250 pages (or blog posts) per call. */
const PAGES_PER_CALL = 250;

async function visibleOfType(callAs: CallAs, type: ContentType, ids: readonly string[], into: Map<string, PageTitle>): Promise<void> {
  for (let i = 0; i < ids.length; i += PAGES_PER_CALL) {
    let cursor: string | undefined;
    do {
      const params = new URLSearchParams({ id: ids.slice(i, i + PAGES_PER_CALL).join(','), limit: String(PAGES_PER_CALL) });
      if (cursor) params.set('cursor', cursor);
      const path = type === 'page' ? route`/wiki/api/v2/pages?${params}` : route`/wiki/api/v2/blogposts?${params}`;
      const body = await confluenceJson<V2Page<{ id: string | number; title: string; _links?: { webui?: string } }>>(callAs, path);
      for (const item of body.results) {
        const id = String(item.id);
        into.set(id, { id, title: item.title, type, url: `/wiki${item._links?.webui ?? `/pages/viewpage.action?pageId=${id}`}` });
      }
      cursor = nextCursor(body);
    } while (cursor);
  }
}

/**
 * Which of these pages and blog posts the caller can see, with their current titles and types:
 * as the user, Confluence leaves out content that does not exist or that restrictions hide.
 * Pages are asked for first (one call per 250 ids); only ids no page answered for are then asked
 * for as blog posts, so a queue of pages costs one call and a queue with blog posts two.
 */
export async function getVisiblePages(callAs: CallAs, pageIds: readonly string[]): Promise<Map<string, PageTitle>> {
  const unique = [...new Set(pageIds)];
  const found = new Map<string, PageTitle>();
  await visibleOfType(callAs, 'page', unique, found);
  await visibleOfType(callAs, 'blogpost', unique.filter((id) => !found.has(id)), found);
  return found;
}
