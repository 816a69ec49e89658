/** The approval queue over a space with 10,000 requests: pages of 25 in every tab and with filters. */
import { type QueuePageView } from '../../../src/shared/contract/queue';
import { MODULES, startApp } from '../../integration/support/app';
import { seedBusySpace } from '../../integration/support/queue-seed';
import { measure } from '../measure';
import { type Row } from '../report';
import { BENCH_LATENCY } from './latency';

const NOTE = 'DESIGN.md: a page of 25 over 10,000 requests in ≤ 2 storage queries';

export async function queueBench(): Promise<Row[]> {
  const app = await startApp(BENCH_LATENCY);
  try {
    const { workflows } = await seedBusySpace(app, 10_000);
    const list = (payload: Record<string, unknown>) => () => app.as('u-bob').invoke(MODULES.queue, 'listQueue', payload, app.spaceContext('ENG'));
    const budget = { queries: 2 };
    const first = await measure(app.sandbox, list({ tab: 'pending' }));
    const cursor = (first.result as QueuePageView | undefined)?.cursor;
    return [
      { path: 'queue: pending, page 1 of 25 (10,000 requests)', measurement: first, budget, note: NOTE },
      { path: 'queue: pending, page 2', measurement: await measure(app.sandbox, list({ tab: 'pending', cursor })), budget },
      { path: 'queue: mine (open tasks + their requests)', measurement: await measure(app.sandbox, list({ tab: 'mine' })), budget },
      { path: 'queue: approved, workflow + submitter filter', measurement: await measure(app.sandbox, list({ tab: 'approved', filters: { workflowId: workflows[1].id, submittedBy: 'u-dana' } })), budget },
    ];
  } finally {
    app.close();
  }
}
