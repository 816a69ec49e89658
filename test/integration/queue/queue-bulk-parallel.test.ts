/**
 * Bulk approval of a full selection (100 items): every item is its own decision with its own
 * result in the order selected, and the decisions run side by side, never more than the resolver's
 * cap at once. Concurrency is read from the sandbox's operation log: each decision commits its
 * page in one transaction, so the transactions in flight at one moment are the decisions running.
 */
import { PARALLEL_DECISIONS } from '../../../src/resolvers/queue/bulk';
import { type BulkResultView } from '../../../src/shared/contract/queue';
import { type OpEntry } from '../../../sandbox/runtime/op-log';
import { MODULES, SPACES, type TestApp, ok, startApp } from '../support/app';

const ITEMS = 100;

/** The most operations whose (real) time spans overlap at one instant. */
function mostAtOnce(ops: OpEntry[]): number {
  const edges = ops.flatMap((op) => {
    const end = Date.parse(op.at);
    return [
      { at: end - op.durationMs, delta: 1 },
      { at: end, delta: -1 },
    ];
  });
  // Ends before starts at the same instant: touching spans do not overlap.
  edges.sort((a, b) => a.at - b.at || a.delta - b.delta);
  let running = 0;
  let most = 0;
  for (const edge of edges) {
    running += edge.delta;
    most = Math.max(most, running);
  }
  return most;
}

describe('bulk approval of 100 queue items', () => {
  let app: TestApp;
  const requestIds: string[] = [];
  const pageIds: string[] = [];

  beforeAll(async () => {
    app = await startApp();
    await app.createWorkflow(
      { name: 'Docs review', steps: [{ id: 'review', name: 'Review', approvers: [{ type: 'user', accountId: 'u-bob' }], rule: { kind: 'any' } }] },
      'default',
    );
    for (let i = 0; i < ITEMS; i += 1) {
      const page = app.site().addPage({ spaceId: SPACES.ENG.id, title: `Runbook ${i}`, authorId: 'u-alice' }) as { id: string };
      const view = ok(await app.as('u-alice').byline('submit', page.id, {}));
      if (view.request === null) throw new Error(`no request after submitting page ${page.id}`);
      requestIds.push(view.request.id);
      pageIds.push(page.id);
    }
    await app.drain();
  }, 120_000);

  afterAll(() => app.close());

  it('decides every item on its own, answers in the order selected, and runs at most the cap at once', async () => {
    // Real waits, so calls that run side by side overlap in time.
    app.sandbox.latency.set({ mode: 'sleep', kvs: 10, confluence: 40 });
    // Selected newest first, as the queue lists them: the answers follow the selection, not the submission order.
    const selected = [...requestIds].reverse();
    app.sandbox.ops.reset();
    const result = ok(
      (await app
        .as('u-bob')
        .invoke(MODULES.queue, 'bulkDecide', { decision: 'approve', items: selected.map((requestId) => ({ requestId, stepIndex: 0 })) }, app.spaceContext('ENG'))) as BulkResultView,
    );
    // The resolver's own transactions: the effects of the first decisions already run beside it.
    const bulk = app.sandbox.ops.lastInvocation('resolver');
    const transactions = app.sandbox.ops.entries({ kind: ['kvs', 'entity'], invocationId: bulk?.id }).filter((op) => op.operation === 'transaction');
    app.sandbox.latency.set({ mode: 'virtual', kvs: 0, confluence: 0 });

    expect(result.results.map((item) => item.requestId)).toEqual(selected);
    expect(result.results.map((item) => item.message)).toEqual(new Array(ITEMS).fill('Approved.'));
    expect(result).toMatchObject({ succeeded: ITEMS, failed: 0 });
    expect(transactions).toHaveLength(ITEMS);
    const atOnce = mostAtOnce(transactions);
    expect(atOnce).toBeGreaterThan(1);
    expect(atOnce).toBeLessThanOrEqual(PARALLEL_DECISIONS);

    await app.drain();
    const history = ok(await app.as('u-bob').byline('getPageHistory', pageIds[99], {}));
    expect(history.entries.filter((entry) => entry.type === 'decision.recorded').map((entry) => entry.actor?.accountId)).toEqual(['u-bob']);
  }, 120_000);
});
