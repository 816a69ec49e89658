/**
 * Brute-force analytics over whole requests: the oracle the analytics tests compare the app's
 * rollups with. The app never counts this way (it reads rollups), so this lives with the tests.
 */
import { type DayRange, type RequestRecord, assertRange, emptyTrendPoint, outcomeOf } from '../../src/domain/analytics';
import { combine, type DailyRollup, rollupKey } from '../../src/domain/analytics-rollup';
import { type ApprovalRequest, cloneJson } from '../../src/domain/request';
import { daysBetween, utcDay } from '../../src/domain/time';
import { type TrendPoint } from '../../src/shared/contract/analytics';

export function toRequestRecord(request: ApprovalRequest): RequestRecord {
  const record: RequestRecord = {
    spaceId: request.spaceId,
    workflowId: request.workflow.id,
    status: request.status,
    submittedAt: request.submittedAt,
  };
  if (request.decidedAt !== undefined) record.decidedAt = request.decidedAt;
  const withdrawnAt = request.withdrawal?.at ?? (request.override?.toStatus === 'withdrawn' ? request.override.at : undefined);
  if (request.status === 'withdrawn' && withdrawnAt !== undefined) record.withdrawnAt = withdrawnAt;
  if (request.expiredAt !== undefined) record.expiredAt = request.expiredAt;
  return record;
}

/** One point per UTC day of the range, empty days included, so a chart's x axis has no gaps. */
export function dailyTrend(records: readonly RequestRecord[], range: DayRange): TrendPoint[] {
  assertRange(range);
  const points = new Map(daysBetween(range.from, range.to).map((day) => [day, emptyTrendPoint(day)] as const));
  const count = (instant: string | undefined, field: Exclude<keyof TrendPoint, 'day'>) => {
    const point = instant === undefined ? undefined : points.get(utcDay(instant));
    if (point !== undefined) point[field] += 1;
  };
  for (const record of records) {
    count(record.submittedAt, 'submitted');
    count(record.withdrawnAt, 'withdrawn');
    count(record.expiredAt, 'expired');
    const outcome = outcomeOf(record.status);
    if (outcome !== null) count(record.decidedAt, outcome);
  }
  return [...points.values()];
}

/** Combines rollups of the same key (e.g. partial rollups written by concurrent consumers). */
export function mergeRollups(rollups: readonly DailyRollup[]): DailyRollup[] {
  const merged = new Map<string, DailyRollup>();
  for (const rollup of rollups) {
    const key = rollupKey(rollup);
    const existing = merged.get(key);
    merged.set(key, existing === undefined ? cloneJson(rollup) : combine(existing, rollup));
  }
  return [...merged.values()].sort((a, b) => rollupKey(a).localeCompare(rollupKey(b)));
}
