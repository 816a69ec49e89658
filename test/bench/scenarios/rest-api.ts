/**
 * The REST API's hot paths through the sandbox's gateway: a page's approval status, and audit
 * export pages of 100 over a space whose chain holds 100,000 sealed events.
 */
import { kvs } from '@forge/kvs';
import { type StoredAuditRow } from '../../../src/storage/audit';
import { ENTITY } from '../../../src/storage/entities';
import { startApp, type TestApp } from '../../integration/support/app';
import { canonical, sha256 } from '../../integration/support/offline-audit';
import { measure } from '../measure';
import { type Row } from '../report';
import { BENCH_LATENCY } from './latency';

const PAGE = '10020';
const ENG = '1001';
const EVENTS = 100_000;
const BATCH = 25;
/** What the chain head remembers of its last entries (src/storage/audit-chain.ts). */
const HEAD_REMEMBERS = 200;

const api = (app: TestApp, accountId: string, path: string, query: Record<string, string> = {}) => async () => {
  const answer = await app.sandbox.callApi({ method: 'GET', path, query, accountId });
  if (answer.status !== 200) throw new Error(`GET ${path}: ${answer.status} ${answer.body.slice(0, 200)}`);
  return JSON.parse(answer.body) as unknown;
};

/** `count` sealed workflow events chained as the sealer chains them (docs/audit.md), stored in batches, and the head. */
async function sealedChain(count: number): Promise<void> {
  let prevHash = '0'.repeat(64);
  const keys: string[] = [];
  for (let from = 1; from <= count; from += BATCH) {
    const items = [];
    for (let seq = from; seq < Math.min(from + BATCH, count + 1); seq += 1) {
      const key = `bench-audit:${String(seq).padStart(6, '0')}`;
      const row = { spaceId: ENG, pageId: '-', at: new Date(Date.UTC(2026, 0, 1) + seq * 60_000).toISOString(), type: 'workflow.updated', actorId: 'u-frank' };
      const body: StoredAuditRow['body'] = { kind: 'workflow', change: 'updated', workflowId: 'wf-bench', details: { revision: seq } };
      const hash = sha256(canonical({ seq, prevHash, key, ...row, bodyHash: sha256(canonical(body)) }));
      const value: StoredAuditRow = { ...row, body, sealed: true, seq, hash, prevHash };
      items.push({ key, value, entityName: ENTITY.auditEvent });
      prevHash = hash;
      keys.push(key);
    }
    await kvs.batchSet(items);
  }
  await kvs.entity('audit-chain').set(ENG, { seq: count, hash: prevHash, revision: 1, recentKeys: keys.slice(-HEAD_REMEMBERS) });
}

export async function restApiBench(): Promise<Row[]> {
  const app = await startApp(BENCH_LATENCY);
  try {
    await app.createWorkflow({ name: 'Docs review', steps: [{ id: 'review', name: 'Review', approvers: [{ type: 'user', accountId: 'u-bob' }], rule: { kind: 'any' } }] }, 'default');
    await app.as('u-alice').byline('submit', PAGE, {});
    await app.drain();
    await sealedChain(EVENTS);
    app.settleIndexes();
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
