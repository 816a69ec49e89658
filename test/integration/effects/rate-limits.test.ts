/**
 * Confluence rate-limits the app (429 with `Retry-After`): a resolver answers "Confluence is busy,
 * try again in N s" and changes nothing; the effects consumer asks the queue to deliver the job
 * again after N s (an `InvocationError` with `retryAfter`), and the redelivery finishes the job
 * without doing anything twice. Storage's rate limit stops a byline check at once too, and brings
 * it back after storage's minute.
 */
import { refused, ok, startApp, type TestApp } from '../support/app';
import { writePropertyAs } from '../support/effects-journey';

const PAGE = '10020';

let app: TestApp;

beforeEach(async () => {
  app = await startApp();
  await app.createWorkflow({ name: 'Release review', steps: [{ id: 'review', name: 'Review', approvers: [{ type: 'user', accountId: 'u-bob' }], rule: { kind: 'any' } }] }, 'default');
});

afterEach(() => app.close());

describe('Confluence answering 429', () => {
  it('refuses a submit with the wait Confluence asked for, and changes nothing', async () => {
    const before = app.appState();
    app.sandbox.faults.failNext('confluence', 1, { status: 429, retryAfterSeconds: 30 });
    const error = refused(await app.as('u-alice').byline('submit', PAGE));
    expect(error).toMatchObject({ code: 'RATE_LIMITED', message: 'Confluence is busy, try again in 30 s.' });
    await app.drain();
    expect(app.appState()).toEqual(before);
    expect(app.site().commentsOn(PAGE)).toEqual([]);
    // Once Confluence answers again, the same submit goes through.
    expect(ok(await app.as('u-alice').byline('submit', PAGE)).status).toBe('inApproval');
  });

  it('redelivers the effects job after Retry-After, and the second delivery does each step once', async () => {
    ok(await app.as('u-alice').byline('submit', PAGE));
    // The consumer's first Confluence call (names for the byline and the comment) is rate limited.
    app.sandbox.faults.failNext('confluence', 1, { status: 429, retryAfterSeconds: 45 });
    await app.drain();

    const deliveries = app.sandbox.queue.deliveries({ queueName: 'approval-effects' });
    expect(deliveries.map(({ retryCount, outcome }) => ({ retryCount, outcome }))).toEqual([
      { retryCount: 0, outcome: 'retry' },
      { retryCount: 1, outcome: 'success' },
    ]);
    expect(deliveries[1].at - deliveries[0].at).toBe(45);
    expect(app.sandbox.ops.entries({ kind: 'confluence' }).filter((op) => op.status === 429)).toHaveLength(1);

    expect(app.bylineProperty(PAGE)?.title).toMatch(/^In approval/);
    expect(app.site().commentsOn(PAGE)).toHaveLength(1);
  });
});

describe('storage rate-limiting a byline check', () => {
  it('stops the check at once and brings it back after the minute, instead of failing it page by page', async () => {
    ok(await app.as('u-alice').byline('submit', PAGE));
    await app.drain();
    // Someone who may edit the page writes the byline property by hand: the dialog queues a check.
    await writePropertyAs(app, PAGE, 'u-alice', { title: 'Approved v4', icon: '', tooltip: 'Signed off' });
    ok(await app.as('u-grace').byline('getPageApproval', PAGE));
    app.sandbox.faults.failMatching('secret', (call) => call.operation === 'get', 1, { status: 429 });
    const error = jest.spyOn(console, 'error').mockImplementation(() => undefined);
    await app.drain();
    expect(error).not.toHaveBeenCalled();
    error.mockRestore();

    const deliveries = app.sandbox.queue.deliveries({ queueName: 'approval-effects' }).filter((delivery) => delivery.retryCount > 0 || delivery.outcome === 'retry');
    expect(deliveries.map(({ retryCount, outcome }) => ({ retryCount, outcome }))).toEqual([
      { retryCount: 0, outcome: 'retry' },
      { retryCount: 1, outcome: 'success' },
    ]);
    expect(deliveries[1].at - deliveries[0].at).toBe(60);
    expect(app.bylineProperty(PAGE)?.title).toMatch(/^In approval/);
  });
});
