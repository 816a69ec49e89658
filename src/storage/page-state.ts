/**
 * One page's approval state, stored twice on purpose:
 * - the `page-state` entity row: the per-page lock (`revision`) and a small status summary that
 *   the manage-space tree and the queue read for many pages at once;
 * - the page record (a plain key, `page-approval:<pageId>`): the page's latest request and latest
 *   approval in full, so a command or the byline dialog learns everything about a page in the same
 *   single batch read as its caches, without a second, dependent read for the requests (but for a
 *   large earlier approval, see `StoredPageRecord`).
 * Both are written in the same transaction with the same revision, and every write is conditioned
 * on the row's revision; a record read before a later commit is therefore always caught.
 */
import { kvs } from '@forge/kvs';
import { derivePageStatus } from '../domain/page-status';
import { type ApprovalRequest } from '../domain/request';
import { type ContentType } from '../shared/content';
import { BATCH_LIMIT, readBatch, type StoredKey } from './batch-read';
import { ENTITY, NONE, type PageStateRow } from './entities';
import { getRequest } from './requests';

export interface PageRecord {
  pageId: string;
  /** Absent on records written before blog posts were supported: those are pages. */
  contentType?: ContentType;
  spaceId: string;
  /** The page's parent (page or folder id), or `spaceParent(spaceId)` at the top of the space. */
  parentId: string;
  /** Equals the page-state row's revision: 0 before the first change. */
  revision: number;
  /** The latest page version the app knows of. */
  currentVersion: number;
  latest: ApprovalRequest | null;
  /** The page's most recent approved request when it is not `latest` (stored once, not twice). */
  earlierApproval: ApprovalRequest | null;
  /** Step names of the page's recent requests: history sentences need them for requests no longer loaded. */
  stepNames: Record<string, string[]>;
}

/**
 * The record as stored. A request may take most of what one value can hold (10 steps of up to 34
 * decisions each), so two of them cannot always share one: a large earlier approval is left in
 * its request row and named by `earlierApprovalId`, and is read from there when the record is.
 * Small ones (nearly all) stay inline, so reading a page costs one read.
 */
export type StoredPageRecord = PageRecord & { earlierApprovalId?: string };

/** How large a record may grow with its earlier approval inline. */
const INLINE_APPROVAL_BYTES = 64 * 1024;
/** How many requests' step names a record keeps, and in how many bytes; older history falls back to reading the request. */
const STEP_NAMES_KEPT = 50;
const STEP_NAMES_BYTES = 8 * 1024;
const utf8 = new TextEncoder();
const storedBytes = (value: unknown): number => utf8.encode(JSON.stringify(value)).length;

export const pageStateKey = (pageId: string): StoredKey => ({ key: pageId, entityName: ENTITY.pageState });
export const pageRecordKey = (pageId: string): StoredKey => ({ key: `page-approval:${pageId}` });

/** The page's latest approved request, if its latest approval still stands as approved. */
export function latestApproved(record: PageRecord): ApprovalRequest | null {
  if (record.latest?.status === 'approved') return record.latest;
  return record.earlierApproval?.status === 'approved' ? record.earlierApproval : null;
}

/** Whether the record is a page's or a blog post's: the Confluence paths for its property and comments differ. */
export function contentTypeOf(record: PageRecord): ContentType {
  return record.contentType ?? 'page';
}

export function emptyRecord(page: { pageId: string; contentType: ContentType; spaceId: string; parentId: string; currentVersion: number }): PageRecord {
  return { ...page, revision: 0, latest: null, earlierApproval: null, stepNames: {} };
}

/**
 * The record after `changed` requests were written: a new submission becomes the latest, an
 * approval is remembered until a later one replaces it or it stops being approved.
 */
export function withRequests(record: PageRecord, changed: readonly ApprovalRequest[]): PageRecord {
  let latest = record.latest;
  let approval = latestApproved(record);
  const stepNames = { ...record.stepNames };
  for (const request of changed) {
    if (latest === null || request.id === latest.id || request.submittedAt >= latest.submittedAt) latest = request;
    if (request.status === 'approved' || request.id === approval?.id) approval = request;
    stepNames[request.id] = request.workflow.steps.map((step) => step.name);
  }
  return {
    ...record,
    latest,
    earlierApproval: approval !== null && approval.status === 'approved' && approval.id !== latest?.id ? approval : null,
    stepNames: recentStepNames(stepNames),
  };
}

/** The newest requests' step names (a record lists them oldest first), as many as the count and byte budgets allow, the newest always. */
function recentStepNames(all: Record<string, string[]>): Record<string, string[]> {
  const kept: [string, string[]][] = [];
  let bytes = 0;
  for (const [id, names] of Object.entries(all).reverse()) {
    bytes += storedBytes(id) + storedBytes(names);
    if (kept.length > 0 && (kept.length === STEP_NAMES_KEPT || bytes > STEP_NAMES_BYTES)) break;
    kept.push([id, names]);
  }
  return Object.fromEntries(kept.reverse());
}

/** What is written under `pageRecordKey`: the record, its earlier approval by reference when inline it would make the value large. */
export function storedPageRecord(record: PageRecord): StoredPageRecord {
  if (record.earlierApproval === null || storedBytes(record) <= INLINE_APPROVAL_BYTES) return record;
  return { ...record, earlierApproval: null, earlierApprovalId: record.earlierApproval.id };
}

/** The record as read, with an earlier approval stored by reference read from its request row. */
export async function pageRecordOf(stored: StoredPageRecord | undefined): Promise<PageRecord | undefined> {
  if (stored === undefined) return undefined;
  const { earlierApprovalId, ...record } = stored;
  if (earlierApprovalId === undefined) return record;
  const approval = await getRequest(earlierApprovalId);
  if (approval === undefined) throw new Error(`Page ${record.pageId}: its approval ${earlierApprovalId} has no request row`);
  return { ...record, earlierApproval: approval };
}

export function pageStateRow(record: PageRecord, updatedAt: string): PageStateRow {
  const approved = latestApproved(record);
  return {
    spaceId: record.spaceId,
    parentId: record.parentId,
    status: derivePageStatus({ latest: record.latest, latestApproved: approved, currentVersion: record.currentVersion }).status,
    latestRequestId: record.latest?.id ?? NONE,
    latestApprovedRequestId: approved?.id ?? NONE,
    currentVersion: record.currentVersion,
    revision: record.revision,
    updatedAt,
  };
}

export async function getPageRecord(pageId: string): Promise<PageRecord | undefined> {
  return pageRecordOf(await kvs.get<StoredPageRecord>(pageRecordKey(pageId).key));
}

/** The state rows of many pages (pages never submitted have none), one batch read per 25 pages. */
export async function getPageStates(pageIds: readonly string[]): Promise<Map<string, PageStateRow>> {
  const unique = [...new Set(pageIds)];
  const found = new Map<string, PageStateRow>();
  for (let i = 0; i < unique.length; i += BATCH_LIMIT) {
    const chunk = unique.slice(i, i + BATCH_LIMIT);
    const values = await readBatch(chunk.map(pageStateKey));
    for (const pageId of chunk) {
      const row = values<PageStateRow>(pageStateKey(pageId));
      if (row !== undefined) found.set(pageId, row);
    }
  }
  return found;
}

/** One page of `trackedPages`. */
export interface TrackedPages {
  pages: { pageId: string; spaceId: string }[];
  cursor?: string;
}

const TRACKED_PAGE_SIZE = 100;

/**
 * Every page with approval state, in key order through the `by-key` index Forge keeps for every
 * entity (storage-reference/entities-manifest, "Key index"). Index queries may lag writes: a page
 * submitted a moment ago may be missing, which a daily pass can afford.
 */
export async function trackedPages(cursor?: string): Promise<TrackedPages> {
  let query = kvs.entity<PageStateRow>(ENTITY.pageState).query().index('by-key').limit(TRACKED_PAGE_SIZE);
  if (cursor !== undefined) query = query.cursor(cursor);
  const result = await query.getMany();
  return {
    pages: result.results.map(({ key, value }) => ({ pageId: key, spaceId: value.spaceId })),
    ...(result.nextCursor ? { cursor: result.nextCursor } : {}),
  };
}
