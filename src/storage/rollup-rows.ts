/**
 * The rows of entity `analytics-rollup` and how they map to the domain's daily rollups.
 *
 * Per space: a day row (key `${spaceId}:${day}`) holds the day's totals of every workflow of the
 * space, so a year of a space is 365 rows, read 100 at a time; a status row (key
 * `${spaceId}:now`, day NONE) holds how many of its requests are in each status now, per
 * workflow.
 *
 * Site-wide, in eight shards (a space's rows all go to one shard, chosen from its id, so one
 * change touches one shard and writers of different spaces rarely meet): the shard's day rows
 * (`site-<n>:<day>`) hold each day's totals of all its spaces together, for trends; its block rows
 * (`site-<n>:<block>`, blocks of analytics-blocks.ts) hold per workflow the totals of a month or
 * of a run of days, for KPIs per workflow over any range from a few rows; its status row
 * (`site-<n>:now`) holds per workflow its space, its requests per status now and its name, and so
 * also says which spaces have data. Counters that are zero are left out to keep rows small.
 */
import { blocksOfDay } from '../domain/analytics-blocks';
import { type DailyRollup, ROLLUP_COUNTERS, type RollupCounts, type RollupTotals, emptyCounts, rollupDelta } from '../domain/analytics-rollup';
import { type DurationHistogram, bucketOf } from '../domain/duration-histogram';
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

/** The totals of a site shard's day, all its spaces and workflows together. */
export interface SiteDayBody {
  totals: WorkflowDayTotals;
}

export interface SiteBlockBody {
  workflows: Record<string, WorkflowDayTotals & { spaceId: string }>;
}

export interface SiteStatusBody {
  workflows: Record<string, WorkflowStatusTotals & { spaceId: string }>;
}

/** One row of `analytics-rollup`; `revision` is the optimistic lock of concurrent updates. */
export interface RollupRow<Body = DayRowBody | StatusRowBody | SiteDayBody | SiteBlockBody | SiteStatusBody> {
  spaceId: string;
  day: string;
  revision: number;
  body: Body;
}

export const dayRowKey = (spaceId: string, day: string): string => `${spaceId}:${day}`;
export const statusRowKey = (spaceId: string): string => `${spaceId}:now`;

/** Shards of the site-wide rows: enough that a shard's block row stays far below 240 KiB with thousands of workflows. */
export const SITE_SHARDS = 8;
/** The `spaceId` of a site shard's rows; Confluence space ids are numbers, so none is taken for a space's. */
export const siteShardId = (shard: number): string => `site-${shard}`;
export const SITE_SHARD_IDS: readonly string[] = Array.from({ length: SITE_SHARDS }, (_, shard) => siteShardId(shard));

/** The site shard of a space (FNV-1a of its id): fixed, so a space's history stays in one shard. */
export function siteShardOf(spaceId: string): string {
  let hash = 0x811c9dc5;
  for (let i = 0; i < spaceId.length; i += 1) hash = Math.imul(hash ^ spaceId.charCodeAt(i), 0x01000193) >>> 0;
  return siteShardId(hash % SITE_SHARDS);
}

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

export function toWorkflowDayTotals(rollup: RollupTotals): WorkflowDayTotals {
  const counts: Partial<RollupCounts> = {};
  for (const counter of ROLLUP_COUNTERS) if (rollup.counts[counter] !== 0) counts[counter] = rollup.counts[counter];
  return { counts, decisionMinutes: rollup.decisionMinutes };
}

/** The daily rollups a day row holds, one per workflow. */
export function dailyRollupsOf(row: RollupRow<DayRowBody>): DailyRollup[] {
  return Object.entries(row.body.workflows).map(([workflowId, totals]) => toDailyRollup(row.spaceId, row.day, workflowId, totals));
}

/** Stored totals (zero counters left out) as the domain's totals. */
export function totalsOf(stored: WorkflowDayTotals | undefined): RollupTotals {
  return { counts: { ...emptyCounts(), ...(stored?.counts ?? {}) }, decisionMinutes: { ...(stored?.decisionMinutes ?? {}) } };
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
    const row = dayRows.get(day) ?? nextRow(spaceId, day, stored.dayRows.get(day), { workflows: {} });
    dayRows.set(day, row);
    row.body.workflows[event.workflowId] = addEvent(row.body.workflows[event.workflowId], event);
    statuses.workflows[event.workflowId] = withEvent(statuses.workflows[event.workflowId] ?? { statuses: {} }, event);
  }
  return { dayRows, statusRow: { spaceId, day: STATUS_ROW_DAY, revision: (stored.statusRow?.revision ?? 0) + 1, body: statuses } };
}

/** A workflow's status totals once the event is counted: the request moved, the name of its latest submission kept. */
function withEvent<T extends WorkflowStatusTotals>(workflow: T, event: DomainEvent): T {
  const move = statusMove(event);
  const name = event.type === 'request.submitted' ? event.details.workflow.name : workflow.name;
  return { ...workflow, statuses: move === null ? workflow.statuses : applyStatusMove(workflow.statuses, move), ...(name === undefined ? {} : { name }) };
}

/** A site shard's rows as stored: day rows by day, block rows by block, and its status row. */
export interface SiteRows {
  dayRows: Map<string, RollupRow<SiteDayBody>>;
  blockRows: Map<string, RollupRow<SiteBlockBody>>;
  statusRow: RollupRow<SiteStatusBody> | undefined;
}

/** The rows of a site shard an event changes: its day, its blocks and the status row. */
export function siteRowsOfDays(days: Iterable<string>): { days: string[]; blocks: string[] } {
  const unique = [...new Set(days)];
  return { days: unique, blocks: [...new Set(unique.flatMap(blocksOfDay))] };
}

/**
 * The row one revision past the stored one (revision 1 for a new row), with a copy of its body
 * (or `empty`) that the fold may change in place: the stored row itself is never changed.
 */
function nextRow<Body>(id: string, day: string, stored: RollupRow<Body> | undefined, empty: Body): RollupRow<Body> {
  return { spaceId: id, day, revision: (stored?.revision ?? 0) + 1, body: stored === undefined ? empty : structuredClone(stored.body) };
}

/**
 * The site shard's rows once the events (all of spaces in this shard) are counted: every day
 * and block row they change and the status row, each one revision past the stored row. The
 * same events, counted into the spaces' own rows in the same transaction, are what a viewer's
 * invisible spaces are subtracted with: both sides always hold the same events.
 */
export function foldSiteEvents(shardId: string, stored: SiteRows, events: readonly DomainEvent[]): SiteRows & { statusRow: RollupRow<SiteStatusBody> } {
  const dayRows = new Map<string, RollupRow<SiteDayBody>>();
  const blockRows = new Map<string, RollupRow<SiteBlockBody>>();
  const statuses: SiteStatusBody = { workflows: { ...(stored.statusRow?.body.workflows ?? {}) } };
  for (const event of events) {
    const day = utcDay(event.at);
    const dayRow = dayRows.get(day) ?? nextRow(shardId, day, stored.dayRows.get(day), { totals: { counts: {}, decisionMinutes: {} } });
    dayRows.set(day, dayRow);
    dayRow.body.totals = addEvent(dayRow.body.totals, event);
    for (const block of blocksOfDay(day)) {
      const row = blockRows.get(block) ?? nextRow(shardId, block, stored.blockRows.get(block), { workflows: {} });
      blockRows.set(block, row);
      row.body.workflows[event.workflowId] = { ...addEvent(row.body.workflows[event.workflowId], event), spaceId: event.spaceId };
    }
    statuses.workflows[event.workflowId] = withEvent(statuses.workflows[event.workflowId] ?? { statuses: {}, spaceId: event.spaceId }, event);
  }
  return { dayRows, blockRows, statusRow: { spaceId: shardId, day: STATUS_ROW_DAY, revision: (stored.statusRow?.revision ?? 0) + 1, body: statuses } };
}

/**
 * Totals of a row being folded with one more event counted, as the domain's delta says (an event
 * analytics does not count changes nothing). Changed in place: rows are copied once per fold,
 * not once per event, which is what keeps folding a year of events fast.
 */
function addEvent(totals: WorkflowDayTotals | undefined, event: DomainEvent): WorkflowDayTotals {
  const target = totals ?? { counts: {}, decisionMinutes: {} };
  const delta = rollupDelta(event);
  if (delta === null) return target;
  for (const counter of ROLLUP_COUNTERS) {
    const add = delta.counts?.[counter] ?? 0;
    if (add !== 0) target.counts[counter] = (target.counts[counter] ?? 0) + add;
  }
  for (const minutes of delta.decisionMinutes ?? []) {
    const bucket = String(bucketOf(minutes));
    target.decisionMinutes[bucket] = (target.decisionMinutes[bucket] ?? 0) + 1;
  }
  return target;
}
