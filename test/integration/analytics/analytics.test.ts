import { dailyTrend, toRequestRecord } from '../../support/analytics-oracle';
import { type DayRange, computeKpis } from '../../../src/domain/analytics';
import { type Kpis } from '../../../src/shared/contract/analytics';
import { MAX_RELATIVE_ERROR } from '../../../src/domain/duration-histogram';
import { type ApprovalRequest } from '../../../src/domain/request';
import { type AnalyticsView } from '../../../src/shared/contract/analytics';
import { applyEventsToRollups } from '../../../src/storage/rollups';
import { MODULES, SPACES, type TestApp, ok, refused, startApp } from '../support/app';
import { type History, historyWorkflow, simulateHistory } from '../support/request-history';

const DAY = 24 * 60 * 60 * 1000;
const today = new Date();
const dayOf = (ms: number) => new Date(ms).toISOString().slice(0, 10);

const engWorkflows = [historyWorkflow('wf-eng-docs', SPACES.ENG.id, 'Docs review', { validityDays: 30 }), historyWorkflow('wf-eng-adr', SPACES.ENG.id, 'ADR sign-off')];
const hrWorkflows = [historyWorkflow('wf-hr-policy', SPACES.HR.id, 'Policy approval')];

/** Same-day durations within the histogram's documented error, and nulls where the exact answer has none. */
function expectSameKpis(actual: Kpis, expected: Kpis): void {
  const { medianMinutesToDecision, p90MinutesToDecision, ...counts } = actual;
  const { medianMinutesToDecision: median, p90MinutesToDecision: p90, ...expectedCounts } = expected;
  expect(counts).toEqual(expectedCounts);
  for (const [estimate, exact] of [
    [medianMinutesToDecision, median],
    [p90MinutesToDecision, p90],
  ]) {
    if (exact === null) expect(estimate).toBeNull();
    else expect(Math.abs((estimate ?? 0) - exact)).toBeLessThanOrEqual(Math.max(0.5, exact * MAX_RELATIVE_ERROR) + 1e-9);
  }
}

describe('analytics over rollups', () => {
  let app: TestApp;
  let eng: History;
  let hr: History;
  const range: DayRange = { from: dayOf(today.getTime() - 120 * DAY), to: dayOf(today.getTime()) };

  const analytics = async (accountId: string, payload: Record<string, unknown> = {}) =>
    (await app.as(accountId).invoke(MODULES.analytics, 'getAnalytics', { ...range, ...payload })) as AnalyticsView;
  const records = (requests: ApprovalRequest[]) => requests.map(toRequestRecord);

  beforeAll(async () => {
    app = await startApp();
    const end = new Date(today.getTime() - 60 * 1000);
    eng = simulateHistory({ workflows: engWorkflows, requests: 240, start: new Date(today.getTime() - 100 * DAY), end, seed: 7, idPrefix: 'eng-' });
    hr = simulateHistory({ workflows: hrWorkflows, requests: 90, start: new Date(today.getTime() - 100 * DAY), end, seed: 8, idPrefix: 'hr-' });
    await applyEventsToRollups([...eng.events, ...hr.events]);
  });

  afterAll(() => app.close());

  it("matches the domain's KPIs, trend and per-workflow comparison computed from the requests themselves", async () => {
    const view = ok(await analytics('u-alice'));
    const all = records([...eng.requests, ...hr.requests]);
    expectSameKpis(view.kpis, computeKpis(all, range));
    expect(view.trend).toEqual(dailyTrend(all, range));
    expect(view.workflows.map((w) => w.workflowId).sort()).toEqual(['wf-eng-adr', 'wf-eng-docs', 'wf-hr-policy']);
    for (const row of view.workflows) {
      const requests = [...eng.requests, ...hr.requests].filter((r) => r.workflow.id === row.workflowId);
      const { workflowId, workflowName, spaceKey, ...kpis } = row;
      expectSameKpis(kpis, computeKpis(records(requests), range));
      expect(workflowName).toBe(requests[0].workflow.name);
      expect(spaceKey).toBe(workflowId.startsWith('wf-hr') ? 'HR' : 'ENG');
    }
    expect(view.spaces.map((s) => s.key)).toEqual(['ENG', 'HR']);
  });

  it('counts every status the requests are in now', async () => {
    const view = ok(await analytics('u-alice'));
    const now = (status: string) => [...eng.requests, ...hr.requests].filter((r) => r.status === status).length;
    expect(view.statusBreakdown).toEqual([
      { status: 'inApproval', count: now('inApproval') },
      { status: 'approved', count: now('approved') },
      { status: 'changesRequested', count: now('changesRequested') },
      { status: 'withdrawn', count: now('withdrawn') },
      { status: 'expired', count: now('expired') },
    ]);
    expect(now('expired')).toBeGreaterThan(0);
  });

  it('counts each thing on the day it happened within a shorter range', async () => {
    const month: DayRange = { from: dayOf(today.getTime() - 60 * DAY), to: dayOf(today.getTime() - 30 * DAY) };
    const view = ok(await analytics('u-alice', { ...month }));
    const { pending: _pending, ...expected } = computeKpis(records([...eng.requests, ...hr.requests]), month);
    const { pending: _actual, ...actual } = view.kpis;
    expectSameKpis({ ...actual, pending: 0 }, { ...expected, pending: 0 });
    expect(view.trend).toHaveLength(31);
  });

  it('filters by space and workflow', async () => {
    const hrOnly = ok(await analytics('u-alice', { spaceIds: [SPACES.HR.id] }));
    expectSameKpis(hrOnly.kpis, computeKpis(records(hr.requests), range));
    const adr = ok(await analytics('u-alice', { workflowIds: ['wf-eng-adr'] }));
    expectSameKpis(adr.kpis, computeKpis(records(eng.requests.filter((r) => r.workflow.id === 'wf-eng-adr')), range));
    expect(adr.workflows.map((w) => w.workflowId)).toEqual(['wf-eng-adr']);
  });

  it('does not count a space the viewer cannot see, even when asked for it', async () => {
    const ivan = ok(await analytics('u-ivan'));
    expectSameKpis(ivan.kpis, computeKpis(records(eng.requests), range));
    expect(ivan.spaces.map((s) => s.key)).toEqual(['ENG']);
    expect(ivan.workflows.some((w) => w.spaceKey === 'HR')).toBe(false);
    const asked = ok(await analytics('u-ivan', { spaceIds: [SPACES.HR.id] }));
    expect(asked.kpis.submitted).toBe(0);
    expect(asked.trend.every((p) => p.submitted === 0)).toBe(true);
  });

  it('refuses a range longer than two years or reversed, with a clear message', async () => {
    const tooLong = refused(await app.as('u-alice').invoke(MODULES.analytics, 'getAnalytics', { from: '2023-01-01', to: '2026-01-01' }));
    expect(tooLong).toMatchObject({ code: 'VALIDATION', message: expect.stringMatching(/at most two years/) });
    const reversed = refused(await app.as('u-alice').invoke(MODULES.analytics, 'getAnalytics', { from: '2026-02-01', to: '2026-01-01' }));
    expect(reversed.code).toBe('VALIDATION');
  });
});
