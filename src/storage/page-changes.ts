/**
 * Committing a change to a page's approval state: ONE transaction writes the page-state row
 * (conditioned on the revision the change was decided from), the page record, every created or
 * changed request row and one unsealed audit entry per domain event. When someone else committed
 * first, the change is decided again from a fresh read, so no decision is lost or counted twice.
 * The after-commit effects are queued once the transaction has landed.
 */
import { isDeepStrictEqual } from 'node:util';
import { Filter, FilterConditions, kvs } from '@forge/kvs';
import { enqueueEffects } from '../effects/effects-job';
import { type DomainEvent } from '../domain/events';
import { type ApprovalRequest } from '../domain/request';
import { AppError } from '../shared/errors';
import { type AuditEntry } from './audit';
import { isConditionFailure } from './condition-failure';
import { type AuditRow, ENTITY, NONE, type PageStateRow } from './entities';
import { getPageRecord, type PageRecord, pageRecordKey, pageStateRow, storedPageRecord, withRequests } from './page-state';
import { requestRow } from './requests';

export interface PageChange {
  /** The record the change was decided from; its revision is the lock's expected value. */
  base: PageRecord;
  /** Created or changed requests, in the order they happened (a superseded request before its successor). */
  requests: ApprovalRequest[];
  events: DomainEvent[];
  /** What Confluence said about the page while deciding, when the change asked it. */
  page?: { currentVersion?: number; parentId?: string };
  at: string;
}

export interface Planned<T> {
  value: T;
  /** null: nothing to write (a repeat, or a change that is already there). */
  change: PageChange | null;
}

/** Twenty approvers deciding at once settle within this many rounds, given the jitter below. */
const MAX_ATTEMPTS = 25;
const BACKOFF_BASE_MS = 15;
const BACKOFF_CAP_MS = 250;

export const requestAuditKey = (event: DomainEvent): string => `${event.requestId}:${event.revision}`;

export function requestAuditEntry(event: DomainEvent): AuditEntry {
  const row: AuditRow = {
    spaceId: event.spaceId,
    pageId: event.pageId,
    sealed: false,
    seq: 0,
    at: event.at,
    type: event.type,
    actorId: event.actorId ?? NONE,
    hash: NONE,
    body: { kind: 'request', event },
  };
  return { key: requestAuditKey(event), row };
}

function lockCondition(expectedRevision: number) {
  const condition = expectedRevision === 0 ? FilterConditions.notExists() : FilterConditions.equalTo(expectedRevision);
  return new Filter<PageStateRow>().and('revision', condition);
}

/** What a committed change wrote that a view built right after it must show. */
export interface Committed {
  record: PageRecord;
  /** The audit entries of the change: index queries may not return them yet. */
  audit: AuditEntry[];
}

/** The record after the change and its audit entries, or null when another change landed first and nothing was written. */
export async function commitPageChange(change: PageChange): Promise<Committed | null> {
  const { base, requests, events, at } = change;
  const next: PageRecord = {
    ...withRequests(base, requests),
    revision: base.revision + 1,
    currentVersion: Math.max(base.currentVersion, change.page?.currentVersion ?? 0),
    parentId: change.page?.parentId ?? base.parentId,
  };
  const audit = events.map(requestAuditEntry);
  let transaction = kvs
    .transact()
    .set(base.pageId, pageStateRow(next, at), { entityName: ENTITY.pageState, conditions: lockCondition(base.revision) })
    .set(pageRecordKey(base.pageId).key, storedPageRecord(next));
  for (const request of requests) transaction = transaction.set(request.id, requestRow(request), { entityName: ENTITY.request });
  for (const entry of audit) transaction = transaction.set(entry.key, entry.row, { entityName: ENTITY.auditEvent });
  try {
    await transaction.execute();
  } catch (error) {
    if (isConditionFailure(error)) return null;
    if (!(await landedAnyway(audit))) throw error;
  }
  await queueEffects(base, audit.map((entry) => entry.key));
  return { record: next, audit };
}

/**
 * A transaction whose answer was lost (a timeout says nothing of what happened) may have landed.
 * It did exactly when its first audit entry is stored with this change's event: the key names
 * the request's next revision, which only one change can commit, and a transaction is all or
 * nothing. The body is compared, not the row: sealing may have added its chain fields since.
 */
async function landedAnyway(audit: AuditEntry[]): Promise<boolean> {
  const [first] = audit;
  if (first === undefined) return false;
  try {
    const stored = await kvs.entity<AuditRow>(ENTITY.auditEvent).get(first.key);
    return stored !== undefined && isDeepStrictEqual(stored.body, first.row.body);
  } catch {
    // Storage still failing: the original failure is the answer.
    return false;
  }
}

/**
 * A lost push is not lost work: the entries are stored unsealed, and the hourly sweeper queues
 * them again. The change itself has happened, so the caller is not told it failed.
 */
async function queueEffects(record: PageRecord, auditKeys: string[]): Promise<void> {
  if (auditKeys.length === 0) return;
  try {
    await enqueueEffects({ spaceId: record.spaceId, pageId: record.pageId, auditKeys });
  } catch (error) {
    console.error('effects push failed; the sweeper will retry it', error);
  }
}

const pause = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

/**
 * Decides and commits a change to one page, deciding again from a fresh read whenever another
 * change landed first. `first` is the record already read with the caller's other data (undefined:
 * the page has none yet); `plan` must be free of side effects, as it may run several times.
 */
export async function changePage<T>(
  pageId: string,
  first: PageRecord | undefined,
  plan: (record: PageRecord | undefined) => Promise<Planned<T>> | Planned<T>,
): Promise<{ value: T; record: PageRecord | undefined; written: AuditEntry[] }> {
  let record = first;
  for (let attempt = 1; attempt <= MAX_ATTEMPTS; attempt += 1) {
    const { value, change } = await plan(record);
    if (change === null) return { value, record, written: [] };
    const committed = await commitPageChange(change);
    if (committed !== null) return { value, record: committed.record, written: committed.audit };
    await pause(Math.random() * Math.min(BACKOFF_CAP_MS, BACKOFF_BASE_MS * 2 ** attempt));
    record = await getPageRecord(pageId);
  }
  throw new AppError('CONFLICT', 'Many people are changing this page’s approval at the same moment. Nothing was changed; please try again.');
}
