import { type BulkResultView, type QueuePageView } from '../../../src/shared/contract/queue';
import { MODULES, SPACES, type TestApp, ok, refused, startApp } from '../support/app';

describe('bulk decisions from the queue', () => {
  let app: TestApp;
  /** requestId by page id. */
  const requestOf: Record<string, string> = {};

  const bulk = async (accountId: string, payload: Record<string, unknown>) =>
    app.as(accountId).invoke(MODULES.queue, 'bulkDecide', payload, app.spaceContext('ENG'));
  const tab = async (accountId: string, name: string) =>
    ok((await app.as(accountId).invoke(MODULES.queue, 'listQueue', { tab: name, limit: 50 }, app.spaceContext('ENG'))) as QueuePageView).items.map(
      (item) => item.pageId,
    );
  const item = (pageId: string) => ({ requestId: requestOf[pageId], stepIndex: 0 });

  beforeAll(async () => {
    app = await startApp();
    const bob = [{ type: 'user' as const, accountId: 'u-bob' }];
    await app.createWorkflow({ name: 'Docs review', steps: [{ id: 'review', name: 'Review', approvers: bob, rule: { kind: 'any' } }] }, 'default');
    await app.createWorkflow(
      { name: 'Legal review', steps: [{ id: 'legal', name: 'Legal', approvers: [{ type: 'user', accountId: 'u-carol' }], rule: { kind: 'any' } }] },
      { pageId: '10030', scope: 'page' },
    );
    await app.createWorkflow(
      { spaceId: SPACES.HR.id, name: 'HR policy', steps: [{ id: 'hr', name: 'HR', approvers: bob, rule: { kind: 'any' } }] },
      'default',
    );
    for (const pageId of ['10020', '10021', '10022', '10030', '10031', '20014']) {
      const view = ok(await app.as('u-alice').byline('submit', pageId, {}));
      if (view.request === null) throw new Error(`no request after submitting ${pageId}`);
      requestOf[pageId] = view.request.id;
    }
    await app.drain();
  });

  afterAll(() => app.close());

  it('decides every allowed item on its own and reports the others, one by one', async () => {
    const result = ok(
      (await bulk('u-bob', {
        decision: 'approve',
        comment: 'Looks good',
        items: [item('10020'), item('10030'), item('10021'), item('20014')],
      })) as BulkResultView,
    );
    expect(result.results.map((r) => [r.requestId, r.ok])).toEqual([
      [requestOf['10020'], true],
      [requestOf['10030'], false],
      [requestOf['10021'], true],
      [requestOf['20014'], false],
    ]);
    expect(result).toMatchObject({ succeeded: 2, failed: 2 });
    expect(result.results[1].message).toMatch(/not an approver/);
    expect(result.results[3].message).toMatch(/isn't in this space/);
    expect(result.results[0].message).toBe('Approved.');

    await app.drain();
    const approved = await tab('u-bob', 'approved');
    expect(approved.sort()).toEqual(['10020', '10021']);
    const pending = await tab('u-frank', 'pending');
    expect(pending.sort()).toEqual(['10022', '10030', '10031']);

    for (const pageId of ['10020', '10021']) {
      const history = ok(await app.as('u-bob').byline('getPageHistory', pageId, {}));
      const decisions = history.entries.filter((entry) => entry.actor?.accountId === 'u-bob' && entry.comment === 'Looks good');
      expect([pageId, decisions.length]).toEqual([pageId, 1]);
    }
    const untouched = ok(await app.as('u-carol').byline('getPageHistory', '10030', {}));
    expect(untouched.entries.some((entry) => entry.actor?.accountId === 'u-bob')).toBe(false);
  });

  it('repeats nothing when the same approval is sent again', async () => {
    const again = ok((await bulk('u-bob', { decision: 'approve', items: [item('10020'), item('10020')] })) as BulkResultView);
    expect(again.results).toEqual([{ requestId: requestOf['10020'], ok: true, message: 'You had already approved this.' }]);
    const history = ok(await app.as('u-bob').byline('getPageHistory', '10020', {}));
    expect(history.entries.filter((entry) => entry.actor?.accountId === 'u-bob' && entry.comment === 'Looks good')).toHaveLength(1);
  });

  it('requires a comment to reject, and then rejects', async () => {
    const refusal = refused(await bulk('u-bob', { decision: 'reject', items: [item('10022'), item('10031')] }));
    expect(refusal).toMatchObject({ code: 'VALIDATION', message: expect.stringMatching(/comment/i) });
    const blank = refused(await bulk('u-bob', { decision: 'reject', comment: '   ', items: [item('10022')] }));
    expect(blank.code).toBe('VALIDATION');
    expect((await tab('u-bob', 'pending')).sort()).toEqual(['10022', '10030', '10031']);

    const rejected = ok((await bulk('u-bob', { decision: 'reject', comment: 'Add the rollback plan', items: [item('10022'), item('10031')] })) as BulkResultView);
    expect(rejected).toMatchObject({ succeeded: 2, failed: 0 });
    expect(rejected.results.every((r) => r.message === 'Rejected.')).toBe(true);
    expect((await tab('u-bob', 'rejected')).sort()).toEqual(['10022', '10031']);
  });
});
