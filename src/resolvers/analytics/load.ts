/**
 * What an analytics answer is made of, read from rollups only (never from requests), at a cost
 * that does not grow with the requests nor with the spaces a viewer sees:
 *
 * 1. the site's status rows (one batch read) say which spaces and workflows have data;
 * 2. Confluence, asked as the viewer, says which of those spaces they can see;
 * 3. the counted spaces' figures come the cheaper of two exact ways, chosen by counting reads:
 *    the site's totals without the spaces not counted (site day rows for the trend and KPIs,
 *    site block rows for the workflows), when few are left out; or the counted spaces' own day
 *    rows added up, when few are counted. A workflow filter always takes the second way: the
 *    site's day totals are not kept per workflow.
 *
 * Either way only spaces the viewer can see are counted: the site's totals and the spaces' rows
 * are written in one transaction, so subtracting a space takes out exactly what it added.
 */
import { type DayRange, assertRange } from '../../domain/analytics';
import { blocksOfRange } from '../../domain/analytics-blocks';
import { type DailyRollup, type RollupTotals, type WorkflowTotals, without, workflowTotalsOf } from '../../domain/analytics-rollup';
import { type StatusCounts } from '../../domain/status-counts';
import { asUser } from '../../confluence/http';
import { type SpaceInfo, getVisibleSpaces } from '../../confluence/spaces';
import { AppError } from '../../shared/errors';
import { BATCH_LIMIT } from '../../storage/batch-read';
import { SITE_SHARDS } from '../../storage/rollup-rows';
import { dayWindows, readDailyRollups, readSiteBlocks, readSiteDays, readSiteWorkflows } from '../../storage/rollup-reads';

export interface AnalyticsQuery {
  from: string;
  to: string;
  spaceIds?: string[];
  workflowIds?: string[];
}

export interface AnalyticsData {
  range: DayRange;
  /** The spaces counted: visible to the viewer, with data, and selected by the filter. */
  spaces: SpaceInfo[];
  /** Filter choices: every space with data the viewer can see. */
  choices: SpaceInfo[];
  /** Per day of the range with activity, the totals of everything counted. */
  days: DailyRollup[];
  /** Per counted workflow with activity in the range, its totals over the range. */
  workflows: WorkflowTotals[];
  /** Requests per status now, per workflow of the counted spaces. */
  statusNow: Map<string, StatusCounts>;
  /**
   * Every workflow with data in the counted spaces, by its name at its latest submission: read
   * with the status rows, so naming a thousand workflows costs no read of its own.
   */
  workflowNames: Map<string, string>;
}

/** The space and workflow of a day's totals when they add up several spaces and workflows. */
export const ALL = '*';

export function rangeOf(query: AnalyticsQuery): DayRange {
  const range = { from: query.from, to: query.to };
  try {
    assertRange(range);
  } catch (error) {
    if (error instanceof RangeError) throw new AppError('VALIDATION', 'Choose a date range of at most two years (731 days).');
    throw error;
  }
  return range;
}

interface Figures {
  days: DailyRollup[];
  workflows: WorkflowTotals[];
}

/** The counted spaces' own day rows added up (the workflow filter applied row by row). */
async function sumOfSpaces(range: DayRange, spaceIds: readonly string[], wanted: (workflowId: string) => boolean): Promise<Figures> {
  const rollups = (await Promise.all(spaceIds.map((spaceId) => readDailyRollups(spaceId, range)))).flat().filter((rollup) => wanted(rollup.workflowId));
  return { days: rollups, workflows: workflowTotalsOf(rollups) };
}

/** The site's totals without the spaces left out, and its workflows but theirs. */
async function siteWithout(range: DayRange, leftOut: readonly string[], counted: ReadonlySet<string>): Promise<Figures> {
  const [siteDays, blocks, leftOutRollups] = await Promise.all([
    readSiteDays(range),
    readSiteBlocks(blocksOfRange(range)),
    Promise.all(leftOut.map((spaceId) => readDailyRollups(spaceId, range))),
  ]);
  const days = new Map<string, RollupTotals>(siteDays);
  for (const rollup of leftOutRollups.flat()) {
    const total = days.get(rollup.day);
    if (total === undefined) throw new RangeError(`Space ${rollup.spaceId} has totals on ${rollup.day} but the site has none`);
    days.set(rollup.day, without(total, rollup));
  }
  return {
    days: [...days.entries()].map(([day, totals]) => ({ day, spaceId: ALL, workflowId: ALL, ...totals })),
    workflows: blocks.filter((workflow) => counted.has(workflow.spaceId)),
  };
}

export async function loadAnalytics(query: AnalyticsQuery): Promise<AnalyticsData> {
  const range = rangeOf(query);
  const siteWorkflows = await readSiteWorkflows();
  const withData = [...new Set(Object.values(siteWorkflows).map((workflow) => workflow.spaceId))];
  const choices = withData.length === 0 ? [] : await getVisibleSpaces(asUser(), withData);
  const spaces = choices.filter((space) => query.spaceIds === undefined || query.spaceIds.includes(space.id));
  const counted = new Set(spaces.map((space) => space.id));
  const wanted = (workflowId: string) => query.workflowIds === undefined || query.workflowIds.includes(workflowId);
  // The filter's choices: every workflow with data in the counted spaces, whatever the workflow filter.
  const countedWorkflows = Object.entries(siteWorkflows).filter(([, workflow]) => counted.has(workflow.spaceId));

  const leftOut = withData.filter((spaceId) => !counted.has(spaceId));
  const windows = dayWindows(range).length;
  const readsToAdd = windows * counted.size;
  const readsToSubtract = windows * (SITE_SHARDS + leftOut.length) + Math.ceil((SITE_SHARDS * blocksOfRange(range).length) / BATCH_LIMIT);
  const subtract = query.workflowIds === undefined && readsToSubtract < readsToAdd;

  const figures = await (subtract ? siteWithout(range, leftOut, counted) : sumOfSpaces(range, [...counted], wanted));

  const statusNow = new Map<string, StatusCounts>();
  const workflowNames = new Map<string, string>();
  for (const [workflowId, workflow] of countedWorkflows) {
    if (wanted(workflowId)) statusNow.set(workflowId, workflow.statuses);
    if (workflow.name !== undefined) workflowNames.set(workflowId, workflow.name);
  }

  return { range, spaces, choices, ...figures, statusNow, workflowNames };
}
