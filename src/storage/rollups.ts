/**
 * Folding domain events into the analytics rollups (entity `analytics-rollup`), called by the
 * effects consumer after a change is committed.
 *
 * Exactly once per event, although events arrive at least once: every counted event leaves a
 * marker (`rollup-applied:<audit key>`) written in the same transaction as the rows it changed,
 * and an event whose marker exists is skipped. Two jobs counting the same event touch the same
 * rows, so the rows' revision conditions let only one of them commit; the other re-reads, finds
 * the marker and stops. Two jobs counting different events of the same day both commit: the
 * loser of the race re-reads and applies its events on top.
 *
 * The site shard of the space (rollup-rows.ts) is updated in the same transaction as the
 * space's own rows, so the site's totals and the spaces' always hold the same events and a
 * viewer's invisible spaces can be subtracted from the site exactly.
 */
import { Filter, FilterConditions, kvs } from '@forge/kvs';
import { rollupDelta } from '../domain/analytics-rollup';
import { type DomainEvent } from '../domain/events';
import { utcDay } from '../domain/time';
import { ATTEMPTS, LOST_RACE, retryLostRaces } from '../shared/retry-policy';
import { isConditionFailure } from './condition-failure';
import { ENTITY } from './entities';
import {
  type DayRowBody,
  type RollupRow,
  type SiteBlockBody,
  type SiteDayBody,
  type SiteRows,
  type SiteStatusBody,
  type SpaceRows,
  type StatusRowBody,
  appliedMarkerKey,
  dayRowKey,
  foldEvents,
  foldSiteEvents,
  siteRowsOfDays,
  siteShardOf,
  statusRowKey,
} from './rollup-rows';

/** A transaction holds at most 25 operations. */
const OPERATIONS_PER_TRANSACTION = 25;
/** Markers outlive any redelivery: the queue keeps a job 24 hours, the sweeper re-sends unsealed entries hourly. */
const MARKER_TTL = { value: 365, unit: 'DAYS' } as const;

/** Rows one transaction writes for these events of one space: markers, day rows (space and site), site blocks, two status rows. */
function operationsFor(events: readonly DomainEvent[]): number {
  const { days, blocks } = siteRowsOfDays(events.map((event) => utcDay(event.at)));
  return events.length + 2 * days.length + blocks.length + 2;
}

/** The events cut into runs that each fit one transaction, in order. */
function transactionsOf(events: readonly DomainEvent[]): DomainEvent[][] {
  const runs: DomainEvent[][] = [];
  let run: DomainEvent[] = [];
  for (const event of events) {
    if (run.length > 0 && operationsFor([...run, event]) > OPERATIONS_PER_TRANSACTION) {
      runs.push(run);
      run = [];
    }
    run.push(event);
  }
  if (run.length > 0) runs.push(run);
  return runs;
}

/**
 * Adds the events' counts to their days' rollups and moves the requests between statuses.
 * Events that analytics does not count are ignored; an event already counted changes nothing.
 */
export async function applyEventsToRollups(events: DomainEvent[]): Promise<void> {
  const bySpace = new Map<string, DomainEvent[]>();
  const seen = new Set<string>();
  for (const event of events) {
    const marker = appliedMarkerKey(event);
    if (rollupDelta(event) === null || seen.has(marker)) continue;
    seen.add(marker);
    const list = bySpace.get(event.spaceId) ?? [];
    list.push(event);
    bySpace.set(event.spaceId, list);
  }
  await Promise.all(
    [...bySpace.entries()].map(async ([spaceId, spaceEvents]) => {
      for (const run of transactionsOf(spaceEvents)) await applyToSpace(spaceId, run);
    }),
  );
}

interface Snapshot {
  space: SpaceRows;
  site: SiteRows;
  counted: Set<string>;
}

async function applyToSpace(spaceId: string, events: DomainEvent[]): Promise<void> {
  const outcome = await retryLostRaces(ATTEMPTS.standard, async () => {
    const snapshot = await readSnapshot(spaceId, events);
    const fresh = events.filter((event) => !snapshot.counted.has(appliedMarkerKey(event)));
    if (fresh.length === 0) return true;
    try {
      await commit(spaceId, fresh, snapshot);
      return true;
    } catch (error) {
      if (!isConditionFailure(error)) throw error;
      return LOST_RACE;
    }
  });
  if (outcome === LOST_RACE) throw new Error(`Analytics rollups of space ${spaceId} kept changing during ${ATTEMPTS.standard} attempts; the job will be retried`);
}

/** One batch read: the space's day rows and status row, its site shard's rows, and the events' markers. */
async function readSnapshot(spaceId: string, events: DomainEvent[]): Promise<Snapshot> {
  const shard = siteShardOf(spaceId);
  const { days, blocks } = siteRowsOfDays(events.map((event) => utcDay(event.at)));
  const row = (key: string) => ({ key, entityName: ENTITY.analyticsRollup });
  const result = await kvs.batchGet<unknown>([
    ...days.map((day) => row(dayRowKey(spaceId, day))),
    row(statusRowKey(spaceId)),
    ...days.map((day) => row(dayRowKey(shard, day))),
    ...blocks.map((block) => row(dayRowKey(shard, block))),
    row(statusRowKey(shard)),
    ...events.map((event) => ({ key: appliedMarkerKey(event) })),
  ]);
  const snapshot: Snapshot = {
    space: { dayRows: new Map(), statusRow: undefined },
    site: { dayRows: new Map(), blockRows: new Map(), statusRow: undefined },
    counted: new Set(),
  };
  const blockKeys = new Set(blocks);
  for (const item of result.successfulKeys) {
    if (item.entityName === undefined) {
      snapshot.counted.add(item.key);
      continue;
    }
    const stored = item.value as RollupRow;
    if (stored.spaceId === spaceId) {
      if (item.key === statusRowKey(spaceId)) snapshot.space.statusRow = stored as RollupRow<StatusRowBody>;
      else snapshot.space.dayRows.set(stored.day, stored as RollupRow<DayRowBody>);
    } else if (item.key === statusRowKey(shard)) snapshot.site.statusRow = stored as RollupRow<SiteStatusBody>;
    else if (blockKeys.has(stored.day)) snapshot.site.blockRows.set(stored.day, stored as RollupRow<SiteBlockBody>);
    else snapshot.site.dayRows.set(stored.day, stored as RollupRow<SiteDayBody>);
  }
  return snapshot;
}

function revisionCondition(row: RollupRow | undefined) {
  return new Filter<RollupRow>().and('revision', row === undefined ? FilterConditions.notExists() : FilterConditions.equalTo(row.revision));
}

async function commit(spaceId: string, events: DomainEvent[], snapshot: Snapshot): Promise<void> {
  const shard = siteShardOf(spaceId);
  const space = foldEvents(spaceId, snapshot.space, events);
  const site = foldSiteEvents(shard, snapshot.site, events);
  let transaction = kvs.transact();
  const write = (key: string, row: RollupRow, stored: RollupRow | undefined) => {
    transaction = transaction.set(key, row, { entityName: ENTITY.analyticsRollup, conditions: revisionCondition(stored) });
  };
  for (const [day, row] of space.dayRows) write(dayRowKey(spaceId, day), row, snapshot.space.dayRows.get(day));
  write(statusRowKey(spaceId), space.statusRow, snapshot.space.statusRow);
  for (const [day, row] of site.dayRows) write(dayRowKey(shard, day), row, snapshot.site.dayRows.get(day));
  for (const [block, row] of site.blockRows) write(dayRowKey(shard, block), row, snapshot.site.blockRows.get(block));
  write(statusRowKey(shard), site.statusRow, snapshot.site.statusRow);
  for (const event of events) transaction = transaction.set(appliedMarkerKey(event), true, undefined, { ttl: MARKER_TTL });
  await transaction.execute();
}
