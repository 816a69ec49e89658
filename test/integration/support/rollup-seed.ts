/**
 * Seeding analytics without going through the effects queue: events folded into rollup rows in
 * memory with the app's own folds (the spaces' rows and their site shards' rows, as one effects
 * transaction writes them), then written in batches (25 rows per call), outside any invocation.
 */
import { kvs } from '@forge/kvs';
import { type DomainEvent } from '../../../src/domain/events';
import { rollupDelta } from '../../../src/domain/analytics-rollup';
import { ENTITY } from '../../../src/storage/entities';
import { type RollupRow, type SpaceRows, dayRowKey, foldEvents, foldSiteEvents, siteShardOf, statusRowKey } from '../../../src/storage/rollup-rows';
import { SPACES } from './app';
import { historyWorkflow } from './request-history';
import { storeWorkflows, syntheticEvents } from './synthetic-events';

const BATCH = 25;

/** Every rollup row the events make, by key: the spaces' rows and their site shards' rows. */
export function rollupRowsOf(events: readonly DomainEvent[]): Map<string, RollupRow> {
  const bySpace = new Map<string, DomainEvent[]>();
  const byShard = new Map<string, DomainEvent[]>();
  for (const event of events) {
    if (rollupDelta(event) === null) continue;
    for (const [groups, id] of [
      [bySpace, event.spaceId],
      [byShard, siteShardOf(event.spaceId)],
    ] as const) {
      const list = groups.get(id) ?? [];
      list.push(event);
      groups.set(id, list);
    }
  }
  const rows = new Map<string, RollupRow>();
  for (const [spaceId, spaceEvents] of bySpace) {
    const space: SpaceRows = foldEvents(spaceId, { dayRows: new Map(), statusRow: undefined }, spaceEvents);
    for (const [day, row] of space.dayRows) rows.set(dayRowKey(spaceId, day), row);
    if (space.statusRow !== undefined) rows.set(statusRowKey(spaceId), space.statusRow);
  }
  for (const [shard, shardEvents] of byShard) {
    const site = foldSiteEvents(shard, { dayRows: new Map(), blockRows: new Map(), statusRow: undefined }, shardEvents);
    for (const [day, row] of site.dayRows) rows.set(dayRowKey(shard, day), row);
    for (const [block, row] of site.blockRows) rows.set(dayRowKey(shard, block), row);
    rows.set(statusRowKey(shard), site.statusRow);
  }
  return rows;
}

export async function seedRollups(events: readonly DomainEvent[]): Promise<number> {
  const items = [...rollupRowsOf(events)].map(([key, value]) => ({ key, value: value as unknown, entityName: ENTITY.analyticsRollup }));
  for (let i = 0; i < items.length; i += BATCH) {
    const result = await kvs.batchSet(items.slice(i, i + BATCH));
    if (result.failedKeys.length > 0) throw new Error(`seeding rollups failed: ${JSON.stringify(result.failedKeys[0])}`);
  }
  return items.length;
}

const DAY = 24 * 60 * 60 * 1000;

/**
 * DESIGN.md's analytics load: 50 workflows spread over ENG, HR and PUB, and the events of
 * `requests` requests over the year up to now folded into rollups (the workflows stored too, for
 * their names).
 */
export async function seedAnalyticsYear(requests: number): Promise<void> {
  const spaces = [SPACES.ENG.id, SPACES.HR.id, SPACES.PUB.id];
  const workflows = Array.from({ length: 50 }, (_, i) => historyWorkflow(`wf-${i}`, spaces[i % spaces.length], `Workflow ${i + 1}`));
  await storeWorkflows(workflows);
  const end = new Date();
  await seedRollups(syntheticEvents({ workflows, requests, start: new Date(end.getTime() - 365 * DAY), end, seed: 3 }));
}
