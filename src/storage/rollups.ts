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
  type SpaceRows,
  type StatusRowBody,
  appliedMarkerKey,
  dayRowKey,
  foldEvents,
  statusRowKey,
} from './rollup-rows';

/** A transaction holds ≤ 25 operations: per event one marker and at most one day row, plus the status row. */
const EVENTS_PER_TRANSACTION = 12;
/** Markers outlive any redelivery: the queue keeps a job 24 hours, the sweeper re-sends unsealed entries hourly. */
const MARKER_TTL = { value: 365, unit: 'DAYS' } as const;

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
      for (let i = 0; i < spaceEvents.length; i += EVENTS_PER_TRANSACTION) {
        await applyToSpace(spaceId, spaceEvents.slice(i, i + EVENTS_PER_TRANSACTION));
      }
    }),
  );
}

interface SpaceSnapshot extends SpaceRows {
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

/** One batch read: the days' rows, the status row and the events' markers. */
async function readSnapshot(spaceId: string, events: DomainEvent[]): Promise<SpaceSnapshot> {
  const days = [...new Set(events.map((event) => utcDay(event.at)))];
  const result = await kvs.batchGet<unknown>([
    ...days.map((day) => ({ key: dayRowKey(spaceId, day), entityName: ENTITY.analyticsRollup })),
    { key: statusRowKey(spaceId), entityName: ENTITY.analyticsRollup },
    ...events.map((event) => ({ key: appliedMarkerKey(event) })),
  ]);
  const snapshot: SpaceSnapshot = { dayRows: new Map(), statusRow: undefined, counted: new Set() };
  for (const item of result.successfulKeys) {
    if (item.entityName === undefined) snapshot.counted.add(item.key);
    else if (item.key === statusRowKey(spaceId)) snapshot.statusRow = item.value as RollupRow<StatusRowBody>;
    else {
      const row = item.value as RollupRow<DayRowBody>;
      snapshot.dayRows.set(row.day, row);
    }
  }
  return snapshot;
}

function revisionCondition(row: RollupRow | undefined) {
  return new Filter<RollupRow>().and('revision', row === undefined ? FilterConditions.notExists() : FilterConditions.equalTo(row.revision));
}

async function commit(spaceId: string, events: DomainEvent[], snapshot: SpaceSnapshot): Promise<void> {
  const next = foldEvents(spaceId, snapshot, events);
  let transaction = kvs.transact();
  for (const [day, row] of next.dayRows) {
    transaction = transaction.set(dayRowKey(spaceId, day), row, {
      entityName: ENTITY.analyticsRollup,
      conditions: revisionCondition(snapshot.dayRows.get(day)),
    });
  }
  transaction = transaction.set(statusRowKey(spaceId), next.statusRow, {
    entityName: ENTITY.analyticsRollup,
    conditions: revisionCondition(snapshot.statusRow),
  });
  for (const event of events) transaction = transaction.set(appliedMarkerKey(event), true, undefined, { ttl: MARKER_TTL });
  await transaction.execute();
}
