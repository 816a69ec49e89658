/**
 * Page restrictions keep the app's own account out unless they name it, as on Confluence Cloud.
 * Approvals on such a page still work for the people who can see it; the effects that write as
 * the app give up on that page instead of retrying for a day, and say why in the log.
 */
import { type TestApp, ok, startApp } from '../support/app';

/** Engineering's postmortem: its view restriction names Frank and engineering, not the app. */
const HIDDEN_FROM_APP = '10040';

let app: TestApp;

beforeEach(async () => {
  app = await startApp();
  await app.createWorkflow({ name: 'Postmortem review', steps: [{ id: 'review', name: 'Review', approvers: [{ type: 'user', accountId: 'u-bob' }], rule: { kind: 'any' } }] }, 'default');
});

afterEach(() => app.close());

it('approves a page whose restrictions leave the app out, without effects retrying forever', async () => {
  const warnings = jest.spyOn(console, 'warn').mockImplementation(() => undefined);
  try {
    ok(await app.as('u-frank').byline('submit', HIDDEN_FROM_APP, {}));
    await app.drain();
    const view = ok(await app.as('u-bob').byline('getPageApproval', HIDDEN_FROM_APP, {}));
    ok(await app.as('u-bob').byline('approve', HIDDEN_FROM_APP, { requestId: view.request?.id, stepIndex: 0 }));
    await app.drain();

    expect(ok(await app.as('u-frank').byline('getPageApproval', HIDDEN_FROM_APP, {})).status).toBe('approved');
    // Every effects job finished on its first delivery: nothing failed, nothing is retried.
    const deliveries = app.sandbox.queue.deliveries({ queueName: 'approval-effects' });
    expect(deliveries.length).toBeGreaterThan(0);
    expect(deliveries.filter((delivery) => delivery.outcome !== "success")).toEqual([]);
    // The app could neither write the lozenge nor comment, and the log says why.
    expect(app.bylineProperty(HIDDEN_FROM_APP)).toBeUndefined();
    expect(app.site().commentsOn(HIDDEN_FROM_APP)).toEqual([]);
    expect(warnings.mock.calls.flat().join('\n')).toMatch(/restrictions do not include ApprovalFlow/);
  } finally {
    warnings.mockRestore();
  }
});

it('hears nothing of edits to such a page (ECO-961), yet the dialog shows the approval outdated', async () => {
  ok(await app.as('u-frank').byline('submit', HIDDEN_FROM_APP, {}));
  const view = ok(await app.as('u-bob').byline('getPageApproval', HIDDEN_FROM_APP, {}));
  ok(await app.as('u-bob').byline('approve', HIDDEN_FROM_APP, { requestId: view.request?.id, stepIndex: 0 }));
  await app.drain();

  await app.sandbox.editPage(HIDDEN_FROM_APP, 'u-frank', { body: '<p>Timeline corrected.</p>' });
  await app.drain();
  expect(app.sandbox.triggerDeliveries()).toEqual([expect.objectContaining({ pageId: HIDDEN_FROM_APP, outcome: 'skipped', reason: 'restricted from the app' })]);
  // The dialog reads the page as the viewer, who sees the new version.
  expect(ok(await app.as('u-frank').byline('getPageApproval', HIDDEN_FROM_APP, {})).status).toBe('outdated');
});
