import { dailyTrend, mergeRollups, toRequestRecord } from '../../support/analytics-oracle';
import fc from 'fast-check';
import {
  type RequestRecord,
  approvalRate,
  computeKpis,
} from '../../../src/domain/analytics';
import {
  type DailyRollup,
  addToRollup,
  emptyRollup,
  filterRollups,
  kpisFromRollups,
  rollupDelta,
  rollupKey,
  trendFromRollups,
  workflowComparison,
} from '../../../src/domain/analytics-rollup';
import {
  MAX_RELATIVE_ERROR,
  OVERFLOW_BUCKET,
  SUB_MINUTE_ABSOLUTE_ERROR,
  bucketEstimate,
  bucketOf,
  exactPercentile,
  histogramCount,
  histogramPercentile,
  mergeHistograms,
  recordDurations,
} from '../../../src/domain/duration-histogram';
import { type DomainEvent } from '../../../src/domain/events';
import { transition } from '../../../src/domain/request-machine';
import { type RequestCommand } from '../../../src/domain/commands';
import { approve, expectOk, reject, step, submitCommand, user, workflow } from './fixtures';

const record = (overrides: Partial<RequestRecord>): RequestRecord => ({
  spaceId: 'S',
  workflowId: 'W',
  status: 'inApproval',
  submittedAt: '2026-03-01T10:00:00Z',
  ...overrides,
});

describe('computeKpis over plain request records', () => {
  const records = [
    record({ status: 'approved', submittedAt: '2026-03-01T10:00:00Z', decidedAt: '2026-03-01T11:00:00Z' }),
    record({ status: 'expired', submittedAt: '2026-03-02T10:00:00Z', decidedAt: '2026-03-02T12:00:00Z', expiredAt: '2026-04-02T00:00:00Z' }),
    record({ status: 'changesRequested', submittedAt: '2026-03-03T10:00:00Z', decidedAt: '2026-03-03T10:30:00Z' }),
    record({ status: 'approved', submittedAt: '2026-03-31T23:00:00Z', decidedAt: '2026-04-01T03:00:00Z' }),
    record({ status: 'withdrawn', submittedAt: '2026-03-04T10:00:00Z', withdrawnAt: '2026-03-05T10:00:00Z' }),
    record({ status: 'inApproval', submittedAt: '2026-03-20T10:00:00Z' }),
    record({ status: 'superseded', submittedAt: '2026-03-21T10:00:00Z' }),
  ];

  it('counts every record over all time', () => {
    expect(computeKpis(records)).toEqual({
      submitted: 7,
      approved: 3,
      rejected: 1,
      withdrawn: 1,
      expired: 1,
      pending: 1,
      approvalRate: 0.75,
      medianMinutesToDecision: 60,
      p90MinutesToDecision: 240,
    });
  });

  it('counts each thing on the day it happened within a range', () => {
    const march = computeKpis(records, { from: '2026-03-01', to: '2026-03-31' });
    expect(march).toMatchObject({ submitted: 7, approved: 2, rejected: 1, withdrawn: 1, expired: 0, pending: 1 });
    expect(march.medianMinutesToDecision).toBe(60);
    const april = computeKpis(records, { from: '2026-04-01', to: '2026-04-30' });
    expect(april).toMatchObject({ submitted: 0, approved: 1, rejected: 0, expired: 1, approvalRate: 1, medianMinutesToDecision: 240 });
    expect(computeKpis(records, { from: '2026-03-01', to: '2026-03-19' }).pending).toBe(0);
  });

  it('has no rate or durations before any decision', () => {
    expect(computeKpis([record({})])).toMatchObject({ approvalRate: null, medianMinutesToDecision: null, p90MinutesToDecision: null });
    expect(approvalRate(0, 0)).toBeNull();
    expect(approvalRate(1, 3)).toBe(0.25);
  });

  it('refuses invalid or oversized ranges', () => {
    expect(() => computeKpis(records, { from: '2026-02-30', to: '2026-03-01' })).toThrow(RangeError);
    expect(() => computeKpis(records, { from: '2026-3-1', to: '2026-03-01' })).toThrow(RangeError);
    expect(() => computeKpis(records, { from: '2020-01-01', to: '2026-03-01' })).toThrow(/at most 731 days/);
  });
});

describe('dailyTrend', () => {
  it('has one point per UTC day, empty days included', () => {
    const trend = dailyTrend(
      [
        record({ status: 'approved', submittedAt: '2026-03-01T23:30:00Z', decidedAt: '2026-03-02T00:30:00Z' }),
        record({ status: 'changesRequested', submittedAt: '2026-02-28T10:00:00Z', decidedAt: '2026-03-03T10:00:00Z' }),
        record({ status: 'withdrawn', submittedAt: '2026-03-03T10:00:00Z', withdrawnAt: '2026-03-03T11:00:00Z' }),
      ],
      { from: '2026-03-01', to: '2026-03-04' },
    );
    expect(trend).toEqual([
      { day: '2026-03-01', submitted: 1, approved: 0, rejected: 0, withdrawn: 0, expired: 0 },
      { day: '2026-03-02', submitted: 0, approved: 1, rejected: 0, withdrawn: 0, expired: 0 },
      { day: '2026-03-03', submitted: 1, approved: 0, rejected: 1, withdrawn: 1, expired: 0 },
      { day: '2026-03-04', submitted: 0, approved: 0, rejected: 0, withdrawn: 0, expired: 0 },
    ]);
  });

  it('crosses month and leap-day boundaries, and is empty for a reversed range', () => {
    expect(dailyTrend([], { from: '2028-02-28', to: '2028-03-01' }).map((p) => p.day)).toEqual(['2028-02-28', '2028-02-29', '2028-03-01']);
    expect(dailyTrend([], { from: '2026-03-02', to: '2026-03-01' })).toEqual([]);
  });
});

describe('toRequestRecord', () => {
  it('takes what analytics needs from a request, withdrawals by override included', () => {
    const wf = workflow([step('s1', [user('bob')])]);
    const start = expectOk(transition(null, submitCommand(wf), '2026-03-01T10:00:00Z')).request;
    const approved = expectOk(transition(start, approve('bob'), '2026-03-01T11:00:00Z')).request;
    expect(toRequestRecord(approved)).toEqual({
      spaceId: 'space-1',
      workflowId: 'wf-1',
      status: 'approved',
      submittedAt: '2026-03-01T10:00:00.000Z',
      decidedAt: '2026-03-01T11:00:00.000Z',
    });
    const setToDraft = expectOk(
      transition(start, { type: 'override', actorId: 'admin', isAdmin: true, targetStatus: 'draft', reason: 'x' }, '2026-03-02T00:00:00Z'),
    ).request;
    expect(toRequestRecord(setToDraft)).toMatchObject({ status: 'withdrawn', withdrawnAt: '2026-03-02T00:00:00.000Z' });
    const expired = expectOk(
      transition(
        expectOk(transition(null, submitCommand(workflow([step('s1', [user('bob')])], { validityDays: 1 })), '2026-03-01T10:00:00Z')).request,
        approve('bob'),
        '2026-03-01T10:00:00Z',
      ),
    ).request;
    const gone = expectOk(transition(expired, { type: 'expire' }, '2026-03-05T00:00:00Z')).request;
    expect(toRequestRecord(gone)).toMatchObject({ status: 'expired', expiredAt: '2026-03-05T00:00:00.000Z' });
  });
});

describe('the duration histogram', () => {
  it('puts durations into fixed log-scale buckets', () => {
    expect(bucketOf(0)).toBe(0);
    expect(bucketOf(0.99)).toBe(0);
    expect(bucketOf(-5)).toBe(0);
    expect(bucketOf(Number.NaN)).toBe(0);
    expect(bucketOf(1)).toBe(1);
    expect(bucketOf(1.18)).toBe(1);
    expect(bucketOf(1.19)).toBe(2);
    expect(bucketOf(2)).toBe(5);
    expect(bucketOf(60)).toBe(24);
    expect(bucketOf(2 ** 20)).toBe(OVERFLOW_BUCKET);
    expect(bucketOf(1e12)).toBe(OVERFLOW_BUCKET);
    expect(bucketEstimate(0)).toBe(0.5);
    expect(bucketEstimate(OVERFLOW_BUCKET)).toBe(2 ** 20);
    expect(bucketEstimate(5)).toBeCloseTo(2 ** (4.5 / 4));
  });

  it('merges by adding counts, and stays sparse', () => {
    const a = recordDurations({}, [1, 1, 60]);
    const b = recordDurations({}, [60, 5000]);
    expect(a).toEqual({ '1': 2, '24': 1 });
    expect(mergeHistograms(a, b)).toEqual({ '1': 2, '24': 2, [String(bucketOf(5000))]: 1 });
    expect(histogramCount(mergeHistograms(a, b))).toBe(5);
    expect(histogramPercentile({}, 0.5)).toBeNull();
    expect(exactPercentile([], 0.5)).toBeNull();
  });

  it('uses nearest-rank percentiles', () => {
    expect(exactPercentile([4, 1, 3, 2], 0.5)).toBe(2);
    expect(exactPercentile(Array.from({ length: 20 }, (_, i) => i + 1), 0.9)).toBe(18);
    expect(exactPercentile([7], 0.9)).toBe(7);
  });

  it('estimates percentiles within the documented bucket error of the exact ones (property)', () => {
    const duration = fc.oneof(
      fc.double({ min: 0, max: 0.999, noNaN: true }),
      fc.double({ min: 1, max: 2 ** 20 - 1, noNaN: true }),
      fc.integer({ min: 1, max: 60 * 24 * 30 }),
    );
    fc.assert(
      fc.property(fc.array(fc.array(duration, { maxLength: 30 }), { minLength: 1, maxLength: 6 }), fc.constantFrom(0.5, 0.9, 0.25, 0.99, 1), (parts, p) => {
        const merged = parts.map((part) => recordDurations({}, part)).reduce(mergeHistograms, {});
        const all = parts.flat();
        const exact = exactPercentile(all, p);
        const estimate = histogramPercentile(merged, p);
        if (exact === null) {
          expect(estimate).toBeNull();
          return;
        }
        expect(estimate).not.toBeNull();
        if (exact < 1) expect(Math.abs(estimate! - exact)).toBeLessThanOrEqual(SUB_MINUTE_ABSOLUTE_ERROR);
        else expect(Math.abs(estimate! - exact) / exact).toBeLessThanOrEqual(MAX_RELATIVE_ERROR + 1e-9);
      }),
      { numRuns: 500 },
    );
  });

  it('reports durations beyond the last boundary as the boundary', () => {
    expect(histogramPercentile(recordDurations({}, [2 ** 21]), 0.5)).toBe(2 ** 20);
  });
});

function lifecycleEvents(): DomainEvent[] {
  const wf = workflow([step('s1', [user('bob'), user('carol')])], { validityDays: 1, onEditDuringReview: 'restart' });
  const events: DomainEvent[] = [];
  const play = (requestId: string, submittedAt: string, commands: [RequestCommand, string][]) => {
    let result = expectOk(transition(null, submitCommand(wf, { requestId, page: { id: requestId, spaceId: 'space-1', version: 1, title: 't', status: 'current' } }), submittedAt));
    events.push(...result.events);
    for (const [command, when] of commands) {
      result = expectOk(transition(result.request, command, when));
      events.push(...result.events);
    }
  };
  play('r1', '2026-03-01T10:00:00Z', [[approve('bob'), '2026-03-01T11:00:00Z']]);
  play('r2', '2026-03-01T12:00:00Z', [[reject('carol'), '2026-03-02T12:00:00Z']]);
  play('r3', '2026-03-02T09:00:00Z', [[{ type: 'withdraw', actorId: 'author', isAdmin: false }, '2026-03-02T10:00:00Z']]);
  play('r4', '2026-03-02T09:00:00Z', [
    [approve('carol'), '2026-03-02T09:30:00Z'],
    [{ type: 'expire' }, '2026-03-04T00:00:00Z'],
  ]);
  play('r5', '2026-03-03T09:00:00Z', [[{ type: 'override', actorId: 'admin', isAdmin: true, targetStatus: 'approved', reason: 'ok' }, '2026-03-03T10:00:00Z']]);
  play('r6', '2026-03-03T09:00:00Z', [[{ type: 'override', actorId: 'admin', isAdmin: true, targetStatus: 'draft', reason: 'no' }, '2026-03-03T10:00:00Z']]);
  play('r7', '2026-03-03T09:00:00Z', [[{ type: 'pageEdited', newVersion: 2, editorId: 'erin', requestId: 'r8' }, '2026-03-03T09:10:00Z']]);
  play('r9', '2026-03-04T09:00:00Z', [
    [reject('bob'), '2026-03-04T10:00:00Z'],
    [{ type: 'override', actorId: 'admin', isAdmin: true, targetStatus: 'approved', reason: 'fine' }, '2026-03-04T11:00:00Z'],
  ]);
  return events;
}

function rollupsOf(events: readonly DomainEvent[]): DailyRollup[] {
  const byKey = new Map<string, DailyRollup>();
  for (const event of events) {
    const delta = rollupDelta(event);
    if (delta === null) continue;
    const key = rollupKey(delta);
    byKey.set(key, addToRollup(byKey.get(key) ?? null, event)!);
  }
  return [...byKey.values()];
}

describe('rollups', () => {
  it('turn each counted event into a delta for its day, space and workflow', () => {
    const deltas = lifecycleEvents().map((e) => [e.type, e.requestId, rollupDelta(e)] as const);
    const counted = deltas.filter(([, , delta]) => delta !== null).map(([type, id, delta]) => [type, id, delta!.day, delta!.counts, delta!.decisionMinutes]);
    expect(counted).toEqual([
      ['request.submitted', 'r1', '2026-03-01', { submitted: 1 }, undefined],
      ['request.approved', 'r1', '2026-03-01', { approved: 1 }, [60]],
      ['request.submitted', 'r2', '2026-03-01', { submitted: 1 }, undefined],
      ['request.changesRequested', 'r2', '2026-03-02', { rejected: 1 }, [1440]],
      ['request.submitted', 'r3', '2026-03-02', { submitted: 1 }, undefined],
      ['request.withdrawn', 'r3', '2026-03-02', { withdrawn: 1 }, undefined],
      ['request.submitted', 'r4', '2026-03-02', { submitted: 1 }, undefined],
      ['request.approved', 'r4', '2026-03-02', { approved: 1 }, [30]],
      ['request.expired', 'r4', '2026-03-04', { expired: 1 }, undefined],
      ['request.submitted', 'r5', '2026-03-03', { submitted: 1 }, undefined],
      ['request.overridden', 'r5', '2026-03-03', { approved: 1, overridden: 1 }, [60]],
      ['request.submitted', 'r6', '2026-03-03', { submitted: 1 }, undefined],
      ['request.overridden', 'r6', '2026-03-03', { overridden: 1, withdrawn: 1 }, undefined],
      ['request.submitted', 'r7', '2026-03-03', { submitted: 1 }, undefined],
      ['request.superseded', 'r7', '2026-03-03', { superseded: 1 }, undefined],
      ['request.submitted', 'r8', '2026-03-03', { submitted: 1 }, undefined],
      ['request.submitted', 'r9', '2026-03-04', { submitted: 1 }, undefined],
      ['request.changesRequested', 'r9', '2026-03-04', { rejected: 1 }, [60]],
      ['request.overridden', 'r9', '2026-03-04', { overridden: 1 }, undefined],
    ]);
    expect(deltas.filter(([, , delta]) => delta === null).map(([type]) => type)).toEqual(['decision.recorded', 'decision.recorded', 'decision.recorded', 'decision.recorded']);
  });

  it('give KPIs, trend and comparison without reading a single request', () => {
    const rollups = rollupsOf(lifecycleEvents());
    const { medianMinutesToDecision, p90MinutesToDecision, ...counts } = kpisFromRollups(rollups);
    expect(counts).toEqual({ submitted: 9, approved: 3, rejected: 2, withdrawn: 2, expired: 1, pending: 1, approvalRate: 0.6 });
    // Decision times were 60, 1440, 30, 60 and 60 minutes.
    expect(Math.abs(medianMinutesToDecision! - 60) / 60).toBeLessThanOrEqual(MAX_RELATIVE_ERROR);
    expect(Math.abs(p90MinutesToDecision! - 1440) / 1440).toBeLessThanOrEqual(MAX_RELATIVE_ERROR);
    expect(trendFromRollups(rollups, { from: '2026-03-02', to: '2026-03-05' })).toEqual([
      { day: '2026-03-02', submitted: 2, approved: 1, rejected: 1, withdrawn: 1, expired: 0 },
      { day: '2026-03-03', submitted: 4, approved: 1, rejected: 0, withdrawn: 1, expired: 0 },
      { day: '2026-03-04', submitted: 1, approved: 0, rejected: 1, withdrawn: 0, expired: 1 },
      { day: '2026-03-05', submitted: 0, approved: 0, rejected: 0, withdrawn: 0, expired: 0 },
    ]);
    expect(kpisFromRollups(rollups, { range: { from: '2026-03-03', to: '2026-03-03' } })).toMatchObject({ submitted: 4, approved: 1, withdrawn: 1 });
    expect(kpisFromRollups(rollups, { spaceIds: ['other'] })).toMatchObject({ submitted: 0, approvalRate: null, medianMinutesToDecision: null });
  });

  it('compare workflows, busiest first', () => {
    const make = (workflowId: string, submitted: number, approved: number): DailyRollup => ({
      ...emptyRollup({ day: '2026-03-01', spaceId: 'S', workflowId }),
      counts: { ...emptyRollup({ day: '', spaceId: '', workflowId: '' }).counts, submitted, approved },
    });
    const rows = workflowComparison([make('b', 2, 1), make('a', 2, 2), make('c', 5, 0), make('b', 1, 0), make('d', 3, 3)]);
    expect(rows.map((r) => [r.workflowId, r.submitted, r.approved])).toEqual([
      ['c', 5, 0],
      ['b', 3, 1],
      ['d', 3, 3],
      ['a', 2, 2],
    ]);
    expect(rows[2]).toMatchObject({ approvalRate: 1, pending: 0 });
    expect(workflowComparison([make('a', 1, 0)], { workflowIds: ['b'] })).toEqual([]);
  });

  it('merge partial rollups of the same key and keep others apart', () => {
    const key = { day: '2026-03-01', spaceId: 'S', workflowId: 'W' };
    const one = addToRollup(null, { ...key, counts: { submitted: 2 }, decisionMinutes: [5] })!;
    const two = addToRollup(null, { ...key, counts: { approved: 1 }, decisionMinutes: [5, 500] })!;
    const other = addToRollup(null, { ...key, day: '2026-03-02', counts: { submitted: 1 } })!;
    const merged = mergeRollups([one, other, two]);
    expect(merged).toHaveLength(2);
    expect(merged[0]).toEqual({
      ...key,
      counts: { submitted: 2, approved: 1, rejected: 0, withdrawn: 0, expired: 0, superseded: 0, overridden: 0 },
      decisionMinutes: { [String(bucketOf(5))]: 2, [String(bucketOf(500))]: 1 },
    });
    expect(one.counts.approved).toBe(0);
  });

  it('refuse a delta for another key, and ignore events that do not count', () => {
    const rollup = emptyRollup({ day: '2026-03-01', spaceId: 'S', workflowId: 'W' });
    expect(() => addToRollup(rollup, { day: '2026-03-02', spaceId: 'S', workflowId: 'W' })).toThrow(RangeError);
    const decision = lifecycleEvents().find((e) => e.type === 'decision.recorded')!;
    expect(addToRollup(rollup, decision)).toBe(rollup);
    expect(addToRollup(null, decision)).toBeNull();
    expect(filterRollups([rollup], { workflowIds: ['W'], spaceIds: ['S'] })).toEqual([rollup]);
  });

  it('agree with KPIs computed from the requests themselves (property)', () => {
    const outcome = fc.constantFrom('approve', 'reject', 'withdraw', 'pending', 'expire');
    const scenario = fc.array(
      fc.record({ outcome, startMinute: fc.integer({ min: 0, max: 60 * 24 * 20 }), delay: fc.integer({ min: 0, max: 60 * 24 * 5 }) }),
      { maxLength: 25 },
    );
    fc.assert(
      fc.property(scenario, (requests) => {
        const wf = workflow([step('s1', [user('bob')])], { validityDays: 1 });
        const events: DomainEvent[] = [];
        const records: RequestRecord[] = [];
        const base = Date.parse('2026-03-01T00:00:00Z');
        requests.forEach(({ outcome: o, startMinute, delay }, i) => {
          const when = (minute: number) => new Date(base + minute * 60_000);
          const page = { id: `p${i}`, spaceId: 'space-1', version: 1, title: 't', status: 'current' as const };
          let result = expectOk(transition(null, submitCommand(wf, { requestId: `r${i}`, page }), when(startMinute)));
          events.push(...result.events);
          const next = (command: RequestCommand, minute: number) => {
            result = expectOk(transition(result.request, command, when(minute)));
            events.push(...result.events);
          };
          if (o === 'approve' || o === 'expire') next(approve('bob'), startMinute + delay);
          if (o === 'expire') next({ type: 'expire' }, startMinute + delay + 60 * 24 * 2);
          if (o === 'reject') next(reject('bob'), startMinute + delay);
          if (o === 'withdraw') next({ type: 'withdraw', actorId: 'author', isAdmin: false }, startMinute + delay);
          records.push(toRequestRecord(result.request));
        });
        const fromRecords = computeKpis(records);
        const fromRollups = kpisFromRollups(rollupsOf(events));
        const { medianMinutesToDecision: m1, p90MinutesToDecision: p1, ...counts1 } = fromRecords;
        const { medianMinutesToDecision: m2, p90MinutesToDecision: p2, ...counts2 } = fromRollups;
        expect(counts2).toEqual(counts1);
        for (const [exact, estimate] of [
          [m1, m2],
          [p1, p2],
        ] as const) {
          if (exact === null) expect(estimate).toBeNull();
          else if (exact < 1) expect(Math.abs(estimate! - exact)).toBeLessThanOrEqual(SUB_MINUTE_ABSOLUTE_ERROR);
          else expect(Math.abs(estimate! - exact) / exact).toBeLessThanOrEqual(MAX_RELATIVE_ERROR + 1e-9);
        }
        const range = { from: '2026-03-01', to: '2026-03-31' };
        expect(trendFromRollups(rollupsOf(events), range)).toEqual(dailyTrend(records, range));
      }),
      { numRuns: 150 },
    );
  });
});
