import { toRequestRecord } from '../../support/analytics-oracle';
import { kvs } from '@forge/kvs';
import { type DailyRollup, kpisFromRollups } from '../../../src/domain/analytics-rollup';
import { computeKpis } from '../../../src/domain/analytics';
import { type DomainEvent } from '../../../src/domain/events';
import { ENTITY } from '../../../src/storage/entities';
import { type RollupRow, type StatusRowBody, statusRowKey } from '../../../src/storage/rollup-rows';
import { readDailyRollups } from '../../../src/storage/rollup-reads';
import { applyEventsToRollups } from '../../../src/storage/rollups';
import { SPACES, type TestApp, startApp } from '../support/app';
import { historyWorkflow, simulateHistory } from '../support/request-history';

const YEAR = { from: '2026-01-01', to: '2026-12-31' };

/** Requests of one March day and the next, all in ENG. */
function history(seed: number, idPrefix: string) {
  return simulateHistory({
    workflows: [historyWorkflow('wf-a', SPACES.ENG.id, 'A'), historyWorkflow('wf-b', SPACES.ENG.id, 'B')],
    requests: 40,
    start: new Date('2026-03-10T08:00:00Z'),
    end: new Date('2026-03-11T20:00:00Z'),
    seed,
    idPrefix,
  });
}

describe('analytics rollups', () => {
  let app: TestApp;

  beforeEach(async () => {
    app = await startApp();
  });

  afterEach(() => app.close());

  /** What a manager reads later, once the rollup index caught up with the jobs. */
  const stored = (): Promise<DailyRollup[]> => {
    app.settleIndexes();
    return readDailyRollups(SPACES.ENG.id, YEAR);
  };
  const statusRow = async () =>
    (await kvs.entity<RollupRow<StatusRowBody>>(ENTITY.analyticsRollup).get(statusRowKey(SPACES.ENG.id)))?.body.workflows;

  it('counts an event once, however often it is delivered', async () => {
    const { requests, events } = history(3, 'dup-');
    // Two deliveries of the same job at the same time: one commits, the other finds the markers.
    await Promise.all([applyEventsToRollups(events), applyEventsToRollups(events)]);
    const once = await stored();
    const { pending: _pending, medianMinutesToDecision: _m, p90MinutesToDecision: _p, ...exact } = computeKpis(requests.map(toRequestRecord));
    expect(kpisFromRollups(once)).toMatchObject(exact);
    app.sandbox.ops.reset();
    await applyEventsToRollups(events);
    await applyEventsToRollups([...events.slice(0, 10), ...events.slice(0, 10)]);
    expect(app.sandbox.ops.entries({ kind: 'kvs' }).some((op) => op.operation === 'transaction')).toBe(false);
    expect(await stored()).toEqual(once);
    const inApproval = requests.filter((r) => r.status === 'inApproval').length;
    const counted = Object.values((await statusRow()) ?? {}).reduce((sum, w) => sum + (w.statuses.inApproval ?? 0), 0);
    expect(counted).toBe(inApproval);
  });

  it('loses no update when jobs count different events of the same day at the same time', async () => {
    const first = history(4, 'one-');
    const second = history(5, 'two-');
    const third = history(6, 'three-');
    const jobs: DomainEvent[][] = [];
    for (const { events } of [first, second, third]) {
      for (let i = 0; i < events.length; i += 7) jobs.push(events.slice(i, i + 7));
    }
    await Promise.all(jobs.map((job) => applyEventsToRollups(job)));
    const lostRaces = app.sandbox.ops.entries({ kind: 'kvs' }).filter((op) => op.operation === 'transaction' && op.status === 409);
    expect(lostRaces.length).toBeGreaterThan(0);
    const all = [...first.requests, ...second.requests, ...third.requests];
    const { pending: _pending, medianMinutesToDecision: _m, p90MinutesToDecision: _p, ...exact } = computeKpis(all.map(toRequestRecord));
    expect(kpisFromRollups(await stored())).toMatchObject(exact);
    const statuses = (await statusRow()) ?? {};
    for (const status of ['inApproval', 'approved', 'changesRequested', 'withdrawn', 'superseded'] as const) {
      const counted = Object.values(statuses).reduce((sum, w) => sum + (w.statuses[status] ?? 0), 0);
      expect([status, counted]).toEqual([status, all.filter((r) => r.status === status).length]);
    }
    expect(statuses['wf-a']?.name).toBe('A');
  });

  it('ignores events analytics does not count', async () => {
    const { events } = history(9, 'skip-');
    const uncounted = events.filter((e) => e.type === 'decision.recorded' || e.type === 'step.advanced');
    expect(uncounted.length).toBeGreaterThan(0);
    await applyEventsToRollups(uncounted);
    expect(await stored()).toEqual([]);
    expect(await statusRow()).toBeUndefined();
  });
});
