/**
 * The REST API's hot paths through the sandbox's gateway: a page's approval status, and audit
 * export pages of 100 over a space whose chain holds 100,000 sealed events.
 */
import { startApp, type TestApp } from '../../integration/support/app';
import { seedSealedChain } from '../../integration/support/audit-seed';
import { measure } from '../measure';
import { type Row } from '../report';
import { BENCH_LATENCY } from './latency';

const PAGE = '10020';
const ENG = '1001';
const EVENTS = 100_000;

const api = (app: TestApp, accountId: string, path: string, query: Record<string, string> = {}) => async () => {
  const answer = await app.sandbox.callApi({ method: 'GET', path, query, accountId });
  if (answer.status !== 200) throw new Error(`GET ${path}: ${answer.status} ${answer.body.slice(0, 200)}`);
  return JSON.parse(answer.body) as unknown;
};

export async function restApiBench(): Promise<Row[]> {
  const app = await startApp(BENCH_LATENCY);
  try {
    await app.createWorkflow({ name: 'Docs review', steps: [{ id: 'review', name: 'Review', approvers: [{ type: 'user', accountId: 'u-bob' }], rule: { kind: 'any' } }] }, 'default');
    // The chain first: the submission's events are then sealed after it, as they would be.
    await seedSealedChain(ENG, EVENTS);
    await app.as('u-alice').byline('submit', PAGE, {});
    await app.drain();
    const status = await measure(app.sandbox, api(app, 'u-bob', `/pages/${PAGE}/approval`), 'apiRoute');
    const exportPage = { queries: 2 };
    const first = await measure(app.sandbox, api(app, 'u-frank', '/spaces/ENG/audit', { limit: '100' }), 'apiRoute');
    const middle = await measure(app.sandbox, api(app, 'u-frank', '/spaces/ENG/audit', { limit: '100', cursor: String(EVENTS / 2) }), 'apiRoute');
    const last = await measure(app.sandbox, api(app, 'u-frank', '/spaces/ENG/audit', { limit: '100', cursor: String(EVENTS - 50) }), 'apiRoute');
    return [
      { path: 'REST API: GET approval status', measurement: status, budget: { storage: 3, confluence: 1 }, note: "DESIGN.md: GET a page's approval ≤ 3 storage round trips, ≤ 1 Confluence call" },
      { path: 'REST API: audit export page of 100 (first of 100,000 events)', measurement: first, budget: exportPage, note: 'DESIGN.md: ≤ 2 storage queries, flat up to 100,000 events' },
      { path: 'REST API: audit export page of 100 (seq 50,000)', measurement: middle, budget: exportPage },
      { path: 'REST API: audit export, last page (head)', measurement: last, budget: exportPage },
    ];
  } finally {
    app.close();
  }
}
