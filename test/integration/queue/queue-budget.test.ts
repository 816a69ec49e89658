import { type QueuePageView } from '../../../src/shared/contract/queue';
import { type Workflow } from '../../../src/shared/workflow';
import { MODULES, type TestApp, ok, startApp } from '../support/app';
import { seedBusySpace } from '../support/queue-seed';

const HOUR = 60 * 60 * 1000;

/** DESIGN.md: a queue page of 25 over a space with 10,000 requests takes at most 2 storage queries. */
const QUERY_BUDGET = 2;

describe('queue budget over 10,000 requests', () => {
  let app: TestApp;
  let workflows: Workflow[];

  const listAs = async (accountId: string, payload: Record<string, unknown>) => {
    app.sandbox.ops.reset();
    const page = ok((await app.as(accountId).invoke(MODULES.queue, 'listQueue', payload, app.spaceContext('ENG'))) as QueuePageView);
    const call = app.sandbox.ops.lastInvocation('resolver');
    if (call === undefined) throw new Error('no resolver invocation recorded');
    const queries = app.sandbox.ops.forInvocation(call.id).filter((op) => op.operation === 'query').length;
    return { page, queries, roundTrips: app.sandbox.ops.storageRoundTrips(call.id), confluence: app.sandbox.ops.count('confluence', call.id) };
  };

  beforeAll(async () => {
    app = await startApp({ latency: { mode: 'virtual', kvs: 20, confluence: 120 } });
    ({ workflows } = await seedBusySpace(app, 10_000));
  }, 120_000);

  afterAll(() => app.close());

  it('serves each tab, the next page and filtered pages of 25 with at most 2 storage queries', async () => {
    const first = await listAs('u-bob', { tab: 'pending' });
    expect(first.page.items).toHaveLength(25);
    expect(first.queries).toBeLessThanOrEqual(QUERY_BUDGET);
    const second = await listAs('u-bob', { tab: 'pending', cursor: first.page.cursor });
    expect(second.page.items).toHaveLength(25);
    expect(second.page.items[0].submittedAt < first.page.items[24].submittedAt).toBe(true);
    expect(second.queries).toBeLessThanOrEqual(QUERY_BUDGET);

    for (const payload of [
      { tab: 'mine' },
      { tab: 'approved' },
      { tab: 'rejected', filters: { workflowId: workflows[0].id } },
      { tab: 'approved', filters: { submittedBy: 'u-dana', workflowId: workflows[1].id } },
      { tab: 'pending', filters: { from: new Date(Date.now() - 2000 * HOUR).toISOString().slice(0, 10) } },
    ]) {
      const result = await listAs('u-bob', payload);
      expect(result.queries).toBeLessThanOrEqual(QUERY_BUDGET);
      // Three, plus one batch get of the items' change sizes since their earlier approval (a get, not a query).
      expect(result.roundTrips).toBeLessThanOrEqual(4);
      expect(result.confluence).toBeLessThanOrEqual(2);
      expect(result.page.items.length).toBeGreaterThan(0);
    }
  });
});
