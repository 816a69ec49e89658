import { type AnalyticsView } from '../../../src/shared/contract/analytics';
import { MODULES, type TestApp, ok, startApp } from '../support/app';
import { seedAnalyticsYear } from '../support/rollup-seed';

const DAY = 24 * 60 * 60 * 1000;

/** DESIGN.md: analytics over one year, 100,000 requests, 50 workflows. */
const BUDGET = { storageReads: 400, simulatedMs: 1500, responseBytes: 200 * 1024 };

describe('analytics budget', () => {
  let app: TestApp;

  beforeAll(async () => {
    app = await startApp({ latency: { mode: 'virtual', kvs: 20, confluence: 120 } });
    await seedAnalyticsYear(100_000);
  }, 120_000);

  afterAll(() => app.close());

  it('answers a year over 50 workflows and 100,000 requests within its storage, time and size budget', async () => {
    const to = new Date().toISOString().slice(0, 10);
    const from = new Date(Date.now() - 364 * DAY).toISOString().slice(0, 10);
    app.sandbox.ops.reset();
    const view = ok((await app.as('u-heidi').invoke(MODULES.analytics, 'getAnalytics', { from, to })) as AnalyticsView);
    const call = app.sandbox.ops.lastInvocation('resolver');
    if (call === undefined) throw new Error('no resolver invocation recorded');

    expect(view.kpis.submitted).toBeGreaterThan(90_000);
    expect(view.workflows).toHaveLength(50);
    expect(view.trend).toHaveLength(365);
    expect(app.sandbox.ops.storageRoundTrips(call.id)).toBeLessThanOrEqual(BUDGET.storageReads);
    expect(app.sandbox.ops.count('confluence', call.id)).toBeLessThanOrEqual(1);
    expect(call.simulatedMs).toBeLessThanOrEqual(BUDGET.simulatedMs);
    expect(Buffer.byteLength(JSON.stringify(view))).toBeLessThanOrEqual(BUDGET.responseBytes);
  });
});
