/**
 * Copying a page into another space, as the publish action does, always as the app. Confluence
 * copies with v1 only (v2 has no copy): `POST /content/{id}/copy` for one page (onto a parent, a
 * space's top level, or over an existing page), `POST /content/{id}/pagehierarchy/copy` for a page
 * and its descendants, which Confluence runs as a long task (`GET /longtask/{id}`). Reads use v2.
 * Titles are unique per space in Confluence, which is how a copy is found again by title.
 */
import { route } from '@forge/api';
import { z } from 'zod';
import { AppError } from '../shared/errors';
import { AS_APP, confluenceJson, nextCursor, type V2Page } from './http';

/** What a copy may bring along besides the body; Confluence's flags of the same names. */
export interface CopyExtras {
  copyAttachments: boolean;
  copyLabels: boolean;
}

export interface CopySource {
  id: string;
  title: string;
  spaceId: string;
  /** The approved version's body in storage format: what the copy gets (with the app's footer appended). */
  body: string;
}

export interface TargetSpace {
  id: string;
  key: string;
  homepageId: string | null;
}

export interface PageRef {
  id: string;
  title: string;
  spaceId: string;
  parentId: string | null;
}

const sourceSchema = z.object({
  id: z.union([z.string(), z.number()]).transform(String),
  title: z.string(),
  spaceId: z.union([z.string(), z.number()]).transform(String),
  version: z.object({ number: z.int() }),
  body: z.object({ storage: z.object({ value: z.string() }).optional() }).optional(),
});

const pageRefSchema = z.object({
  id: z.union([z.string(), z.number()]).transform(String),
  title: z.string(),
  spaceId: z.union([z.string(), z.number()]).transform(String),
  parentId: z.union([z.string(), z.number()]).nullish().transform((id) => (id === null || id === undefined ? null : String(id))),
});

const notFound = (error: unknown): boolean => error instanceof AppError && error.code === 'NOT_FOUND';

/**
 * The page to publish: its title now (the state's other actions may have retitled it) and the body
 * of the approved version, which a person's edit since (the page is then Outdated) must not reach
 * the copy. The app's own versions never change the body, so the approved body is the one to copy.
 */
export async function getCopySource(pageId: string, approvedVersion: number): Promise<CopySource> {
  const page = sourceSchema.parse(await confluenceJson<unknown>(AS_APP, route`/wiki/api/v2/pages/${pageId}?body-format=storage`));
  const approved =
    page.version.number === approvedVersion
      ? page
      : sourceSchema.parse(await confluenceJson<unknown>(AS_APP, route`/wiki/api/v2/pages/${pageId}?version=${String(approvedVersion)}&body-format=storage`));
  return { id: page.id, title: page.title, spaceId: page.spaceId, body: approved.body?.storage?.value ?? '' };
}

/** The target space by key, or undefined when Confluence has no such space (deleted, or the key was changed). */
export async function getTargetSpace(spaceKey: string): Promise<TargetSpace | undefined> {
  const params = new URLSearchParams({ keys: spaceKey, limit: '1' });
  const body = await confluenceJson<V2Page<{ id: string | number; key: string; homepageId?: string | number | null }>>(AS_APP, route`/wiki/api/v2/spaces?${params}`);
  const space = body.results.find((candidate) => candidate.key === spaceKey);
  if (space === undefined) return undefined;
  return { id: String(space.id), key: space.key, homepageId: space.homepageId == null ? null : String(space.homepageId) };
}

/** A page by id, or undefined when it is gone or hidden from the app (a view restriction that leaves the app out). */
export async function findPage(pageId: string): Promise<PageRef | undefined> {
  try {
    return pageRefSchema.parse(await confluenceJson<unknown>(AS_APP, route`/wiki/api/v2/pages/${pageId}`));
  } catch (error) {
    if (notFound(error)) return undefined;
    throw error;
  }
}

/** The current page with this title in the space, if any: Confluence allows one. */
export async function findPageByTitle(spaceId: string, title: string): Promise<PageRef | undefined> {
  const params = new URLSearchParams({ 'space-id': spaceId, title, status: 'current', limit: '1' });
  const body = await confluenceJson<V2Page<unknown>>(AS_APP, route`/wiki/api/v2/pages?${params}`);
  const [first] = body.results;
  return first === undefined ? undefined : pageRefSchema.parse(first);
}

/** A page's child pages, in their order; every page of the list. */
export async function getChildPages(pageId: string): Promise<{ id: string; title: string }[]> {
  const children: { id: string; title: string }[] = [];
  let cursor: string | undefined;
  do {
    const params = new URLSearchParams({ limit: '250' });
    if (cursor !== undefined) params.set('cursor', cursor);
    const body = await confluenceJson<V2Page<{ id: string | number; title: string }>>(AS_APP, route`/wiki/api/v2/pages/${pageId}/children?${params}`);
    children.push(...body.results.map((child) => ({ id: String(child.id), title: child.title })));
    cursor = nextCursor(body);
  } while (cursor !== undefined);
  return children;
}

/** Where a single-page copy goes: under a page, at a space's top level, or over an earlier copy. */
export type CopyDestination = { type: 'parent_page'; pageId: string } | { type: 'space'; spaceKey: string } | { type: 'existing_page'; pageId: string };

/**
 * Copies one page (v1 copyPage), with the source's body unless another is given. Over an existing
 * page it makes a new version of that page with the given title and body; labels are added, never removed (Confluence's copy merges them).
 * Permissions are never copied: a published copy takes the target's.
 */
export async function copyOnePage(sourceId: string, destination: CopyDestination, content: { title: string; body?: string }, extras: CopyExtras): Promise<string> {
  const value = destination.type === 'space' ? destination.spaceKey : destination.pageId;
  const copy = await confluenceJson<{ id: string | number }>(AS_APP, route`/wiki/rest/api/content/${sourceId}/copy`, {
    method: 'POST',
    body: {
      destination: { type: destination.type, value },
      pageTitle: content.title,
      ...(content.body === undefined ? {} : { body: { storage: { value: content.body, representation: 'storage' } } }),
      copyAttachments: extras.copyAttachments,
      copyLabels: extras.copyLabels,
      copyPermissions: false,
      copyProperties: false,
      copyCustomContents: false,
    },
  });
  return String(copy.id);
}

const longTaskSchema = z.object({
  finished: z.boolean().optional(),
  successful: z.boolean().optional(),
  errors: z.array(z.object({ translation: z.string().optional() })).optional(),
  additionalDetails: z.object({ destinationId: z.union([z.string(), z.number()]).optional() }).optional(),
});

export type TreeCopyResult = { ok: true; rootCopyId: string } | { ok: false; reasons: string[] };

/** How often and how long a hierarchy copy is waited for: well inside the consumer's 900 s. */
const POLL_INTERVAL_MS = 1000;
const POLLS = 120;

const pause = (ms: number) => new Promise<void>((resolve) => setTimeout(resolve, ms));

/**
 * Copies a page and all its descendants under `destinationPageId` (v1 copyPageHierarchy), keeping
 * their titles, and waits for Confluence's long task. Confluence refuses the whole copy when any
 * title is already taken in the target space, so a failed task has written nothing.
 */
export async function copyPageTree(sourceId: string, destinationPageId: string, extras: CopyExtras): Promise<TreeCopyResult> {
  const started = await confluenceJson<{ id: string | number }>(AS_APP, route`/wiki/rest/api/content/${sourceId}/pagehierarchy/copy`, {
    method: 'POST',
    body: {
      destinationPageId,
      copyDescendants: true,
      copyAttachments: extras.copyAttachments,
      copyLabels: extras.copyLabels,
      copyPermissions: false,
      copyProperties: false,
      copyCustomContents: false,
    },
  });
  const taskId = String(started.id);
  for (let poll = 0; poll < POLLS; poll += 1) {
    const task = longTaskSchema.parse(await confluenceJson<unknown>(AS_APP, route`/wiki/rest/api/longtask/${taskId}`));
    if (task.finished === true) {
      const rootCopyId = task.additionalDetails?.destinationId;
      if (task.successful === true && rootCopyId !== undefined && String(rootCopyId) !== '') return { ok: true, rootCopyId: String(rootCopyId) };
      return { ok: false, reasons: (task.errors ?? []).map((e) => e.translation ?? '').filter((reason) => reason !== '') };
    }
    await pause(POLL_INTERVAL_MS);
  }
  // Thrown, not answered: the runner runs the action again, and finds the copy by its title then.
  throw new Error(`copying page ${sourceId} (long task ${taskId}) did not finish in ${(POLLS * POLL_INTERVAL_MS) / 1000} s`);
}
