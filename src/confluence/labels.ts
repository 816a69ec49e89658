import { route } from '@forge/api';
import { z } from 'zod';
import { type ContentType } from '../shared/content';
import { confluenceJson, type CallAs } from './http';

/** The most labels one call returns (Confluence v2 `limit` maximum); a page with more is compared on these. */
export const LABELS_READ = 250;

const labelsSchema = z.object({ results: z.array(z.object({ name: z.string() })) });

/**
 * A page's or blog post's labels now, by name (`GET /pages/{id}/labels`, getPageLabels /
 * getBlogPostLabels in the Confluence v2 OpenAPI, scope read:page:confluence). Confluence keeps
 * no history of labels, so the app records them when a version is submitted.
 */
export async function getLabelNames(callAs: CallAs, pageId: string, type: ContentType): Promise<string[]> {
  const limit = String(LABELS_READ);
  const path = type === 'page' ? route`/wiki/api/v2/pages/${pageId}/labels?limit=${limit}` : route`/wiki/api/v2/blogposts/${pageId}/labels?limit=${limit}`;
  const { results } = labelsSchema.parse(await confluenceJson<unknown>(callAs, path));
  return [...new Set(results.map((label) => label.name))].sort();
}
