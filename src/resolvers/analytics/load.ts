/**
 * What an analytics answer is made of, read from rollups only (never from requests): the status
 * rows of the spaces with data, the viewer's visible spaces among them (one Confluence call as
 * the viewer), then per selected space its daily rollups and its workflows, all in parallel.
 */
import { type DailyRollup } from '../../domain/analytics-rollup';
import { type DayRange, assertRange } from '../../domain/analytics';
import { type StatusCounts, addStatusCounts } from '../../domain/status-counts';
import { asUser } from '../../confluence/http';
import { type SpaceInfo, getVisibleSpaces } from '../../confluence/spaces';
import { AppError } from '../../shared/errors';
import { listSpaceWorkflows } from '../../storage/workflows';
import { listSpaceStatusTotals, readDailyRollups } from '../../storage/rollup-reads';

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
  rollups: DailyRollup[];
  /** Requests per status now, per workflow of the counted spaces. */
  statusNow: Map<string, StatusCounts>;
  /** Current names from the workflow rows; a deleted workflow keeps the name it had at its last submission. */
  workflowNames: Map<string, string>;
}

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

export async function loadAnalytics(query: AnalyticsQuery): Promise<AnalyticsData> {
  const range = rangeOf(query);
  const statusRows = await listSpaceStatusTotals();
  const choices = statusRows.length === 0 ? [] : await getVisibleSpaces(asUser(), statusRows.map((row) => row.spaceId));
  const spaces = choices.filter((space) => query.spaceIds === undefined || query.spaceIds.includes(space.id));
  const wantedWorkflow = (workflowId: string) => query.workflowIds === undefined || query.workflowIds.includes(workflowId);

  const [rollups, stored] = await Promise.all([
    Promise.all(spaces.map((space) => readDailyRollups(space.id, range))),
    Promise.all(spaces.map((space) => listSpaceWorkflows(space.id))),
  ]);

  const workflowNames = new Map<string, string>();
  const statusNow = new Map<string, StatusCounts>();
  const counted = new Set(spaces.map((space) => space.id));
  for (const row of statusRows) {
    if (!counted.has(row.spaceId)) continue;
    for (const [workflowId, totals] of Object.entries(row.body.workflows)) {
      if (!wantedWorkflow(workflowId)) continue;
      statusNow.set(workflowId, addStatusCounts(statusNow.get(workflowId) ?? {}, totals.statuses));
      if (totals.name !== undefined) workflowNames.set(workflowId, totals.name);
    }
  }
  for (const workflow of stored.flat()) workflowNames.set(workflow.id, workflow.name);

  return {
    range,
    spaces,
    choices,
    rollups: rollups.flat().filter((rollup) => wantedWorkflow(rollup.workflowId)),
    statusNow,
    workflowNames,
  };
}
