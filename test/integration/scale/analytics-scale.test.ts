/**
 * Analytics at scale (issue 16): the figures come from the site's totals with the spaces a viewer
 * cannot see subtracted, or from the visible spaces' own rows added up, whichever reads less; either
 * way they must equal a brute-force count over the requests the viewer may see. Then the cost:
 * the same storage reads at 10× and 100× the spaces and requests.
 */
import { dailyTrend, toRequestRecord } from '../../support/analytics-oracle';
import { type DayRange, computeKpis } from '../../../src/domain/analytics';
import { MAX_RELATIVE_ERROR } from '../../../src/domain/duration-histogram';
import { type ApprovalRequest } from '../../../src/domain/request';
import { type AnalyticsView, type Kpis, MAX_COMPARED_WORKFLOWS } from '../../../src/shared/contract/analytics';
import { type Workflow } from '../../../src/shared/workflow';
import { applyEventsToRollups } from '../../../src/storage/rollups';
import { MODULES, type TestApp, ok, startApp } from '../support/app';
import { historyWorkflow, simulateHistory } from '../support/request-history';
import { seedRollups } from '../support/rollup-seed';
import { syntheticEvents } from '../support/synthetic-events';

const DAY = 24 * 60 * 60 * 1000;
const dayOf = (ms: number) => new Date(ms).toISOString().slice(0, 10);

/** Durations within the histogram's documented error of the exact percentile, counts exactly equal. */
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

const VIEWERS = {
  all: 'u-scale-all',
  most: 'u-scale-most',
  few: 'u-scale-few',
} as const;

const SPACE_COUNT = 30;
/** Who sees space i: everyone sees the first three, `most` misses every tenth, `few` sees only the first three. */
const sees = (viewer: keyof typeof VIEWERS, i: number): boolean => viewer === 'all' || (viewer === 'most' ? i % 10 !== 5 : i < 3);

describe('analytics counts exactly the spaces each viewer can see', () => {
  let app: TestApp;
  const spaceIds: string[] = [];
  const workflows: Workflow[] = [];
  const requests: ApprovalRequest[] = [];
  const now = Date.now();
  const range: DayRange = { from: dayOf(now - 120 * DAY), to: dayOf(now) };

  const analytics = async (viewer: keyof typeof VIEWERS, filter: Record<string, unknown> = {}) => {
    const view = ok((await app.as(VIEWERS[viewer]).invoke(MODULES.analytics, 'getAnalytics', { ...range, ...filter })) as AnalyticsView);
    const call = app.sandbox.ops.lastInvocation('resolver');
    if (call === undefined) throw new Error('no resolver invocation recorded');
    return { view, reads: app.sandbox.ops.storageRoundTrips(call.id) };
  };

  /** What a brute-force count over these requests says the page shows. */
  function expectViewOf(view: AnalyticsView, counted: readonly ApprovalRequest[]): void {
    const records = counted.map(toRequestRecord);
    expectSameKpis(view.kpis, computeKpis(records, range));
    expect(view.trend).toEqual(dailyTrend(records, range));
    const byWorkflow = new Map<string, ApprovalRequest[]>();
    for (const request of counted) byWorkflow.set(request.workflow.id, [...(byWorkflow.get(request.workflow.id) ?? []), request]);
    expect(view.workflows.map((row) => row.workflowId).sort()).toEqual([...byWorkflow.keys()].sort());
    for (const { workflowId, workflowName: _name, spaceKey: _key, ...kpis } of view.workflows) {
      expectSameKpis(kpis, computeKpis((byWorkflow.get(workflowId) ?? []).map(toRequestRecord), range));
    }
    const inStatus = (status: string) => counted.filter((request) => request.status === status).length;
    expect(view.statusBreakdown).toEqual(['inApproval', 'approved', 'changesRequested', 'withdrawn', 'expired'].map((status) => ({ status, count: inStatus(status) })));
  }

  const visibleRequests = (viewer: keyof typeof VIEWERS) => requests.filter((request) => sees(viewer, spaceIds.indexOf(request.spaceId)));

  beforeAll(async () => {
    app = await startApp();
    const site = app.site();
    for (const accountId of Object.values(VIEWERS)) site.addUser({ accountId, displayName: accountId });
    for (let i = 0; i < SPACE_COUNT; i += 1) {
      const space = site.addSpace({ key: `SCALE${i}`, name: `Scale ${i}`, authorId: 'u-alice' }) as { id: string };
      spaceIds.push(space.id);
      for (const viewer of Object.keys(VIEWERS) as (keyof typeof VIEWERS)[]) {
        if (sees(viewer, i)) site.grantSpacePermission(space.id, { type: 'user', id: VIEWERS[viewer] }, 'view');
      }
      const own = Array.from({ length: i % 3 === 0 ? 2 : 1 }, (_, w) => historyWorkflow(`wf-scale-${i}-${w}`, space.id, `Scale ${i}.${w}`, { validityDays: 20 }));
      workflows.push(...own);
      const history = simulateHistory({ workflows: own, requests: 14, start: new Date(now - 100 * DAY), end: new Date(now - 60_000), seed: i + 11, idPrefix: `scale${i}-` });
      requests.push(...history.requests);
      // Through the effects' own write path: the spaces' rows and the site's, one transaction each run.
      await applyEventsToRollups(history.events);
    }
    app.settleIndexes();
  }, 120_000);

  afterAll(() => app.close());

  it('counts every space for a viewer who sees them all, from the site totals', async () => {
    const { view, reads } = await analytics('all');
    expectViewOf(view, requests);
    expect(view.spaces).toHaveLength(SPACE_COUNT);
    // The site's rows, not thirty spaces' (which would be 60 queries for this range).
    expect(reads).toBeLessThanOrEqual(25);
  });

  it('subtracts exactly the spaces a viewer cannot see', async () => {
    const { view } = await analytics('most');
    expectViewOf(view, visibleRequests('most'));
    expect(view.spaces.map((space) => space.id).sort()).toEqual(spaceIds.filter((_, i) => sees('most', i)).sort());
    expect(visibleRequests('most').length).toBeLessThan(requests.length);
  });

  it("adds up the few spaces a viewer sees, the same figures the site's totals would give", async () => {
    const { view, reads } = await analytics('few');
    expectViewOf(view, visibleRequests('few'));
    expect(reads).toBeLessThanOrEqual(10);
  });

  it('gives the same figures either way: site totals minus the hidden spaces, or the visible spaces added up', async () => {
    const subtracted = (await analytics('most')).view;
    // A workflow filter naming every visible workflow always adds up the spaces' own rows.
    const visibleWorkflows = workflows.filter((workflow) => sees('most', spaceIds.indexOf(workflow.spaceId))).map((workflow) => workflow.id);
    const added = (await analytics('most', { workflowIds: visibleWorkflows.slice(0, 100) })).view;
    expect(visibleWorkflows.length).toBeLessThanOrEqual(100);
    expect({ ...added, generatedAt: '' }).toEqual({ ...subtracted, generatedAt: '' });
  });

  it('keeps the space and workflow filters to what the viewer can see', async () => {
    const hidden = spaceIds[5];
    const shown = spaceIds[4];
    const { view: bySpace } = await analytics('most', { spaceIds: [shown, hidden] });
    expectViewOf(bySpace, requests.filter((request) => request.spaceId === shown));
    const hiddenWorkflow = workflows.find((workflow) => workflow.spaceId === hidden)?.id ?? '';
    const shownWorkflow = workflows.find((workflow) => workflow.spaceId === shown)?.id ?? '';
    const { view: byWorkflow } = await analytics('few', { workflowIds: [shownWorkflow, hiddenWorkflow, 'wf-scale-0-1'] });
    expectViewOf(byWorkflow, requests.filter((request) => request.workflow.id === 'wf-scale-0-1'));
    const { view: both } = await analytics('all', { spaceIds: [shown, hidden], workflowIds: [hiddenWorkflow] });
    expectViewOf(both, requests.filter((request) => request.workflow.id === hiddenWorkflow));
  });
});

describe('analytics costs the same reads at 10× and 100× the spaces and requests', () => {
  const YEAR: DayRange = { from: dayOf(Date.now() - 364 * DAY), to: dayOf(Date.now()) };

  /** A site of `spaces` spaces (one workflow each) and `requests` requests over the year; the reads of one page load per viewer. */
  async function readsAt(spaces: number, requests: number): Promise<{ all: number; few: number; submitted: number; listed: number; notShown: number }> {
    const app = await startApp();
    try {
      const site = app.site();
      site.addUser({ accountId: VIEWERS.all, displayName: 'All' });
      site.addUser({ accountId: VIEWERS.few, displayName: 'Few' });
      const workflows = Array.from({ length: spaces }, (_, i) => {
        const space = site.addSpace({ key: `FLAT${i}`, name: `Flat ${i}`, authorId: 'u-alice' }) as { id: string };
        site.grantSpacePermission(space.id, { type: 'user', id: VIEWERS.all }, 'view');
        if (i < 2) site.grantSpacePermission(space.id, { type: 'user', id: VIEWERS.few }, 'view');
        return historyWorkflow(`wf-flat-${i}`, space.id, `Flat ${i}`);
      });
      await seedRollups(syntheticEvents({ workflows, requests, start: new Date(Date.now() - 360 * DAY), end: new Date(), seed: 5 }));
      app.settleIndexes();
      const reads = async (viewer: string) => {
        const view = ok((await app.as(viewer).invoke(MODULES.analytics, 'getAnalytics', YEAR)) as AnalyticsView);
        const call = app.sandbox.ops.lastInvocation('resolver');
        return { view, reads: app.sandbox.ops.storageRoundTrips(call?.id) };
      };
      const all = await reads(VIEWERS.all);
      const few = await reads(VIEWERS.few);
      return { all: all.reads, few: few.reads, submitted: all.view.kpis.submitted, listed: all.view.workflows.length, notShown: all.view.workflowsNotShown };
    } finally {
      app.close();
    }
  }

  it('reads the same for a viewer who sees every space and for one who sees two', async () => {
    const tenfold = await readsAt(20, 2_000);
    const hundredfold = await readsAt(200, 20_000);
    expect(tenfold.submitted).toBe(2_000);
    expect(hundredfold.submitted).toBe(20_000);
    expect(hundredfold.all).toBe(tenfold.all);
    expect(hundredfold.few).toBe(tenfold.few);
    expect(tenfold.few).toBeLessThanOrEqual(10);
    // The comparison lists the busiest hundred of the 200 workflows and says how many more there are.
    expect([hundredfold.listed, hundredfold.notShown]).toEqual([MAX_COMPARED_WORKFLOWS, 100]);
    expect([tenfold.listed, tenfold.notShown]).toEqual([20, 0]);
  }, 240_000);
});
