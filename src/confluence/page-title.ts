import { route } from '@forge/api';
import { z } from 'zod';
import { type ContentType } from '../shared/content';
import { confluenceJson, type CallAs } from './http';

/** The current version of a page or blog post as a retitle needs it: the whole body goes back unchanged. */
export interface TitledVersion {
  title: string;
  number: number;
  authorId: string;
  message: string;
  status: string;
  storage: string;
}

const currentSchema = z.object({
  title: z.string(),
  status: z.string(),
  version: z.object({ number: z.number().int(), authorId: z.string().default(''), message: z.string().default('') }),
  body: z.object({ storage: z.object({ value: z.string() }) }),
});

/** `GET /pages/{id}?body-format=storage` (getPageById) or its blog post twin; scope read:page:confluence. */
export async function getTitledVersion(callAs: CallAs, contentId: string, type: ContentType): Promise<TitledVersion> {
  const path = type === 'page' ? route`/wiki/api/v2/pages/${contentId}?body-format=storage` : route`/wiki/api/v2/blogposts/${contentId}?body-format=storage`;
  const page = currentSchema.parse(await confluenceJson<unknown>(callAs, path));
  return { title: page.title, number: page.version.number, authorId: page.version.authorId, message: page.version.message, status: page.status, storage: page.body.storage.value };
}

/**
 * Saves a new title as the next version, with the body exactly as it was (v2 `PUT /pages/{id}`,
 * updatePage, or `PUT /blogposts/{id}`, updateBlogPost; scope write:page:confluence). Confluence
 * requires the current version + 1 and answers 409 to a writer that lost a race with an edit.
 * Returns the version made.
 */
export async function saveTitle(callAs: CallAs, contentId: string, type: ContentType, current: TitledVersion, title: string, message: string): Promise<number> {
  const body = {
    id: contentId,
    status: current.status,
    title,
    body: { representation: 'storage', value: current.storage },
    version: { number: current.number + 1, message },
  };
  const path = type === 'page' ? route`/wiki/api/v2/pages/${contentId}` : route`/wiki/api/v2/blogposts/${contentId}`;
  await confluenceJson(callAs, path, { method: 'PUT', body });
  return current.number + 1;
}
