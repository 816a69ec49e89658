/**
 * Which copies the publish action made. Per source page and target space (`published-copy:<page>:<space>`):
 * the copy of the page and of each descendant, so a re-approval updates them instead of making
 * more, and `creating` while a copy is being made, so that after a crash a page found by its
 * title is known to be the app's. Per copy (`published-copy-of:<copy>`): where it came from,
 * read with the page in the dialog's one batch read, so a copy's dialog says so at no extra cost.
 * A Confluence content property on the copy says the same for people and integrations; storage is
 * what the app trusts, since anyone who may edit the copy may edit its properties.
 */
import { kvs } from '@forge/kvs';
import { z } from 'zod';
import { type PublishedFrom, publishedFromSchema } from '../shared/published-copy';
import { type StoredKey } from './batch-read';

const publishedCopySchema = z.object({
  /** Source page id → copy page id, the published page itself included. */
  copies: z.record(z.string(), z.string()),
  /** Set before a copy is made and cleared when it is recorded. */
  creating: z.boolean(),
});

export type PublishedCopies = z.output<typeof publishedCopySchema>;

const copiesKey = (sourcePageId: string, targetSpaceId: string): string => `published-copy:${sourcePageId}:${targetSpaceId}`;

export const publishedFromKey = (copyPageId: string): StoredKey => ({ key: `published-copy-of:${copyPageId}` });

const NONE: PublishedCopies = { copies: {}, creating: false };

export async function getPublishedCopies(sourcePageId: string, targetSpaceId: string): Promise<PublishedCopies> {
  const parsed = publishedCopySchema.safeParse(await kvs.get(copiesKey(sourcePageId, targetSpaceId)));
  return parsed.success ? parsed.data : NONE;
}

export async function savePublishedCopies(sourcePageId: string, targetSpaceId: string, copies: PublishedCopies): Promise<void> {
  await kvs.set(copiesKey(sourcePageId, targetSpaceId), copies);
}

/** Records what the copy is a copy of; the dialog reads it with `publishedFromOf`. */
export async function savePublishedFrom(copyPageId: string, from: PublishedFrom): Promise<void> {
  await kvs.set(publishedFromKey(copyPageId).key, from);
}

/** A stored value read in a batch: what the page is a published copy of, or undefined. */
export function publishedFromOf(stored: unknown): PublishedFrom | undefined {
  const parsed = publishedFromSchema.safeParse(stored);
  return parsed.success ? parsed.data : undefined;
}
