/**
 * The rows of entity `analytics-rollup` and how they map to the domain's daily rollups.
 *
 * A day row (key `${spaceId}:${day}`) holds the day's totals of every workflow of the space,
 * so a year of a space is 365 rows, read 100 at a time. A space's status row (key
 * `${spaceId}:now`, day NONE) holds how many of its requests are in each status now, per
 * workflow; listing the status rows (index by-day, partition NONE) lists the spaces analytics
 * has data for. Counters that are zero are left out to keep rows small.
 */
import { type DailyRollup, ROLLUP_COUNTERS, type RollupCounts, addToRollup, emptyCounts } from '../domain/analytics-rollup';
import { type DurationHistogram } from '../domain/duration-histogram';
import { type DomainEvent } from '../domain/events';
import { type StatusCounts, applyStatusMove, statusMove } from '../domain/status-counts';
import { utcDay } from '../domain/time';
import { NONE } from './entities';

/** The day of a space's status row: NONE sorts before every date, so range queries never meet it. */
export const STATUS_ROW_DAY = NONE;

export interface WorkflowDayTotals {
  counts: Partial<RollupCounts>;
  decisionMinutes: DurationHistogram;
}

export interface DayRowBody {
  workflows: Record<string, WorkflowDayTotals>;
}

export interface WorkflowStatusTotals {
  statuses: StatusCounts;
  /** The workflow's name at its latest submission: analytics still names a deleted workflow. */
  name?: string;
}

export interface StatusRowBody {
  workflows: Record<string, WorkflowStatusTotals>;
}

/** One row of `analytics-rollup`; `revision` is the optimistic lock of concurrent updates. */
export interface RollupRow<Body = DayRowBody | StatusRowBody> {
  spaceId: string;
  day: string;
  revision: number;
  body: Body;
}

export const dayRowKey = (spaceId: string, day: string): string => `${spaceId}:${day}`;
export const statusRowKey = (spaceId: string): string => `${spaceId}:now`;

/** Where an event is recorded as counted; its key is the event's audit key, unique per event. */
export const appliedMarkerKey = (event: Pick<DomainEvent, 'requestId' | 'revision'>): string =>
  `rollup-applied:${event.requestId}:${event.revision}`;

export function toDailyRollup(spaceId: string, day: string, workflowId: string, totals: WorkflowDayTotals | undefined): DailyRollup {
  return {
    day,
    spaceId,
    workflowId,
    counts: { ...emptyCounts(), ...(totals?.counts ?? {}) },
    decisionMinutes: { ...(totals?.decisionMinutes ?? {}) },
  };
}

export function toWorkflowDayTotals(rollup: DailyRollup): WorkflowDayTotals {
  const counts: Partial<RollupCounts> = {};
  for (const counter of ROLLUP_COUNTERS) if (rollup.counts[counter] !== 0) counts[counter] = rollup.counts[counter];
  return { counts, decisionMinutes: rollup.decisionMinutes };
}

/** The daily rollups a day row holds, one per workflow. */
export function dailyRollupsOf(row: RollupRow<DayRowBody>): DailyRollup[] {
  return Object.entries(row.body.workflows).map(([workflowId, totals]) => toDailyRollup(row.spaceId, row.day, workflowId, totals));
}

/** A space's rows as stored: the day rows by day, and its status row. */
export interface SpaceRows {
  dayRows: Map<string, RollupRow<DayRowBody>>;
  statusRow: RollupRow<StatusRowBody> | undefined;
}

/**
 * The space's rows once the events are counted: the day rows they change and the status row,
 * each one revision past the stored row (revision 1 for a new row). The stored rows are not
 * changed; events of other spaces are not expected here.
 */
export function foldEvents(spaceId: string, stored: SpaceRows, events: readonly DomainEvent[]): SpaceRows & { statusRow: RollupRow<StatusRowBody> } {
  const dayRows = new Map<string, RollupRow<DayRowBody>>();
  const statuses: StatusRowBody = { workflows: { ...(stored.statusRow?.body.workflows ?? {}) } };
  for (const event of events) {
    const day = utcDay(event.at);
    let row = dayRows.get(day);
    if (row === undefined) {
      const base = stored.dayRows.get(day);
      row = { spaceId, day, revision: (base?.revision ?? 0) + 1, body: { workflows: { ...(base?.body.workflows ?? {}) } } };
      dayRows.set(day, row);
    }
    const current = toDailyRollup(spaceId, day, event.workflowId, row.body.workflows[event.workflowId]);
    row.body.workflows[event.workflowId] = toWorkflowDayTotals(addToRollup(current, event) ?? current);

    const move = statusMove(event);
    const workflow = statuses.workflows[event.workflowId] ?? { statuses: {} };
    const name = event.type === 'request.submitted' ? event.details.workflow.name : workflow.name;
    statuses.workflows[event.workflowId] = {
      statuses: move === null ? workflow.statuses : applyStatusMove(workflow.statuses, move),
      ...(name === undefined ? {} : { name }),
    };
  }
  return {
    dayRows,
    statusRow: { spaceId, day: STATUS_ROW_DAY, revision: (stored.statusRow?.revision ?? 0) + 1, body: statuses },
  };
}
