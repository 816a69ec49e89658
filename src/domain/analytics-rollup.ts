/**
 * Daily rollups: per (UTC day, space, workflow) counts and a histogram of decision durations,
 * maintained incrementally from domain events so analytics never reads requests. Rollups merge by
 * addition, so a year of them answers KPIs, trends and workflow comparisons.
 *
 * Counts follow the events: `approved`/`rejected` count decisions on the day they were taken
 * (including an admin override that ended a review), `overridden` counts every override. Requests
 * still pending are submissions minus requests that left review; that is exact over rollups that
 * start with the space's first submission.
 */
import { type Kpis, type TrendPoint } from '../shared/contract/analytics';
import { type DayRange, approvalRate, assertRange, emptyTrendPoint } from './analytics';
import { type DurationHistogram, histogramPercentile, mergeHistograms, recordDurations, subtractHistogram } from './duration-histogram';
import { type DomainEvent } from './events';
import { type RequestStatus } from './request';
import { daysBetween, minutesBetween, utcDay } from './time';

export interface RollupKey {
  day: string;
  spaceId: string;
  workflowId: string;
}

export const ROLLUP_COUNTERS = ['submitted', 'approved', 'rejected', 'withdrawn', 'expired', 'superseded', 'overridden'] as const;
export type RollupCounter = (typeof ROLLUP_COUNTERS)[number];
export type RollupCounts = Record<RollupCounter, number>;

export interface DailyRollup extends RollupKey {
  counts: RollupCounts;
  /** Submission-to-decision durations (minutes) of the decisions counted in `approved` and `rejected`. */
  decisionMinutes: DurationHistogram;
}

/** A change to one rollup: what an event contributes, or a correction the storage layer applies. */
export interface RollupDelta extends RollupKey {
  counts?: Partial<RollupCounts>;
  decisionMinutes?: number[];
}

export interface RollupFilter {
  spaceIds?: readonly string[];
  workflowIds?: readonly string[];
  range?: DayRange;
}

export interface WorkflowComparisonRow extends Kpis {
  workflowId: string;
}

/** The storage key of a rollup; '|' cannot occur in a day, and ids of spaces and workflows do not contain it. */
export function rollupKey({ day, spaceId, workflowId }: RollupKey): string {
  return `${day}|${spaceId}|${workflowId}`;
}

export function emptyCounts(): RollupCounts {
  return { submitted: 0, approved: 0, rejected: 0, withdrawn: 0, expired: 0, superseded: 0, overridden: 0 };
}

export function emptyRollup(key: RollupKey): DailyRollup {
  return { day: key.day, spaceId: key.spaceId, workflowId: key.workflowId, counts: emptyCounts(), decisionMinutes: {} };
}

/** An override of a request in review ends the review like the matching decision or withdrawal. */
const OVERRIDE_ENDS_REVIEW_AS: Partial<Record<RequestStatus, RollupCounter>> = {
  approved: 'approved',
  changesRequested: 'rejected',
  withdrawn: 'withdrawn',
};

/** What an event adds to its day's rollup, or null for events analytics does not count. */
export function rollupDelta(event: DomainEvent): RollupDelta | null {
  const key = { day: utcDay(event.at), spaceId: event.spaceId, workflowId: event.workflowId };
  const decision = (counter: RollupCounter, submittedAt: string): RollupDelta => ({
    ...key,
    counts: { [counter]: 1 },
    decisionMinutes: [Math.max(0, minutesBetween(submittedAt, event.at))],
  });
  switch (event.type) {
    case 'request.submitted':
      return { ...key, counts: { submitted: 1 } };
    case 'request.approved':
      return decision('approved', event.details.submittedAt);
    case 'request.changesRequested':
      return decision('rejected', event.details.submittedAt);
    case 'request.withdrawn':
      return { ...key, counts: { withdrawn: 1 } };
    case 'request.expired':
      return { ...key, counts: { expired: 1 } };
    case 'request.superseded':
      return { ...key, counts: { superseded: 1 } };
    case 'request.overridden': {
      const ended = event.details.fromStatus === 'inApproval' ? OVERRIDE_ENDS_REVIEW_AS[event.details.toStatus] : undefined;
      if (ended === undefined) return { ...key, counts: { overridden: 1 } };
      if (ended === 'withdrawn') return { ...key, counts: { overridden: 1, withdrawn: 1 } };
      const counted = decision(ended, event.details.submittedAt);
      return { ...counted, counts: { ...counted.counts, overridden: 1 } };
    }
    default:
      return null;
  }
}

/**
 * Adds an event or a delta to the rollup of its key (pass null when none is stored yet). Returns
 * the rollup unchanged (or null) when the event does not count.
 */
export function addToRollup(rollup: DailyRollup | null, input: DomainEvent | RollupDelta): DailyRollup | null {
  const delta = 'type' in input ? rollupDelta(input) : input;
  if (delta === null) return rollup;
  const base = rollup ?? emptyRollup(delta);
  if (rollupKey(base) !== rollupKey(delta)) {
    throw new RangeError(`Delta for ${rollupKey(delta)} added to rollup ${rollupKey(base)}`);
  }
  const counts = { ...base.counts };
  for (const counter of ROLLUP_COUNTERS) counts[counter] += delta.counts?.[counter] ?? 0;
  return { ...base, counts, decisionMinutes: recordDurations(base.decisionMinutes, delta.decisionMinutes ?? []) };
}

export type RollupTotals = Pick<DailyRollup, 'counts' | 'decisionMinutes'>;

/** A workflow's totals over a range of days, and the space it belongs to. */
export interface WorkflowTotals extends RollupTotals {
  workflowId: string;
  spaceId: string;
}

export function emptyTotals(): RollupTotals {
  return { counts: emptyCounts(), decisionMinutes: {} };
}

/** Two sets of totals added up: counters summed, duration histograms merged. */
export function combine<T extends RollupTotals>(a: T, b: RollupTotals): T {
  const counts = { ...a.counts };
  for (const counter of ROLLUP_COUNTERS) counts[counter] += b.counts[counter];
  return { ...a, counts, decisionMinutes: mergeHistograms(a.decisionMinutes, b.decisionMinutes) };
}

/**
 * `a` without `b`, where `b` was counted in `a` (a site's totals without the spaces a viewer
 * cannot see): counters and histograms alike come out exactly as if `a` had been counted without
 * `b`, so KPIs and percentiles of what is left are exact. A counter that would go negative means
 * `b` was not part of `a`: a bug, not a viewer's problem.
 */
export function without<T extends RollupTotals>(a: T, b: RollupTotals): T {
  const counts = { ...a.counts };
  for (const counter of ROLLUP_COUNTERS) {
    counts[counter] -= b.counts[counter];
    if (counts[counter] < 0) throw new RangeError(`Cannot take ${b.counts[counter]} '${counter}' out of totals holding ${a.counts[counter]}`);
  }
  return { ...a, counts, decisionMinutes: subtractHistogram(a.decisionMinutes, b.decisionMinutes) };
}

/** Daily rollups added up per workflow. */
export function workflowTotalsOf(rollups: readonly DailyRollup[]): WorkflowTotals[] {
  const byWorkflow = new Map<string, WorkflowTotals>();
  for (const rollup of rollups) {
    const base = byWorkflow.get(rollup.workflowId) ?? { workflowId: rollup.workflowId, spaceId: rollup.spaceId, ...emptyTotals() };
    byWorkflow.set(rollup.workflowId, combine(base, rollup));
  }
  return [...byWorkflow.values()];
}

export function filterRollups(rollups: readonly DailyRollup[], filter: RollupFilter): DailyRollup[] {
  const { spaceIds, workflowIds, range } = filter;
  if (range !== undefined) assertRange(range);
  return rollups.filter(
    (r) =>
      (spaceIds === undefined || spaceIds.includes(r.spaceId)) &&
      (workflowIds === undefined || workflowIds.includes(r.workflowId)) &&
      (range === undefined || (r.day >= range.from && r.day <= range.to)),
  );
}

function kpisOf(rollups: readonly RollupTotals[]): Kpis {
  const { counts, decisionMinutes } = rollups.reduce<RollupTotals>(combine, emptyTotals());
  const left = counts.approved + counts.rejected + counts.withdrawn + counts.superseded;
  return {
    submitted: counts.submitted,
    approved: counts.approved,
    rejected: counts.rejected,
    withdrawn: counts.withdrawn,
    expired: counts.expired,
    pending: Math.max(0, counts.submitted - left),
    approvalRate: approvalRate(counts.approved, counts.rejected),
    medianMinutesToDecision: histogramPercentile(decisionMinutes, 0.5),
    p90MinutesToDecision: histogramPercentile(decisionMinutes, 0.9),
  };
}

export function kpisFromRollups(rollups: readonly DailyRollup[], filter: RollupFilter = {}): Kpis {
  return kpisOf(filterRollups(rollups, filter));
}

/** One point per UTC day of the range, empty days included. */
export function trendFromRollups(
  rollups: readonly DailyRollup[],
  range: DayRange,
  filter: Omit<RollupFilter, 'range'> = {},
): TrendPoint[] {
  const byDay = new Map<string, TrendPoint>();
  for (const rollup of filterRollups(rollups, { ...filter, range })) {
    const point = byDay.get(rollup.day) ?? emptyTrendPoint(rollup.day);
    byDay.set(rollup.day, point);
    point.submitted += rollup.counts.submitted;
    point.approved += rollup.counts.approved;
    point.rejected += rollup.counts.rejected;
    point.withdrawn += rollup.counts.withdrawn;
    point.expired += rollup.counts.expired;
  }
  return daysBetween(range.from, range.to).map((day) => byDay.get(day) ?? emptyTrendPoint(day));
}

/** KPIs per workflow, busiest first. */
export function workflowComparison(rollups: readonly DailyRollup[], filter: RollupFilter = {}): WorkflowComparisonRow[] {
  return compareWorkflows(workflowTotalsOf(filterRollups(rollups, filter)));
}

/** KPIs per workflow from its totals over the range, busiest first. */
export function compareWorkflows(totals: readonly WorkflowTotals[]): WorkflowComparisonRow[] {
  return totals
    .map((workflow) => ({ workflowId: workflow.workflowId, ...kpisOf([workflow]) }))
    .sort((a, b) => b.submitted - a.submitted || a.workflowId.localeCompare(b.workflowId));
}
