/**
 * Read-after-write in the queue: the list the front end reloads right after a bulk decision,
 * while the index queries still lag (storage-reference/entities, "Data consistency"), never
 * shows a decided request under the tab it has left.
 */
import { type BulkResultView, type QueuePageView } from '../../../src/shared/contract/queue';
import { MODULES, type TestApp, ok, startApp } from '../support/app';

describe('the queue right after a bulk decision', () => {
  let app: TestApp;
  const requestOf: Record<string, string> = {};

  const tab = async (accountId: string, name: string) =>
    ok((await app.as(accountId).invoke(MODULES.queue, 'listQueue', { tab: name }, app.spaceContext('ENG'))) as QueuePageView).items.map((item) => [
      item.pageId,
      item.status,
    ]);

  beforeAll(async () => {
    app = await startApp({ indexCatchUp: 'manual' });
    await app.createWorkflow(
      { name: 'Docs review', steps: [{ id: 'review', name: 'Review', approvers: [{ type: 'user', accountId: 'u-bob' }], rule: { kind: 'any' } }] },
      'default',
    );
    for (const pageId of ['10020', '10021', '10022']) {
      const view = ok(await app.as('u-alice').byline('submit', pageId, {}));
      if (view.request === null) throw new Error(`no request after submitting ${pageId}`);
      requestOf[pageId] = view.request.id;
    }
    await app.drain();
    app.settleIndexes();
  });

  afterAll(() => app.close());

  it('leaves the decided requests out of Pending at once, and lists them as approved once the index catches up', async () => {
    expect((await tab('u-bob', 'pending')).map(([pageId]) => pageId).sort()).toEqual(['10020', '10021', '10022']);

    const result = ok(
      (await app.as('u-bob').invoke(
        MODULES.queue,
        'bulkDecide',
        { decision: 'approve', items: ['10020', '10022'].map((pageId) => ({ requestId: requestOf[pageId], stepIndex: 0 })) },
        app.spaceContext('ENG'),
      )) as BulkResultView,
    );
    expect(result).toMatchObject({ succeeded: 2, failed: 0 });

    // The index still files both under "inApproval": the reload must not show them there.
    expect(await tab('u-bob', 'pending')).toEqual([['10021', 'inApproval']]);
    expect(await tab('u-bob', 'mine')).toEqual([['10021', 'inApproval']]);

    app.settleIndexes();
    expect((await tab('u-bob', 'approved')).sort()).toEqual([
      ['10020', 'approved'],
      ['10022', 'approved'],
    ]);
  });
});
