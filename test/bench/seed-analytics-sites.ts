/**
 * A site of 1,000 spaces and 1,000,000 requests for analytics, fast: ten template histories of
 * 1,000 requests each are folded with the app's own folds (one workflow each), and every space
 * takes one template's rows under its own space and workflow ids; the site shards' rows are the
 * sums of their spaces', as the effects would have written them. Rows go straight into the
 * sandbox's storage engine (same validation and indexes as the SDK's calls), outside any
 * invocation. Bench only: tests seed a few hundred spaces through the SDK (rollup-seed.ts).
 */
import { type RollupTotals, combine, emptyTotals } from '../../src/domain/analytics-rollup';
import { ENTITY } from '../../src/storage/entities';
import {
  type RollupRow,
  type SiteBlockBody,
  type SiteDayBody,
  type SiteStatusBody,
  STATUS_ROW_DAY,
  dayRowKey,
  foldEvents,
  foldSiteEvents,
  siteShardOf,
  statusRowKey,
  toWorkflowDayTotals,
  totalsOf,
} from '../../src/storage/rollup-rows';
import { type TestApp } from '../integration/support/app';
import { historyWorkflow } from '../integration/support/request-history';
import { syntheticEvents } from '../integration/support/synthetic-events';

const BATCH = 25;
const DAY = 24 * 60 * 60 * 1000;
const TEMPLATES = 10;
const TEMPLATE_SPACE = 'template-space';
const TEMPLATE_WORKFLOW = 'template-workflow';

export interface AnalyticsSite {
  spaceIds: string[];
  requests: number;
}

function templates(requestsPerSpace: number) {
  const end = new Date();
  const workflow = historyWorkflow(TEMPLATE_WORKFLOW, TEMPLATE_SPACE, 'Template');
  return Array.from({ length: TEMPLATES }, (_, t) => {
    const events = syntheticEvents({ workflows: [workflow], requests: requestsPerSpace, start: new Date(end.getTime() - 365 * DAY), end, seed: t + 1 });
    return {
      space: foldEvents(TEMPLATE_SPACE, { dayRows: new Map(), statusRow: undefined }, events),
      site: foldSiteEvents('template-shard', { dayRows: new Map(), blockRows: new Map(), statusRow: undefined }, events),
    };
  });
}

/**
 * `spaces` spaces with `requestsPerSpace` requests each over the year up to now, one workflow
 * per space; `viewers` maps each viewer to how many of the spaces (the first ones) they can see.
 */
export async function seedAnalyticsSite(app: TestApp, spaces: number, requestsPerSpace: number, viewers: Record<string, number>): Promise<AnalyticsSite> {
  const site = app.site();
  for (const accountId of Object.keys(viewers)) site.addUser({ accountId, displayName: accountId });
  const made = templates(requestsPerSpace);
  const items: { key: string; value: unknown; entityName: string }[] = [];
  const put = (key: string, value: RollupRow) => items.push({ key, value, entityName: ENTITY.analyticsRollup });
  const shardDays = new Map<string, Map<string, RollupTotals>>();
  const shardBlocks = new Map<string, Map<string, SiteBlockBody>>();
  const shardStatus = new Map<string, SiteStatusBody>();
  const spaceIds: string[] = [];

  for (let i = 0; i < spaces; i += 1) {
    const { id: spaceId } = site.addSpace({ key: `AN${i}`, name: `Analytics ${i}`, authorId: 'u-alice' }) as { id: string };
    spaceIds.push(spaceId);
    for (const [accountId, visible] of Object.entries(viewers)) {
      if (i < visible) site.grantSpacePermission(spaceId, { type: 'user', id: accountId }, 'view');
    }
    const template = made[i % TEMPLATES];
    const workflowId = `wf-an-${i}`;
    const name = `Workflow ${i + 1}`;
    for (const [day, row] of template.space.dayRows) {
      put(dayRowKey(spaceId, day), { spaceId, day, revision: 1, body: { workflows: { [workflowId]: row.body.workflows[TEMPLATE_WORKFLOW] } } });
    }
    const statuses = template.space.statusRow.body.workflows[TEMPLATE_WORKFLOW];
    put(statusRowKey(spaceId), { spaceId, day: STATUS_ROW_DAY, revision: 1, body: { workflows: { [workflowId]: { ...statuses, name } } } });

    const shard = siteShardOf(spaceId);
    const days = shardDays.get(shard) ?? new Map<string, RollupTotals>();
    shardDays.set(shard, days);
    for (const [day, row] of template.site.dayRows) days.set(day, combine(days.get(day) ?? emptyTotals(), totalsOf(row.body.totals)));
    const blocks = shardBlocks.get(shard) ?? new Map<string, SiteBlockBody>();
    shardBlocks.set(shard, blocks);
    for (const [block, row] of template.site.blockRows) {
      const body = blocks.get(block) ?? { workflows: {} };
      body.workflows[workflowId] = { ...row.body.workflows[TEMPLATE_WORKFLOW], spaceId };
      blocks.set(block, body);
    }
    const status = shardStatus.get(shard) ?? { workflows: {} };
    status.workflows[workflowId] = { ...statuses, name, spaceId };
    shardStatus.set(shard, status);
  }
  for (const [shard, days] of shardDays) {
    for (const [day, totals] of days) put(dayRowKey(shard, day), { spaceId: shard, day, revision: 1, body: { totals: toWorkflowDayTotals(totals) } satisfies SiteDayBody });
  }
  for (const [shard, blocks] of shardBlocks) {
    for (const [block, body] of blocks) put(dayRowKey(shard, block), { spaceId: shard, day: block, revision: 1, body });
  }
  for (const [shard, body] of shardStatus) put(statusRowKey(shard), { spaceId: shard, day: STATUS_ROW_DAY, revision: 1, body });

  const engine = app.sandbox.storage;
  for (let i = 0; i < items.length; i += BATCH) engine.batchSet(items.slice(i, i + BATCH));
  engine.settleIndexes();
  return { spaceIds, requests: spaces * requestsPerSpace };
}
