import { kvs } from '@forge/kvs';
import { type ApprovalRequest } from '../../../src/domain/request';
import { type PageApprovalView } from '../../../src/shared/contract/byline';
import { type BridgeError } from '../../../src/shared/errors';
import { type AuditRow, ENTITY, INDEX, type RequestRow } from '../../../src/storage/entities';
import { ok, refused, startApp, type TestApp } from '../support/app';
import { ENG_PAGE, user } from './fixtures';

async function requestsOfPage(pageId: string): Promise<ApprovalRequest[]> {
  const page = await kvs.entity<RequestRow>(ENTITY.request).query().index(INDEX.request.byPage, { partition: [pageId] }).limit(100).getMany();
  return page.results.map((r) => r.value.body);
}

/** Transactions refused because another change landed first: proof the calls really raced. */
function lostRaces(app: TestApp): number {
  return app.sandbox.ops.entries().filter((entry) => entry.operation === 'transaction' && entry.status === 409).length;
}

async function auditOfPage(pageId: string): Promise<AuditRow[]> {
  const page = await kvs.entity<AuditRow>(ENTITY.auditEvent).query().index(INDEX.auditEvent.byPage, { partition: [pageId] }).limit(100).getMany();
  return page.results.map((r) => r.value);
}

describe('people acting on one page at the same moment', () => {
  let app: TestApp;
  beforeEach(async () => {
    // A little storage latency, so that concurrent calls really interleave their reads and writes.
    app = await startApp({ latency: { mode: 'sleep', kvs: 2, entity: 2, confluence: 2 } });
  });
  afterEach(() => app.close());

  it('twenty members of a group step needing 20 approvals deciding at once: twenty decisions, one advance', async () => {
    const site = app.site();
    const approvers = Array.from({ length: 20 }, (_, i) => `u-reviewer-${i + 1}`);
    site.addGroup({ id: 'g-reviewers', name: 'reviewers' });
    for (const [i, accountId] of approvers.entries()) {
      site.addUser({ accountId, displayName: `Reviewer ${i + 1}` });
      site.addGroupMember('g-reviewers', accountId);
    }
    site.grantSpacePermission('1001', { type: 'group', id: 'g-reviewers' }, 'view');
    await app.createWorkflow(
      {
        name: 'Board review',
        steps: [
          { id: 'board', name: 'Board', approvers: [{ type: 'group', groupId: 'g-reviewers', name: 'reviewers' }], rule: { kind: 'atLeast', count: 20 } },
          { id: 'final', name: 'Final', approvers: [user('u-bob')], rule: { kind: 'any' } },
        ],
      },
      'default',
    );
    const requestId = ok(await app.as('u-alice').byline('submit', ENG_PAGE)).request?.id ?? '';

    const results = await Promise.all(approvers.map((id) => app.as(id).byline('approve', ENG_PAGE, { requestId, stepIndex: 0 })));
    for (const result of results) ok(result);
    expect(lostRaces(app)).toBeGreaterThan(0);
    await app.drain();

    const [request] = await requestsOfPage(ENG_PAGE);
    expect(request.steps[0].decisions.map((d) => d.approverId).sort()).toEqual([...approvers].sort());
    expect(request.currentStepIndex).toBe(1);
    const audit = await auditOfPage(ENG_PAGE);
    expect(audit.filter((row) => row.type === 'decision.recorded')).toHaveLength(20);
    expect(audit.filter((row) => row.type === 'step.advanced')).toHaveLength(1);
    const view = ok(await app.as('u-bob').byline('getPageApproval', ENG_PAGE));
    expect(view.request?.steps[0].approvers.every((a) => a.decision === 'approve')).toBe(true);
    expect(view.actions.approve).toBe(true);
  }, 60_000);

  it('two Submit clicks at once start one request', async () => {
    await app.createWorkflow({ name: 'Quick review', steps: [{ id: 's', name: 'Review', approvers: [user('u-bob')], rule: { kind: 'any' } }] }, 'default');
    const [first, second] = await Promise.all([app.as('u-alice').byline('submit', ENG_PAGE), app.as('u-alice').byline('submit', ENG_PAGE)]);
    expect(ok(first).request?.id).toBe(ok(second).request?.id);
    expect(lostRaces(app)).toBe(1);
    await app.drain();
    expect(await requestsOfPage(ENG_PAGE)).toHaveLength(1);
    expect((await auditOfPage(ENG_PAGE)).filter((row) => row.type === 'request.submitted')).toHaveLength(1);
  });

  it('an approval and a rejection racing: one outcome, and the audit says which decision made it', async () => {
    await app.createWorkflow(
      { name: 'Either', steps: [{ id: 's', name: 'Review', approvers: [user('u-bob'), user('u-frank')], rule: { kind: 'any' } }] },
      'default',
    );
    const requestId = ok(await app.as('u-alice').byline('submit', ENG_PAGE)).request?.id ?? '';
    const [approval, rejection] = await Promise.all([
      app.as('u-bob').byline('approve', ENG_PAGE, { requestId, stepIndex: 0 }),
      app.as('u-frank').byline('reject', ENG_PAGE, { requestId, stepIndex: 0, comment: 'Not yet' }),
    ]);
    const outcomes = [approval, rejection] as (PageApprovalView | BridgeError)[];
    const winners = outcomes.filter((r) => !('error' in r));
    const losers = outcomes.filter((r) => 'error' in r);
    expect(lostRaces(app)).toBe(1);
    expect(winners).toHaveLength(1);
    expect(losers).toHaveLength(1);
    expect(refused(losers[0]).code).toBe('PRECONDITION');
    expect(refused(losers[0]).message).toMatch(/^This request is no longer in approval: it was (approved|sent back for changes)$/);

    await app.drain();
    const audit = await auditOfPage(ENG_PAGE);
    const decisions = audit.filter((row) => row.type === 'decision.recorded');
    const endings = audit.filter((row) => row.type === 'request.approved' || row.type === 'request.changesRequested');
    expect(decisions).toHaveLength(1);
    expect(endings).toHaveLength(1);
    expect(endings[0].actorId).toBe(decisions[0].actorId);
    const [request] = await requestsOfPage(ENG_PAGE);
    expect(request.status).toBe(decisions[0].actorId === 'u-bob' ? 'approved' : 'changesRequested');
  });
});
