/**
 * What a race must leave behind, read from storage once the effects have run: every audit entry
 * sealed, the chain verified, and each stored request exactly what replaying its audited events
 * gives, so the final state is explained by the audit trail and nothing else.
 */
import { kvs } from '@forge/kvs';
import { type DomainEvent } from '../../../src/domain/events';
import { replayAll } from './replay-all';
import { type ApprovalRequest } from '../../../src/domain/request';
import { type SettingsResults } from '../../../src/shared/contract/settings';
import { type AuditRow, ENTITY, INDEX, type RequestRow } from '../../../src/storage/entities';
import { MODULES, ok, type TestApp } from '../../integration/support/app';

export async function requestsOfPage(pageId: string): Promise<ApprovalRequest[]> {
  const page = await kvs.entity<RequestRow>(ENTITY.request).query().index(INDEX.request.byPage, { partition: [pageId] }).limit(100).getMany();
  return page.results.map((row) => row.value.body);
}

export async function auditOfPage(pageId: string): Promise<AuditRow[]> {
  const rows: AuditRow[] = [];
  let cursor: string | undefined;
  do {
    let query = kvs.entity<AuditRow>(ENTITY.auditEvent).query().index(INDEX.auditEvent.byPage, { partition: [pageId] }).limit(100);
    if (cursor !== undefined) query = query.cursor(cursor);
    const page = await query.getMany();
    rows.push(...page.results.map((row) => row.value));
    cursor = page.nextCursor;
  } while (cursor !== undefined);
  return rows;
}

export const countOf = (audit: AuditRow[], type: DomainEvent['type']): number => audit.filter((row) => row.type === type).length;

/**
 * The page's requests replayed from its audit entries equal the stored ones; every entry is
 * sealed and the space admin's export verifies the chain. Returns the audit for counting.
 */
export async function expectExplainedByAudit(app: TestApp, pageIds: string[]): Promise<AuditRow[]> {
  await app.drain();
  const audit = (await Promise.all(pageIds.map(auditOfPage))).flat();
  expect(audit.filter((row) => !row.sealed)).toEqual([]);
  const events = audit
    .flatMap((row) => (row.body.kind === 'request' ? [row.body.event] : []))
    .sort((a, b) => a.requestId.localeCompare(b.requestId) || a.revision - b.revision);
  const replayed = replayAll(events);
  const stored = (await Promise.all(pageIds.map(requestsOfPage))).flat();
  expect(stored.length).toBeGreaterThan(0);
  expect(new Map(stored.map((request) => [request.id, request]))).toEqual(replayed);
  let cursor: string | undefined;
  do {
    const exported = ok(
      (await app.as('u-frank').invoke(MODULES.settings, 'exportAudit', cursor === undefined ? {} : { cursor }, app.spaceContext('ENG'))) as SettingsResults['exportAudit'],
    );
    expect(exported.chainVerified).toBe(true);
    cursor = exported.cursor;
  } while (cursor !== undefined);
  return audit;
}
