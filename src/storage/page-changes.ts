/**
 * Writing a change to a page's approval state: ONE transaction writes the page-state row
 * (conditioned on the revision the change was decided from), the page record, every created or
 * changed request row and one unsealed audit entry per domain event, and says whether it landed.
 * Deciding again when someone else committed first is the caller's (src/commands/commit.ts).
 */
import { isDeepStrictEqual } from 'node:util';
import { Filter, FilterConditions, kvs } from '@forge/kvs';
import { type DomainEvent } from '../domain/events';
import { type ApprovalRequest } from '../domain/request';
import { type AuditEntry } from './audit';
import { isConditionFailure } from './condition-failure';
import { requestAuditEntry } from './audit-rows';
import { type AuditRow, ENTITY, type PageStateRow } from './entities';
import { type PageRecord, pageRecordKey, pageStateRow, storedPageRecord, withRequests } from './page-state';
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
