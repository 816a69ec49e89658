/**
 * Reading the analytics rollups: which spaces have data (their status rows) and a space's daily
 * rollups over a range of days. A space has at most one row per day, so a window of 100 days is
 * one query of at most 100 rows, and the windows of a range are read in parallel.
 */
import { WhereConditions, kvs } from '@forge/kvs';
import { type DailyRollup } from '../domain/analytics-rollup';
import { type DayRange } from '../domain/analytics';
import { addDays, utcDay } from '../domain/time';
import { ENTITY, INDEX } from './entities';
import { type DayRowBody, type RollupRow, STATUS_ROW_DAY, type StatusRowBody, dailyRollupsOf } from './rollup-rows';

/** The most rows one entity query returns. */
const ROWS_PER_QUERY = 100;

/** What the status row of a space says: per workflow, its requests per status now and its name. */
export type SpaceStatusTotals = RollupRow<StatusRowBody>;

/** The status rows of every space that has analytics data, in space id order. */
export async function listSpaceStatusTotals(): Promise<SpaceStatusTotals[]> {
  const rows: SpaceStatusTotals[] = [];
  let cursor: string | undefined;
  do {
    let query = kvs
      .entity<SpaceStatusTotals>(ENTITY.analyticsRollup)
      .query()
      .index(INDEX.analyticsRollup.byDay, { partition: [STATUS_ROW_DAY] })
      .limit(ROWS_PER_QUERY);
    if (cursor !== undefined) query = query.cursor(cursor);
    const page = await query.getMany();
    rows.push(...page.results.map((result) => result.value));
    cursor = page.nextCursor;
  } while (cursor !== undefined);
  return rows;
}

/** Consecutive windows of at most 100 days covering the range. */
export function dayWindows(range: DayRange): DayRange[] {
  const windows: DayRange[] = [];
  for (let from = range.from; from <= range.to; from = utcDay(addDays(`${from}T00:00:00.000Z`, ROWS_PER_QUERY))) {
    const last = utcDay(addDays(`${from}T00:00:00.000Z`, ROWS_PER_QUERY - 1));
    windows.push({ from, to: last < range.to ? last : range.to });
  }
  return windows;
}

async function readWindow(spaceId: string, window: DayRange): Promise<DailyRollup[]> {
  const rollups: DailyRollup[] = [];
  let cursor: string | undefined;
  do {
    let query = kvs
      .entity<RollupRow<DayRowBody>>(ENTITY.analyticsRollup)
      .query()
      .index(INDEX.analyticsRollup.bySpaceDay, { partition: [spaceId] })
      .where(WhereConditions.between(window.from, window.to))
      .limit(ROWS_PER_QUERY);
    if (cursor !== undefined) query = query.cursor(cursor);
    const page = await query.getMany();
    for (const result of page.results) rollups.push(...dailyRollupsOf(result.value));
    cursor = page.nextCursor;
  } while (cursor !== undefined);
  return rollups;
}

/** Every daily rollup of a space within the range (days without activity have none). */
export async function readDailyRollups(spaceId: string, range: DayRange): Promise<DailyRollup[]> {
  const windows = await Promise.all(dayWindows(range).map((window) => readWindow(spaceId, window)));
  return windows.flat();
}
