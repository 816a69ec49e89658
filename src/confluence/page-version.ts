import { route } from '@forge/api';
import { z } from 'zod';
import { type ContentType } from '../shared/content';
import { confluenceJson, type CallAs } from './http';

/** One version of a page or blog post as the app compares versions: its title, minor edit flag and storage-format body. */
export interface PageVersion {
  number: number;
  title: string;
  /** Confluence's minor edit flag (v2 Version.minorEdit: no notification was sent for it). */
  minorEdit: boolean;
  /** Who made the version (v2 Version.authorId). */
  authorId?: string;
  /** The storage-format (XHTML) body, when asked for. */
  body?: string;
}

const versionSchema = z.object({
  title: z.string(),
  version: z.object({ number: z.number().int(), minorEdit: z.boolean().optional(), authorId: z.string().optional() }),
  body: z.object({ storage: z.object({ value: z.string() }).optional() }).optional(),
});

function versionPath(pageId: string, type: ContentType, number: number, withBody: boolean) {
  const version = String(number);
  if (type === 'page') {
    return withBody ? route`/wiki/api/v2/pages/${pageId}?version=${version}&body-format=storage` : route`/wiki/api/v2/pages/${pageId}?version=${version}`;
  }
  return withBody ? route`/wiki/api/v2/blogposts/${pageId}?version=${version}&body-format=storage` : route`/wiki/api/v2/blogposts/${pageId}?version=${version}`;
}

/**
 * A published version, read with `GET /pages/{id}?version=N` (or `/blogposts/{id}`), which
 * answers for earlier versions too (Confluence v2 OpenAPI, getPageById / getBlogPostById; scope
 * read:page:confluence). As the user, Confluence decides whether they may see the page.
 */
export async function getPageVersion(callAs: CallAs, pageId: string, type: ContentType, number: number, { withBody = false } = {}): Promise<PageVersion> {
  const page = versionSchema.parse(await confluenceJson<unknown>(callAs, versionPath(pageId, type, number, withBody)));
  return {
    number: page.version.number,
    title: page.title,
    minorEdit: page.version.minorEdit === true,
    ...(page.version.authorId === undefined ? {} : { authorId: page.version.authorId }),
    ...(page.body?.storage === undefined ? {} : { body: page.body.storage.value }),
  };
}
