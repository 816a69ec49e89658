/**
 * The space routes of the REST API: the workflows anyone who can view the space sees, and the
 * audit trail (space admins): exported page by page across more than a thousand events in chain
 * order with a cursor that stays valid, recomputed by the auditor's offline script
 * (docs/audit.md), and failing at the exact seq of a tampered event, as the verification route does.
 */
import { kvs } from '@forge/kvs';
import { type AuditVerificationResource } from '../../../src/api/audit';
import { type SpaceWorkflowsResource } from '../../../src/api/workflows';
import { type AuditExportEntryView, type AuditExportView } from '../../../src/shared/contract/audit';
import { type ErrorBody } from '../../../src/shared/errors';
import { type StoredAuditRow } from '../../../src/storage/audit';
import { sealAuditEntries } from '../../../src/storage/audit-chain';
import { ENTITY } from '../../../src/storage/entities';
import { singleStep } from '../core/fixtures';
import { type TestApp, startApp } from '../support/app';
import { writeUnsealedEntry } from '../support/effects-journey';
import { seedSealedChain } from '../support/audit-seed';
import { firstBrokenSeq } from '../support/offline-audit';
import { contractProblems } from './openapi-contract';
import { callApi, expectStatus, SCOPES } from './support';

const ENG = '1001';

let app: TestApp;

beforeEach(async () => {
  app = await startApp();
});

afterEach(() => app.close());

/** `count` sealed workflow changes by Frank, one a second, sealed in batches as the effects consumer would. */
async function sealedChanges(count: number, from = 0): Promise<void> {
  const keys: string[] = [];
  for (let i = from; i < from + count; i += 1) {
    const key = `wf-change:${String(i).padStart(5, '0')}`;
    await writeUnsealedEntry(key, {
      spaceId: ENG,
      pageId: '-',
      at: new Date(Date.UTC(2026, 10, 22, 9, 0, i)).toISOString(),
      type: 'workflow.updated',
      actorId: 'u-frank',
      body: { kind: 'workflow', change: 'updated', workflowId: 'wf-1', details: { revision: i } },
    });
    keys.push(key);
  }
  for (let i = 0; i < keys.length; i += 100) await sealAuditEntries(keys.slice(i, i + 100));
  app.settleIndexes();
}

const auditPage = (accountId: string, query: Record<string, string> = {}) => callApi<AuditExportView | ErrorBody>(app, accountId, 'GET', '/spaces/ENG/audit', { query });

async function fullExport(limit?: number, from?: string): Promise<{ entries: AuditExportEntryView[]; head: AuditExportView['head']; pages: number; verified: boolean }> {
  const entries: AuditExportEntryView[] = [];
  let cursor = from;
  let pages = 0;
  let verified = true;
  for (;;) {
    const query: Record<string, string> = { ...(cursor === undefined ? {} : { cursor }), ...(limit === undefined ? {} : { limit: String(limit) }) };
    const page = expectStatus(await auditPage('u-frank', query), 200) as AuditExportView;
    pages += 1;
    verified = verified && page.chainVerified;
    entries.push(...page.entries);
    if (page.cursor === undefined) return { entries, head: page.head, pages, verified };
    cursor = page.cursor;
  }
}

describe('workflows', () => {
  it('lists the space\'s workflows for anyone who can view it, and 404 for a space they cannot', async () => {
    const workflow = await app.createWorkflow(singleStep(), 'default');
    const listed = expectStatus(await callApi<SpaceWorkflowsResource>(app, 'u-grace', 'GET', '/spaces/ENG/workflows'), 200);
    expect(listed).toEqual({
      space: { id: ENG, key: 'ENG', name: expect.any(String) },
      workflows: [{ id: workflow.id, name: 'Quick review', description: '', enabled: true, isDefault: true, steps: [{ name: 'Review' }] }],
    });
    const hidden = await callApi<ErrorBody>(app, 'u-ivan', 'GET', '/spaces/HR/workflows');
    expect(hidden.status).toBe(404);
    expect(hidden.body).toMatchObject({ code: 'NOT_FOUND', message: expect.stringContaining('HR') });
    expect((await callApi<ErrorBody>(app, 'u-grace', 'GET', '/spaces/EN%20G/workflows')).status).toBe(400);
  });
});

describe('the audit export', () => {
  it('pages 1,080 events in chain order with a stable cursor; the auditor recomputes them, and the verification agrees', async () => {
    await sealedChanges(1050);
    const first = expectStatus(await auditPage('u-frank', { limit: '100' }), 200) as AuditExportView;
    expect(first.entries.map((entry) => entry.seq)).toEqual(Array.from({ length: 100 }, (_, i) => i + 1));
    expect(first.cursor).toEqual(expect.any(String));
    // Events sealed while the auditor downloads do not move the pages already handed out: the cursor names a seq.
    await sealedChanges(30, 1050);

    const rest = await fullExport(undefined, first.cursor);
    const exported = { ...rest, entries: [...first.entries, ...rest.entries] };
    expect(rest.pages).toBe(10);
    expect(first.chainVerified && rest.verified).toBe(true);
    expect(exported.entries.map((entry) => entry.seq)).toEqual(Array.from({ length: 1080 }, (_, i) => i + 1));
    expect(exported.head).toMatchObject({ seq: 1080, hash: exported.entries.at(-1)?.hash });
    expect(firstBrokenSeq(exported.head, exported.entries)).toBeNull();
    expect(exported.entries[0]).toMatchObject({ hashed: { seq: 1, key: 'wf-change:00000', type: 'workflow.updated', actorId: 'u-frank' }, body: { details: { revision: 0 } } });

    const verification = expectStatus(await callApi<AuditVerificationResource>(app, 'u-frank', 'GET', '/spaces/ENG/audit/verification'), 200);
    expect(verification).toEqual({ ok: true, from: 1, verified: 1080, head: { seq: 1080, hash: exported.head.hash, at: expect.any(String) } });
  });

  it('fails at the exact seq of an event changed in storage, offline and in the verification', async () => {
    await sealedChanges(1020);
    const table = kvs.entity<StoredAuditRow>(ENTITY.auditEvent);
    const tampered = await table.get('wf-change:00776');
    if (tampered === undefined) throw new Error('no event 777');
    await table.set('wf-change:00776', { ...tampered, actorId: 'u-mallory' });
    app.settleIndexes();

    const exported = await fullExport(100);
    expect(exported.verified).toBe(false);
    expect(firstBrokenSeq(exported.head, exported.entries)).toBe(777);
    const verification = expectStatus(await callApi<AuditVerificationResource>(app, 'u-frank', 'GET', '/spaces/ENG/audit/verification'), 200);
    expect(verification).toMatchObject({ ok: false, verified: 776, broken: { seq: 777, reason: 'modified' } });
  });

  it('verifies at most 10,000 events a call: a longer chain from a later seq, which it says', async () => {
    await seedSealedChain(ENG, 10_050);
    app.settleIndexes();
    const whole = await callApi<ErrorBody>(app, 'u-frank', 'GET', '/spaces/ENG/audit/verification');
    expect(whole).toMatchObject({ status: 409, body: { code: 'PRECONDITION', details: { headSeq: 10_050, latestFrom: 51 } } });
    expect(whole.body.message).toContain('from=51');
    expect(contractProblems('GET', '/spaces/{spaceKey}/audit/verification', whole)).toEqual([]);

    const latest = expectStatus(await callApi<AuditVerificationResource>(app, 'u-frank', 'GET', '/spaces/ENG/audit/verification', { query: { from: '51' } }), 200);
    expect(latest).toMatchObject({ ok: true, from: 51, verified: 10_000, head: { seq: 10_050 } });
    expect(contractProblems('GET', '/spaces/{spaceKey}/audit/verification', { status: 200, headers: {}, body: latest })).toEqual([]);

    const table = kvs.entity<StoredAuditRow>(ENTITY.auditEvent);
    const tampered = await table.get('audit-seed:010000');
    if (tampered === undefined) throw new Error('no event 10,000');
    await table.set('audit-seed:010000', { ...tampered, at: '2020-01-01T00:00:00.000Z' });
    const broken = expectStatus(await callApi<AuditVerificationResource>(app, 'u-frank', 'GET', '/spaces/ENG/audit/verification', { query: { from: '9000' } }), 200);
    expect(broken).toMatchObject({ ok: false, from: 9000, verified: 1000, broken: { seq: 10_000, reason: 'modified' } });
    for (const from of ['0', 'x', '10052']) expect((await callApi(app, 'u-frank', 'GET', '/spaces/ENG/audit/verification', { query: { from } })).status).toBe(400);
  });

  it('is for space admins: 403 for someone who views the space, 404 for a space someone cannot view, and the platform refuses a token without read:audit:custom', async () => {
    await sealedChanges(3);
    expect(await auditPage('u-alice')).toMatchObject({ status: 403, body: { code: 'FORBIDDEN', message: 'Only space admins can see the audit trail of this space.' } });
    expect((await callApi<ErrorBody>(app, 'u-alice', 'GET', '/spaces/ENG/audit/verification')).status).toBe(403);
    expect(await callApi(app, 'u-ivan', 'GET', '/spaces/HR/audit')).toMatchObject({ status: 404, body: { code: 'NOT_FOUND' } });
    const narrow = await callApi(app, 'u-frank', 'GET', '/spaces/ENG/audit', { scopes: [SCOPES.readApproval] });
    expect(narrow.status).toBe(403);
    expect(JSON.stringify(narrow.body)).toContain(SCOPES.readAudit);
  });

  it('refuses a limit out of range and a cursor it never handed out with 400', async () => {
    await sealedChanges(3);
    const queries: Record<string, string>[] = [{ limit: '0' }, { limit: '101' }, { limit: 'ten' }, { cursor: 'abc' }, { cursor: '-1' }];
    for (const query of queries) {
      const answer = await auditPage('u-frank', query);
      expect({ query, status: answer.status, code: (answer.body as ErrorBody).code }).toEqual({ query, status: 400, code: 'VALIDATION' });
    }
  });
});
