/**
 * One page's approval state, stored twice on purpose:
 * - the `page-state` entity row: the per-page lock (`revision`) and a small status summary that
 *   the manage-space tree and the queue read for many pages at once;
 * - the page record (a plain key, `page-approval:<pageId>`): the page's latest request and latest
 *   approval in full, so a command or the byline dialog learns everything about a page in the same
 *   single batch read as its caches, without a second, dependent read for the requests.
 * Both are written in the same transaction with the same revision, and every write is conditioned
 * on the row's revision; a record read before a later commit is therefore always caught.
 */
import { kvs } from '@forge/kvs';
import { derivePageStatus } from '../domain/page-status';
import { type ApprovalRequest } from '../domain/request';
import { type ContentType } from '../shared/content';
import { BATCH_LIMIT, readBatch, type StoredKey } from './batch-read';
import { ENTITY, NONE, type PageStateRow } from './entities';

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

/** How many requests' step names a record keeps; older history falls back to reading the request. */
const STEP_NAMES_KEPT = 50;

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
  const kept = Object.keys(stepNames).slice(-STEP_NAMES_KEPT);
  return {
    ...record,
    latest,
    earlierApproval: approval !== null && approval.status === 'approved' && approval.id !== latest?.id ? approval : null,
    stepNames: Object.fromEntries(kept.map((id) => [id, stepNames[id]])),
  };
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
  return kvs.get<PageRecord>(pageRecordKey(pageId).key);
}

export async function getPageState(pageId: string): Promise<PageStateRow | undefined> {
  return kvs.entity<PageStateRow>(ENTITY.pageState).get(pageId);
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
