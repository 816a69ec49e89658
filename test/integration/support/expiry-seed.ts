/**
 * Pages whose approvals expire today, fast: each a page of the emulated site with one request
 * submitted and approved 31 days ago under a workflow whose approvals are valid for 30 days,
 * stored as a committed change stores it (page-state row, page record, request row, audit entries)
 * straight into the sandbox's storage engine, outside any invocation, then the entries sealed into
 * the space's chain as the effects would have sealed them (the expiry's notice replies in the
 * thread its submission started). Used by the daily run's fan-out test (hundreds) and its bench.
 */
import { type DomainEvent } from '../../../src/domain/events';
import { type ApprovalRequest } from '../../../src/domain/request';
import { transition } from '../../../src/domain/request-machine';
import { type Workflow } from '../../../src/shared/workflow';
import { sealAuditEntries } from '../../../src/storage/audit-chain';
import { requestAuditEntry } from '../../../src/storage/audit-rows';
import { ENTITY, NONE } from '../../../src/storage/entities';
import { emptyRecord, pageRecordKey, pageStateRow, storedPageRecord, withRequests } from '../../../src/storage/page-state';
import { requestRow } from '../../../src/storage/requests';
import { SPACES, type TestApp } from './app';

/** The storage service's batch limit, which the engine enforces on this path too. */
const BATCH = 25;
const DAY = 24 * 60 * 60 * 1000;
/** Entries sealed per call: a few transactions of the chain each. */
const SEAL_CHUNK = 240;

export interface ExpiringSite {
  workflow: Workflow;
  pageIds: string[];
  requestIds: string[];
}

function approvedRequest(id: string, pageId: string, workflow: Workflow, approvedAt: Date): { request: ApprovalRequest; events: DomainEvent[] } {
  const page = { id: pageId, spaceId: workflow.spaceId, version: 1, title: `Policy ${pageId}`, status: 'current' as const };
  const submitted = transition(null, { type: 'submit', requestId: id, actorId: 'u-alice', page, workflow }, new Date(approvedAt.getTime() - 60_000));
  if (!submitted.ok) throw new Error(`expiry seed: ${submitted.error.message}`);
  const approved = transition(submitted.request, { type: 'approve', actorId: 'u-bob' }, approvedAt);
  if (!approved.ok) throw new Error(`expiry seed: ${approved.error.message}`);
  return { request: approved.request, events: [...submitted.events, ...approved.events] };
}

/** `count` pages of ENG, each with an approval that expired a day ago. */
export async function seedExpiringApprovals(app: TestApp, count: number): Promise<ExpiringSite> {
  const workflow = await app.createWorkflow({
    name: 'Yearly policy review',
    steps: [{ id: 'review', name: 'Review', approvers: [{ type: 'user', accountId: 'u-bob' }], rule: { kind: 'any' } }],
    options: { validityDays: 30 },
  });
  const engine = app.sandbox.storage;
  const approvedAt = new Date(Date.now() - 31 * DAY);
  const updatedAt = approvedAt.toISOString();
  const pageIds: string[] = [];
  const requestIds: string[] = [];
  let entities: Array<{ key: string; value: unknown; entityName: string }> = [];
  let records: Array<{ key: string; value: unknown }> = [];
  let audit: Array<{ key: string; value: unknown; entityName: string }> = [];
  const auditKeys: string[] = [];
  for (let n = 0; n < count; n += 1) {
    const page = app.site().addPage({ spaceId: SPACES.ENG.id, title: `Policy ${n}`, authorId: 'u-alice' });
    const pageId = page.id;
    const { request, events } = approvedRequest(`expiring-${n}`, pageId, workflow, approvedAt);
    const base = emptyRecord({ pageId, contentType: 'page', spaceId: SPACES.ENG.id, parentId: page.parentId ?? NONE, currentVersion: 1 });
    const record = { ...withRequests(base, [request]), revision: 1 };
    entities.push({ key: pageId, value: pageStateRow(record, updatedAt), entityName: ENTITY.pageState }, { key: request.id, value: requestRow(request), entityName: ENTITY.request });
    records.push({ key: pageRecordKey(pageId).key, value: storedPageRecord(record) });
    for (const entry of events.map(requestAuditEntry)) {
      audit.push({ key: entry.key, value: entry.row, entityName: ENTITY.auditEvent });
      auditKeys.push(entry.key);
    }
    pageIds.push(pageId);
    requestIds.push(request.id);
    // Two entity rows a page: flushed before a third page would pass the batch limit.
    if (entities.length >= BATCH - 1) {
      engine.batchSet(entities.splice(0, entities.length));
      engine.batchSet(records.splice(0, records.length));
    }
    while (audit.length >= BATCH) engine.batchSet(audit.splice(0, BATCH));
  }
  if (entities.length > 0) engine.batchSet(entities);
  if (records.length > 0) engine.batchSet(records);
  if (audit.length > 0) engine.batchSet(audit);
  entities = [];
  records = [];
  audit = [];
  for (let i = 0; i < auditKeys.length; i += SEAL_CHUNK) await sealAuditEntries(auditKeys.slice(i, i + SEAL_CHUNK));
  engine.settleIndexes();
  return { workflow, pageIds, requestIds };
}
