/**
 * Driving pages through approvals as people do (the byline dialog's resolvers) for the effects
 * tests, and reading what the effects left behind in storage.
 */
import { kvs } from '@forge/kvs';
import { type PageApprovalView, type RequestView } from '../../../src/shared/contract/byline';
import { BYLINE_PROPERTY_KEY } from '../../../src/shared/byline';
import { type StoredAuditRow } from '../../../src/storage/audit';
import { type AuditRow, ENTITY, NONE } from '../../../src/storage/entities';
import { ok, type TestApp } from './app';

/** A page's approval as its dialog shows it to `accountId`. */
async function approvalOf(app: TestApp, pageId: string, accountId: string): Promise<PageApprovalView> {
  return ok(await app.as(accountId).byline('getPageApproval', pageId));
}

/** The author submits the page from its byline dialog; the request as the dialog then shows it. */
export async function submitPage(app: TestApp, pageId: string, authorId: string, comment?: string): Promise<RequestView> {
  const view = ok(await app.as(authorId).byline('submit', pageId, comment === undefined ? {} : { comment }));
  if (view.request == null) throw new Error('the submission shows no request');
  return view.request;
}

/** An approver approves or rejects the step the page is waiting on, from the byline dialog. */
export async function decideOnPage(app: TestApp, pageId: string, approverId: string, decision: 'approve' | 'reject', comment?: string): Promise<void> {
  const { request } = await approvalOf(app, pageId, approverId);
  if (request == null) throw new Error(`page ${pageId} has no request`);
  const payload = { requestId: request.id, stepIndex: request.currentStepIndex, ...(comment === undefined ? {} : { comment }) };
  ok(await app.as(approverId).byline(decision, pageId, payload));
}

export async function withdrawPage(app: TestApp, pageId: string, actorId: string): Promise<void> {
  const { request } = await approvalOf(app, pageId, actorId);
  if (request == null) throw new Error(`page ${pageId} has no request`);
  ok(await app.as(actorId).byline('withdraw', pageId, { requestId: request.id }));
}

/** The audit entries of a space as stored, sealed ones in chain order. */
export async function auditEntriesOf(spaceId: string): Promise<{ key: string; row: StoredAuditRow }[]> {
  const entries: { key: string; row: StoredAuditRow }[] = [];
  for (const sealed of [true, false]) {
    let cursor: string | undefined;
    do {
      let query = kvs.entity<StoredAuditRow>(ENTITY.auditEvent).query().index('by-space-seq', { partition: [spaceId, sealed] }).limit(100);
      if (cursor !== undefined) query = query.cursor(cursor);
      const page = await query.getMany();
      entries.push(...page.results.map(({ key, value }) => ({ key, row: value })));
      cursor = page.nextCursor;
    } while (cursor !== undefined);
  }
  return entries;
}

/** An unsealed entry as a command writes it, stored directly (no job pushed). */
export async function writeUnsealedEntry(key: string, row: Omit<AuditRow, 'sealed' | 'seq' | 'hash'>): Promise<void> {
  await kvs.entity<AuditRow>(ENTITY.auditEvent).set(key, { ...row, sealed: false, seq: 0, hash: NONE });
}

/** Someone who may edit the page writes its byline property through Confluence's REST API, as any REST client can. */
export async function writePropertyAs(app: TestApp, pageId: string, accountId: string, value: unknown): Promise<void> {
  const properties = `/wiki/api/v2/pages/${pageId}/properties`;
  const actor = { kind: 'user' as const, accountId };
  const headers = { 'content-type': 'application/json' };
  const listed = await app.sandbox.requestConfluence({ method: 'GET', path: `${properties}?key=${BYLINE_PROPERTY_KEY}`, headers, actor });
  const current = (JSON.parse(listed.body) as { results: { id: string; version: { number: number } }[] }).results[0];
  const reply =
    current === undefined
      ? await app.sandbox.requestConfluence({ method: 'POST', path: properties, headers, actor, body: JSON.stringify({ key: BYLINE_PROPERTY_KEY, value }) })
      : await app.sandbox.requestConfluence({
          method: 'PUT',
          path: `${properties}/${current.id}`,
          headers,
          actor,
          body: JSON.stringify({ key: BYLINE_PROPERTY_KEY, value, version: { number: current.version.number + 1 } }),
        });
  if (reply.status >= 300) throw new Error(`writing the byline property of page ${pageId} as ${accountId}: ${reply.status} ${reply.body}`);
}
