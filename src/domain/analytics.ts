/**
 * Analytics maths over plain request records: KPI totals and a daily trend. Counts follow the day
 * things happened (a request submitted in March and approved in April counts as submitted in
 * March and approved in April), the same as the rollups in `analytics-rollup.ts`.
 */
import { type Kpis, type TrendPoint } from '../shared/contract/analytics';
import { exactPercentile } from './duration-histogram';
import { type RequestStatus } from './request';
import { dayCount, isUtcDay, minutesBetween, utcDay } from './time';

export interface DayRange {
  /** First UTC day, 'yyyy-MM-dd', included. */
  from: string;
  /** Last UTC day, included. */
  to: string;
}

/** A year and a bit is the longest range the analytics page offers; more would mean a bug. */
export const MAX_RANGE_DAYS = 731;

export interface RequestRecord {
  spaceId: string;
  workflowId: string;
  status: RequestStatus;
  submittedAt: string;
  decidedAt?: string;
  withdrawnAt?: string;
  expiredAt?: string;
}

/** What a record's final decision was; an expired request was approved before it expired. */
export function outcomeOf(status: RequestStatus): 'approved' | 'rejected' | null {
  if (status === 'approved' || status === 'expired') return 'approved';
  return status === 'changesRequested' ? 'rejected' : null;
}

export function approvalRate(approved: number, rejected: number): number | null {
  return approved + rejected === 0 ? null : approved / (approved + rejected);
}

export function assertRange(range: DayRange): void {
  if (!isUtcDay(range.from) || !isUtcDay(range.to)) throw new RangeError(`Invalid day range ${range.from}..${range.to}`);
  if (dayCount(range.from, range.to) > MAX_RANGE_DAYS) {
    throw new RangeError(`A range can span at most ${MAX_RANGE_DAYS} days`);
  }
}

function inRange(instant: string | undefined, range: DayRange | undefined): instant is string {
  if (instant === undefined) return false;
  if (range === undefined) return true;
  const day = utcDay(instant);
  return day >= range.from && day <= range.to;
}

/** KPIs of the records, over a range of days or over all time. */
export function computeKpis(records: readonly RequestRecord[], range?: DayRange): Kpis {
  if (range !== undefined) assertRange(range);
  let submitted = 0;
  let approved = 0;
  let rejected = 0;
  let withdrawn = 0;
  let expired = 0;
  let pending = 0;
  const durations: number[] = [];
  for (const record of records) {
    if (inRange(record.submittedAt, range)) submitted += 1;
    if (record.status === 'inApproval' && (range === undefined || utcDay(record.submittedAt) <= range.to)) pending += 1;
    if (inRange(record.withdrawnAt, range)) withdrawn += 1;
    if (inRange(record.expiredAt, range)) expired += 1;
    const outcome = outcomeOf(record.status);
    if (outcome === null || !inRange(record.decidedAt, range)) continue;
    if (outcome === 'approved') approved += 1;
    else rejected += 1;
    durations.push(Math.max(0, minutesBetween(record.submittedAt, record.decidedAt)));
  }
  return {
    submitted,
    approved,
    rejected,
    withdrawn,
    expired,
    pending,
    approvalRate: approvalRate(approved, rejected),
    medianMinutesToDecision: exactPercentile(durations, 0.5),
    p90MinutesToDecision: exactPercentile(durations, 0.9),
  };
}

export function emptyTrendPoint(day: string): TrendPoint {
  return { day, submitted: 0, approved: 0, rejected: 0, withdrawn: 0, expired: 0 };
}
