/**
 * Issue 16: the space's lists cost the same whatever the space holds. The queue, a page's history
 * and the audit export are read page by page over spaces of 300, 3,000 and 30,000 requests (the
 * bench does 10,000 against 1,000,000), and a manage-space level over 50, 250 and 5,000 children:
 * each page costs the same storage reads, queries, Confluence calls and simulated time at 1×, 10×
 * and 100× the data.
 */
import { type AuditExportView } from '../../../src/shared/contract/audit';
import { type HistoryPageView } from '../../../src/shared/contract/common';
import { type QueuePageView } from '../../../src/shared/contract/queue';
import { type Measurement, type Metrics, measure } from '../../bench/measure';
import { LIST_PATHS } from '../../bench/scenarios/lists-scale';
import { seedRequestsFast } from '../../bench/seed-requests';
import { MODULES, SPACES, startApp } from '../support/app';

const LATENCY = { latency: { mode: 'virtual' as const, kvs: 20, confluence: 120 } };
/** Three pages: the busiest page's history runs to several pages already at 300 requests. */
const PAGES = 3;

type Cost = Pick<Metrics, 'storage' | 'queries' | 'confluence' | 'transactions' | 'simulatedMs'>;

const costOf = ({ metrics, error }: Measurement): Cost => {
  if (metrics === null || error !== undefined) throw new Error(`the path failed: ${error ?? 'no metrics'}`);
  const { storage, queries, confluence, transactions, simulatedMs } = metrics;
  return { storage, queries, confluence, transactions, simulatedMs };
};

/** What a page of each path shows: a full page, so equal costs compare equal work. */
function shown(result: unknown): number {
  const answer = result as Partial<QueuePageView & HistoryPageView & AuditExportView>;
  return (answer.items ?? answer.entries ?? []).length;
}

async function listCosts(requests: number): Promise<{ costs: Cost[]; shown: number[] }> {
  const app = await startApp(LATENCY);
  try {
    const seeded = await seedRequestsFast(app, requests, PAGES);
    const measured: Measurement[] = [];
    for (const { run } of LIST_PATHS) measured.push(await run(app, seeded));
    return { costs: measured.map(costOf), shown: measured.map((m) => shown(m.result)) };
  } finally {
    app.close();
  }
}

describe('queue, page history and audit export over 300, 3,000 and 30,000 requests', () => {
  it('cost the same storage reads, queries, Confluence calls and simulated time on every page', async () => {
    const small = await listCosts(300);
    const paths = LIST_PATHS.map(({ path }) => path);
    // Every page is full at the smallest size: the queue shows 25, a history 20, an export 50
    // (its last page the few entries after the cursor), so flat costs are not empty pages.
    expect(Object.fromEntries(paths.map((path, i) => [path, small.shown[i]]))).toEqual({
      'queue: pending, page 1': 25,
      'queue: pending, page 2': 25,
      'queue: mine': 25,
      'queue: rejected': 25,
      'queue: approved, workflow + submitter': expect.any(Number),
      'page history: page 1': 20,
      'page history: page 2': 20,
      'audit export: first page': 50,
      'audit export: middle page': 50,
      'audit export: next page': 50,
      'audit export: last page (head)': 10,
    });
    expect(small.shown[paths.indexOf('queue: approved, workflow + submitter')]).toBeGreaterThan(0);
    for (const requests of [3_000, 30_000]) {
      const large = await listCosts(requests);
      expect(Object.fromEntries(paths.map((path, i) => [path, large.costs[i]]))).toEqual(Object.fromEntries(paths.map((path, i) => [path, small.costs[i]])));
      expect(large.shown).toEqual(small.shown);
    }
  }, 600_000);
});

describe('a manage-space level of 50, 250 and 5,000 children', () => {
  async function firstPage(children: number): Promise<{ metrics: Cost; batchReads: number; rows: number }> {
    const app = await startApp(LATENCY);
    try {
      const site = app.site();
      const parent = site.addPage({ spaceId: SPACES.ENG.id, title: `Level of ${children}`, authorId: 'u-frank' });
      for (let i = 0; i < children; i += 1) site.addPage({ spaceId: SPACES.ENG.id, parentId: parent.id, title: `Child ${i}`, authorId: 'u-frank' });
      const level = await measure(app.sandbox, () => app.as('u-frank').invoke(MODULES.settings, 'getTreeLevel', { parent: { type: 'page', id: parent.id } }, app.spaceContext('ENG')));
      const call = app.sandbox.ops.lastInvocation('resolver');
      if (call === undefined) throw new Error('getTreeLevel made no invocation');
      const batchReads = app.sandbox.ops.forInvocation(call.id).filter((op) => op.operation === 'batch/get').length;
      return { metrics: costOf(level), batchReads, rows: (level.result as { rows: unknown[] }).rows.length };
    } finally {
      app.close();
    }
  }

  it('opens with 2 Confluence calls and one parallel round of status reads, whatever the size', async () => {
    const [fifty, full, huge] = [await firstPage(50), await firstPage(250), await firstPage(5_000)];
    expect([fifty.rows, full.rows, huge.rows]).toEqual([50, 250, 250]);
    for (const level of [fifty, full, huge]) {
      expect(level.metrics.confluence).toBe(2);
      // The rows' page-state in batches of 25, all sent at once, beside the settings and workflows reads.
      expect(level.batchReads).toBeLessThanOrEqual(Math.ceil(level.rows / 25) + 1);
    }
    // A level of 5,000 costs what a full page of 250 costs; 50 rows are fewer batches in the same round.
    expect(huge.metrics).toEqual(full.metrics);
    expect(fifty.metrics.simulatedMs).toBe(huge.metrics.simulatedMs);
    expect(huge.metrics.simulatedMs).toBeLessThanOrEqual(200);
  }, 300_000);
});
