/**
 * Reading the analytics rollups: the site's status rows (which spaces and workflows have data),
 * the site's daily totals and per-workflow block totals, and a space's daily rollups over a range
 * of days. A space or site shard has at most one row per day, so a window of 100 days is one
 * query of at most 100 rows, and the windows of a range are read in parallel; rows read by key
 * go 25 to a batch, the batches in parallel.
 */
import { WhereConditions, kvs } from '@forge/kvs';
import { type DailyRollup, type RollupTotals, type WorkflowTotals, combine, emptyTotals } from '../domain/analytics-rollup';
import { type DayRange } from '../domain/analytics';
import { addDays, utcDay } from '../domain/time';
import { BATCH_LIMIT } from './batch-read';
import { ENTITY, INDEX } from './entities';
import {
  type DayRowBody,
  type RollupRow,
  SITE_SHARD_IDS,
  type SiteBlockBody,
  type SiteDayBody,
  type SiteStatusBody,
  dailyRollupsOf,
  dayRowKey,
  statusRowKey,
  totalsOf,
} from './rollup-rows';

/** The most rows one entity query returns. */
const ROWS_PER_QUERY = 100;

/** Per workflow with data anywhere on the site: its space, its requests per status now, its name at its latest submission. */
export type SiteWorkflows = SiteStatusBody['workflows'];

/** Rows of `analytics-rollup` by key, 25 to a batch, the batches in parallel; missing rows are left out. */
async function rowsByKey<Body>(keys: readonly string[]): Promise<RollupRow<Body>[]> {
  const batches: string[][] = [];
  for (let i = 0; i < keys.length; i += BATCH_LIMIT) batches.push(keys.slice(i, i + BATCH_LIMIT));
  const results = await Promise.all(batches.map((batch) => kvs.batchGet<RollupRow<Body>>(batch.map((key) => ({ key, entityName: ENTITY.analyticsRollup })))));
  return results.flatMap((result) => {
    const failed = result.failedKeys.filter((item) => item.error.code !== 'KEY_NOT_FOUND');
    if (failed.length > 0) throw new Error(`Could not read analytics rows: ${failed.map((item) => `${item.key} (${item.error.code})`).join(', ')}`);
    return result.successfulKeys.map((item) => item.value);
  });
}

/** Every workflow with analytics data on the site, from the shards' status rows (one batch read). */
export async function readSiteWorkflows(): Promise<SiteWorkflows> {
  const rows = await rowsByKey<SiteStatusBody>(SITE_SHARD_IDS.map(statusRowKey));
  return Object.assign({}, ...rows.map((row) => row.body.workflows)) as SiteWorkflows;
}

/** The site's totals per day of the range, all spaces together; days without activity are left out. */
export async function readSiteDays(range: DayRange): Promise<Map<string, RollupTotals>> {
  const shards = await Promise.all(SITE_SHARD_IDS.map((shard) => Promise.all(dayWindows(range).map((window) => readWindow<SiteDayBody>(shard, window)))));
  const days = new Map<string, RollupTotals>();
  for (const row of shards.flat(2)) days.set(row.day, combine(days.get(row.day) ?? emptyTotals(), totalsOf(row.body.totals)));
  return days;
}

/** Per workflow, its totals over the blocks (analytics-blocks.ts), with its space. */
export async function readSiteBlocks(blocks: readonly string[]): Promise<WorkflowTotals[]> {
  const rows = await rowsByKey<SiteBlockBody>(SITE_SHARD_IDS.flatMap((shard) => blocks.map((block) => dayRowKey(shard, block))));
  const byWorkflow = new Map<string, WorkflowTotals>();
  for (const row of rows) {
    for (const [workflowId, stored] of Object.entries(row.body.workflows)) {
      const base = byWorkflow.get(workflowId) ?? { workflowId, spaceId: stored.spaceId, ...emptyTotals() };
      byWorkflow.set(workflowId, combine(base, totalsOf(stored)));
    }
  }
  return [...byWorkflow.values()];
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

/** The day rows of a space or site shard within a window of at most 100 days. */
async function readWindow<Body>(spaceId: string, window: DayRange): Promise<RollupRow<Body>[]> {
  const rows: RollupRow<Body>[] = [];
  let cursor: string | undefined;
  do {
    let query = kvs
      .entity<RollupRow<Body>>(ENTITY.analyticsRollup)
      .query()
      .index(INDEX.analyticsRollup.bySpaceDay, { partition: [spaceId] })
      .where(WhereConditions.between(window.from, window.to))
      .limit(ROWS_PER_QUERY);
    if (cursor !== undefined) query = query.cursor(cursor);
    const page = await query.getMany();
    rows.push(...page.results.map((result) => result.value));
    cursor = page.nextCursor;
  } while (cursor !== undefined);
  return rows;
}

/** Every daily rollup of a space within the range (days without activity have none). */
export async function readDailyRollups(spaceId: string, range: DayRange): Promise<DailyRollup[]> {
  const windows = await Promise.all(dayWindows(range).map((window) => readWindow<DayRowBody>(spaceId, window)));
  return windows.flat().flatMap(dailyRollupsOf);
}
