import { route } from '@forge/api';
import { z } from 'zod';
import { type ContentType } from '../shared/content';
import { AppError } from '../shared/errors';
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

/**
 * Adds labels to a page or blog post (v1 `POST /content/{id}/label`, addLabelsToContent, scope
 * write:confluence-content: v2 has no label writes). Adding a label the content has is a no-op in
 * Confluence, so a repeated call doubles nothing.
 */
export async function addLabels(callAs: CallAs, contentId: string, names: readonly string[]): Promise<void> {
  if (names.length === 0) return;
  await confluenceJson(callAs, route`/wiki/rest/api/content/${contentId}/label`, {
    method: 'POST',
    body: names.map((name) => ({ prefix: 'global', name })),
  });
}

/**
 * Removes one label (v1 `DELETE /content/{id}/label?name=`, removeLabelFromContentUsingQueryParameter,
 * scope write:confluence-content; the query form also takes names the path form cannot carry).
 * Confluence answers 404 for a label the content does not have: false then, so a repeat is harmless.
 */
export async function removeLabel(callAs: CallAs, contentId: string, name: string): Promise<boolean> {
  try {
    await confluenceJson(callAs, route`/wiki/rest/api/content/${contentId}/label?name=${name}`, { method: 'DELETE' });
    return true;
  } catch (error) {
    if (error instanceof AppError && error.code === 'NOT_FOUND') return false;
    throw error;
  }
}
