/**
 * Seeding analytics without going through the effects queue: events folded into rollup rows in
 * memory with the app's own fold, then written in batches (25 rows per call), outside any invocation.
 */
import { kvs } from '@forge/kvs';
import { type DomainEvent } from '../../../src/domain/events';
import { rollupDelta } from '../../../src/domain/analytics-rollup';
import { ENTITY } from '../../../src/storage/entities';
import { type SpaceRows, dayRowKey, foldEvents, statusRowKey } from '../../../src/storage/rollup-rows';
import { SPACES } from './app';
import { historyWorkflow } from './request-history';
import { storeWorkflows, syntheticEvents } from './synthetic-events';

const BATCH = 25;

export async function seedRollups(events: readonly DomainEvent[]): Promise<number> {
  const bySpace = new Map<string, DomainEvent[]>();
  for (const event of events) {
    if (rollupDelta(event) === null) continue;
    const list = bySpace.get(event.spaceId) ?? [];
    list.push(event);
    bySpace.set(event.spaceId, list);
  }
  const items: { key: string; value: unknown; entityName: string }[] = [];
  for (const [spaceId, spaceEvents] of bySpace) {
    const rows: SpaceRows = foldEvents(spaceId, { dayRows: new Map(), statusRow: undefined }, spaceEvents);
    for (const [day, row] of rows.dayRows) items.push({ key: dayRowKey(spaceId, day), value: row, entityName: ENTITY.analyticsRollup });
    items.push({ key: statusRowKey(spaceId), value: rows.statusRow, entityName: ENTITY.analyticsRollup });
  }
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
