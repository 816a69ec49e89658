import { type AnalyticsView } from '../../../src/shared/contract/analytics';
import { MODULES, type TestApp, ok, startApp } from '../support/app';

describe('analytics of what people did in the app', () => {
  let app: TestApp;

  beforeAll(async () => {
    app = await startApp();
  });

  afterAll(() => app.close());

  it('counts submissions and decisions once their effects ran, and the requests in approval now', async () => {
    const workflow = await app.createWorkflow(
      { name: 'Docs review', steps: [{ id: 'review', name: 'Review', approvers: [{ type: 'user', accountId: 'u-bob' }], rule: { kind: 'any' } }] },
      'default',
    );
    const submitted = ok(await app.as('u-alice').byline('submit', '10020', {}));
    ok(await app.as('u-alice').byline('submit', '10021', {}));
    ok(await app.as('u-bob').byline('reject', '10020', { requestId: submitted.request?.id, stepIndex: 0, comment: 'Add the rollback plan' }));
    await app.drain();

    const today = new Date().toISOString().slice(0, 10);
    const view = ok((await app.as('u-grace').invoke(MODULES.analytics, 'getAnalytics', { from: today, to: today })) as AnalyticsView);
    expect(view.kpis).toMatchObject({ submitted: 2, approved: 0, rejected: 1, pending: 1, approvalRate: 0 });
    expect(view.trend).toEqual([{ day: today, submitted: 2, approved: 0, rejected: 1, withdrawn: 0, expired: 0 }]);
    expect(view.workflows).toEqual([expect.objectContaining({ workflowId: workflow.id, workflowName: 'Docs review', spaceKey: 'ENG', submitted: 2 })]);
    expect(view.statusBreakdown).toContainEqual({ status: 'inApproval', count: 1 });
    expect(view.statusBreakdown).toContainEqual({ status: 'changesRequested', count: 1 });
  });

  it('counts a job the queue delivers twice once', async () => {
    app.sandbox.queue.duplicateDelivery = true;
    ok(await app.as('u-alice').byline('submit', '10022', {}));
    await app.drain();
    app.sandbox.queue.duplicateDelivery = false;
    expect(app.sandbox.queue.deliveries({ queueName: 'approval-effects' }).some((d) => d.duplicate && d.outcome === 'success')).toBe(true);
    const today = new Date().toISOString().slice(0, 10);
    const view = ok((await app.as('u-grace').invoke(MODULES.analytics, 'getAnalytics', { from: today, to: today })) as AnalyticsView);
    expect(view.kpis).toMatchObject({ submitted: 3, pending: 2 });
  });
});
