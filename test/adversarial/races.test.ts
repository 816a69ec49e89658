/**
 * Races with 25 approvers, in process: the people are added to the site as the control surface
 * does (the emulator helpers `POST /__sandbox/users` and `/groups` call); races-http.test.ts runs
 * one through the server. Every race ends with decisions made = decisions recorded, at most one
 * advance per step, and each stored request equal to the replay of its audited events.
 */
import { type PageApprovalView } from '../../src/shared/contract/byline';
import { type BulkResultView, type QueuePageView } from '../../src/shared/contract/queue';
import { type BridgeError, isBridgeError } from '../../src/shared/errors';
import { type ApproverRef } from '../../src/shared/workflow';
import { MODULES, ok, type TestApp, startApp } from '../integration/support/app';
import { countOf, expectExplainedByAudit, requestsOfPage } from './support/race-audit';

const PAGE = '10020';
const EVERYONE = 'g-confluence-users';
const BOARD = { id: 'g-race-board', name: 'race-board' };

let app: TestApp;

beforeEach(async () => {
  // A little latency, so that concurrent calls really interleave their reads and writes.
  app = await startApp({ latency: { mode: 'sleep', kvs: 2, entity: 2, confluence: 2 } });
});
afterEach(() => app.close());

/** 25 new people who may view ENG, in the board group too when asked. */
function addApprovers(prefix: string, options: { board?: boolean } = {}): string[] {
  const site = app.site();
  if (options.board === true) site.addGroup({ ...BOARD });
  return Array.from({ length: 25 }, (_, i) => {
    const accountId = `u-${prefix}-${String(i + 1).padStart(2, '0')}`;
    site.addUser({ accountId, displayName: `${prefix} ${i + 1}` });
    site.addGroupMember(EVERYONE, accountId);
    if (options.board === true) site.addGroupMember(BOARD.id, accountId);
    return accountId;
  });
}

const users = (ids: string[]): ApproverRef[] => ids.map((accountId) => ({ type: 'user', accountId }));

async function submit(pageId = PAGE, accountId = 'u-alice'): Promise<string> {
  const view = ok(await app.as(accountId).byline('submit', pageId));
  await app.drain();
  if (view.request == null) throw new Error(`no request after submitting ${pageId}`);
  return view.request.id;
}

type Answer = PageApprovalView | BridgeError;

const decideAll = (ids: string[], decision: (id: string, i: number) => 'approve' | 'reject', requestId: string, stepIndex = 0): Promise<Answer[]> =>
  Promise.all(
    ids.map((id, i) => {
      const kind = decision(id, i);
      return app.as(id).byline(kind, PAGE, kind === 'approve' ? { requestId, stepIndex } : { requestId, stepIndex, comment: `No from ${id}` });
    }),
  );

/** Transactions refused because another change landed first: proof the calls really raced. */
const lostRaces = (): number => app.sandbox.ops.entries().filter((op) => op.operation === 'transaction' && op.status === 409).length;

const accepted = (answers: Answer[]): number => answers.filter((answer) => !isBridgeError(answer)).length;

/**
 * Refusals a race may give: the request, its step or a group's seat moved on while the person
 * looked, said in words. Never INTERNAL, never "too busy, try again" (a decision lost to contention).
 */
function expectOnlyStaleRefusals(answers: unknown[]): void {
  for (const answer of answers) {
    if (!isBridgeError(answer)) continue;
    expect(['PRECONDITION', 'CONFLICT', 'FORBIDDEN']).toContain(answer.error.code);
    expect(answer.error.message).toMatch(/no longer|already|has moved on/);
  }
}

describe('25 approvers deciding at the same moment', () => {
  it("all-of step with 25 named people: 25 decisions, one advance", async () => {
    const approvers = addApprovers('all');
    await app.createWorkflow(
      {
        name: 'Everyone signs',
        steps: [
          { id: 'all', name: 'Everyone', approvers: users(approvers), rule: { kind: 'all' } },
          { id: 'final', name: 'Final', approvers: users(['u-bob']), rule: { kind: 'any' } },
        ],
      },
      'default',
    );
    const requestId = await submit();

    const answers = await decideAll(approvers, () => 'approve', requestId);
    expect(answers.filter(isBridgeError)).toEqual([]);
    expect(lostRaces()).toBeGreaterThan(0);

    const audit = await expectExplainedByAudit(app, [PAGE]);
    const [request] = await requestsOfPage(PAGE);
    expect(request.steps[0].decisions.map((d) => d.approverId).sort()).toEqual([...approvers].sort());
    expect(countOf(audit, 'decision.recorded')).toBe(25);
    expect(countOf(audit, 'step.advanced')).toBe(1);
    expect(request.currentStepIndex).toBe(1);
  }, 60_000);

  it('at least 20 of a 25-member group: 20 decisions, one advance, the last five told the step moved on', async () => {
    const members = addApprovers('board', { board: true });
    await app.createWorkflow(
      {
        name: 'Board vote',
        steps: [
          { id: 'board', name: 'Board', approvers: [{ type: 'group', groupId: BOARD.id, name: BOARD.name }], rule: { kind: 'atLeast', count: 20 } },
          { id: 'final', name: 'Final', approvers: users(['u-bob']), rule: { kind: 'any' } },
        ],
      },
      'default',
    );
    const requestId = await submit();

    const answers = await decideAll(members, () => 'approve', requestId);
    expectOnlyStaleRefusals(answers);
    expect(accepted(answers)).toBe(20);

    const audit = await expectExplainedByAudit(app, [PAGE]);
    const [request] = await requestsOfPage(PAGE);
    expect(countOf(audit, 'decision.recorded')).toBe(20);
    expect(request.steps[0].decisions).toHaveLength(20);
    expect(countOf(audit, 'step.advanced')).toBe(1);
    expect(request.currentStepIndex).toBe(1);
  }, 60_000);

  it('a group counts once under all-of: 25 members racing, one decides for the group', async () => {
    const members = addApprovers('seat', { board: true });
    await app.createWorkflow(
      {
        name: 'Board and Bob',
        steps: [
          { id: 'both', name: 'Board and Bob', approvers: [{ type: 'group', groupId: BOARD.id, name: BOARD.name }, ...users(['u-bob'])], rule: { kind: 'all' } },
        ],
      },
      'default',
    );
    const requestId = await submit();

    const answers = await decideAll(members, () => 'approve', requestId);
    expectOnlyStaleRefusals(answers);
    expect(accepted(answers)).toBe(1);

    const audit = await expectExplainedByAudit(app, [PAGE]);
    expect(countOf(audit, 'decision.recorded')).toBe(1);
    const [request] = await requestsOfPage(PAGE);
    expect(request.status).toBe('inApproval');
    expect(request.steps[0].decisions[0]).toMatchObject({ forGroup: BOARD.id });
  }, 60_000);

  it('approvals and rejections racing on an any-one step: one outcome, made by the one recorded decision', async () => {
    const approvers = addApprovers('mixed');
    await app.createWorkflow({ name: 'Anyone', steps: [{ id: 'any', name: 'Anyone', approvers: users(approvers), rule: { kind: 'any' } }] }, 'default');
    const requestId = await submit();

    const answers = await decideAll(approvers, (_, i) => (i % 2 === 0 ? 'approve' : 'reject'), requestId);
    expectOnlyStaleRefusals(answers);
    expect(accepted(answers)).toBe(1);

    const audit = await expectExplainedByAudit(app, [PAGE]);
    const decisions = audit.filter((row) => row.type === 'decision.recorded');
    const endings = audit.filter((row) => row.type === 'request.approved' || row.type === 'request.changesRequested');
    expect(decisions).toHaveLength(1);
    expect(endings).toHaveLength(1);
    expect(endings[0].actorId).toBe(decisions[0].actorId);
    const winner = approvers.indexOf(decisions[0].actorId);
    const [request] = await requestsOfPage(PAGE);
    expect(request.status).toBe(winner % 2 === 0 ? 'approved' : 'changesRequested');
  }, 60_000);

  it('the author withdrawing while 25 approve: approvals before the withdrawal stay recorded, none after it', async () => {
    const approvers = addApprovers('late');
    await app.createWorkflow({ name: 'Everyone', steps: [{ id: 'all', name: 'Everyone', approvers: users(approvers), rule: { kind: 'all' } }] }, 'default');
    const requestId = await submit();

    const [withdrawal, ...answers] = await Promise.all([
      app.as('u-alice').byline('withdraw', PAGE, { requestId }),
      ...approvers.map((id) => app.as(id).byline('approve', PAGE, { requestId, stepIndex: 0 })),
    ]);
    ok(withdrawal);
    expectOnlyStaleRefusals(answers);

    const audit = await expectExplainedByAudit(app, [PAGE]);
    const [request] = await requestsOfPage(PAGE);
    expect(request.status).toBe('withdrawn');
    expect(countOf(audit, 'request.withdrawn')).toBe(1);
    expect(countOf(audit, 'decision.recorded')).toBe(accepted(answers));
    expect(request.steps[0].decisions).toHaveLength(accepted(answers));
    // Each recorded approval came before the withdrawal in the request's own order.
    const withdrawnAt = audit.find((row) => row.type === 'request.withdrawn');
    const lastDecision = Math.max(0, ...audit.filter((row) => row.type === 'decision.recorded').map((row) => (row.body.kind === 'request' ? row.body.event.revision : 0)));
    expect(withdrawnAt?.body.kind === 'request' ? withdrawnAt.body.event.revision : 0).toBeGreaterThan(lastDecision);
  }, 60_000);

  it('25 Submit clicks at once (the author and an editor): one request, one submission entry', async () => {
    await app.createWorkflow({ name: 'Quick', steps: [{ id: 's', name: 'Review', approvers: users(['u-carol']), rule: { kind: 'any' } }] }, 'default');
    const clicks = await Promise.all(Array.from({ length: 25 }, (_, i) => app.as(i % 5 === 0 ? 'u-bob' : 'u-alice').byline('submit', PAGE)));
    const started = clicks.flatMap((click) => (isBridgeError(click) ? [] : [click.request?.id]));
    expectOnlyStaleRefusals(clicks);
    expect(new Set(started).size).toBe(1);

    const audit = await expectExplainedByAudit(app, [PAGE]);
    expect(await requestsOfPage(PAGE)).toHaveLength(1);
    expect(countOf(audit, 'request.submitted')).toBe(1);
    expect(app.site().commentsOn(PAGE)).toHaveLength(1);
  }, 60_000);
});

describe('two approvers bulk-deciding overlapping queue items at once', () => {
  const PAGES = ['10011', '10012', '10013', '10014', '10020', '10021', '10022', '10030', '10031', '10051'];

  it('every request decided once; each item reported as decided by exactly one of them', async () => {
    await app.createWorkflow(
      { name: 'Docs review', steps: [{ id: 'r', name: 'Review', approvers: users(['u-bob', 'u-carol']), rule: { kind: 'any' } }] },
      'default',
    );
    const requestOf = new Map<string, string>();
    for (const pageId of PAGES) requestOf.set(pageId, await submit(pageId, 'u-alice'));
    const items = (pages: string[]) => pages.map((pageId) => ({ requestId: requestOf.get(pageId), stepIndex: 0 }));
    const bulk = (accountId: string, decision: 'approve' | 'reject', pages: string[]) =>
      app.as(accountId).invoke(MODULES.queue, 'bulkDecide', { decision, comment: 'Bulk', items: items(pages) }, app.spaceContext('ENG')) as Promise<BulkResultView | BridgeError>;

    // Bob approves the first eight, Carol rejects the last eight: six overlap.
    const [bob, carol] = await Promise.all([bulk('u-bob', 'approve', PAGES.slice(0, 8)), bulk('u-carol', 'reject', PAGES.slice(2))]);
    const results = [...ok(bob).results, ...ok(carol).results];
    const decided = results.filter((result) => result.ok);
    for (const refusal of results.filter((result) => !result.ok)) expect(refusal.message).toMatch(/no longer in approval/);
    expect(new Set(decided.map((result) => result.requestId)).size).toBe(PAGES.length);
    expect(decided).toHaveLength(PAGES.length);

    const audit = await expectExplainedByAudit(app, PAGES);
    expect(countOf(audit, 'decision.recorded')).toBe(PAGES.length);
    expect(countOf(audit, 'request.approved') + countOf(audit, 'request.changesRequested')).toBe(PAGES.length);
    const approved = ok((await app.as('u-bob').invoke(MODULES.queue, 'listQueue', { tab: 'approved', limit: 50 }, app.spaceContext('ENG'))) as QueuePageView);
    expect(approved.items.map((item) => item.requestId).sort()).toEqual(
      ok(bob)
        .results.filter((result) => result.ok)
        .map((result) => result.requestId)
        .sort(),
    );
  }, 60_000);
});
