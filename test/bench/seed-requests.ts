/**
 * A space with a million requests, fast: rows are written straight into the sandbox's storage
 * engine (the same validation and indexes as the SDK's calls, without 120,000 round trips through
 * the emulated fetch), outside any invocation, 25 at a time as they are made: nothing but the
 * engine holds them. Each request is made by the domain's state machine, its events become audit
 * entries sealed into the space's hash chain as the effects would seal them, and the open
 * requests get their approver tasks. Pages get no page record: a page's history then reads its
 * requests' step names from the request rows, one batch read whatever the size. Bench and the
 * flat-cost tests (test/integration/scale/lists-scale.test.ts) use it at every size.
 */
import { type DomainEvent } from '../../src/domain/events';
import { type ApprovalRequest } from '../../src/domain/request';
import { transition } from '../../src/domain/request-machine';
import { type RequestCommand } from '../../src/domain/commands';
import { type Workflow } from '../../src/shared/workflow';
import { type AuditEntry } from '../../src/storage/audit';
import { entryHash } from '../../src/storage/audit-chain';
import { requestAuditEntry } from '../../src/storage/audit-rows';
import { ENTITY } from '../../src/storage/entities';
import { requestRow } from '../../src/storage/requests';
import { syncApproverTasks } from '../../src/storage/tasks';
import { SPACES, type TestApp } from '../integration/support/app';

/** The storage service's batch limit, which the engine enforces on this path too. */
const BATCH = 25;
const HOUR = 60 * 60 * 1000;
/** Requests older than this many are all decided: a real space's open work is recent. */
const RECENT = 10_000;
const GENESIS_HASH = '0'.repeat(64);
const SUBMITTERS = ['u-alice', 'u-dana', 'u-eve', 'u-ivan'];

export interface SeededSpace {
  workflows: Workflow[];
  pageIds: string[];
  /** The page with the most requests, for page history. */
  busiestPageId: string;
  /** The seq of the space's chain head: how many audit entries were sealed. */
  sealedEntries: number;
}

type EngineItem = { key: string; value: unknown; entityName: string };

class ChainSealer {
  private seq = 0;
  private hash = GENESIS_HASH;
  private readonly recentKeys: string[] = [];

  seal(entry: AuditEntry): AuditEntry {
    this.seq += 1;
    const row = { ...entry.row, sealed: true, seq: this.seq, prevHash: this.hash };
    const hash = entryHash(this.seq, this.hash, entry.key, row);
    this.hash = hash;
    this.recentKeys.push(entry.key);
    if (this.recentKeys.length > 200) this.recentKeys.shift();
    return { key: entry.key, row: { ...row, hash } };
  }

  head(): { seq: number; hash: string; revision: number; recentKeys: string[] } {
    return { seq: this.seq, hash: this.hash, revision: this.seq, recentKeys: [...this.recentKeys] };
  }
}

function commandsFor(n: number, count: number): RequestCommand[] {
  const kind = n % 10;
  if (kind < 5) return [{ type: 'approve', actorId: 'u-bob' }];
  if (kind < 7 || n < count - RECENT) return [{ type: 'reject', actorId: 'u-bob', comment: 'No' }];
  return [];
}

function madeRequest(n: number, count: number, pageId: string, workflow: Workflow, start: number): { request: ApprovalRequest; events: DomainEvent[] } {
  const submittedAt = new Date(start + n * HOUR);
  const page = { id: pageId, spaceId: workflow.spaceId, version: 1, title: `Page ${pageId}`, status: 'current' as const };
  let result = transition(null, { type: 'submit', requestId: `busy-${n}`, actorId: SUBMITTERS[n % SUBMITTERS.length], page, workflow }, submittedAt);
  if (!result.ok) throw new Error(`seed: ${result.error.message}`);
  const events = [...result.events];
  let request = result.request;
  for (const command of commandsFor(n, count)) {
    result = transition(request, command, new Date(submittedAt.getTime() + 60_000));
    if (!result.ok) throw new Error(`seed: ${result.error.message}`);
    events.push(...result.events);
    request = result.request;
  }
  return { request, events };
}

/**
 * ENG with two workflows (Bob approves both) and `count` requests, one an hour up to now, over
 * `pages` pages (250 unless said): half approved, a fifth rejected, the rest of the newest 10,000
 * pending with Bob's open tasks (older ones were rejected), each request's events sealed into
 * ENG's chain. Fewer pages give each page a longer history at a small size.
 */
export async function seedRequestsFast(app: TestApp, count: number, pages = 250): Promise<SeededSpace> {
  const workflows = [
    await app.createWorkflow({ name: 'Docs review', steps: [{ id: 's', name: 'Review', approvers: [{ type: 'user', accountId: 'u-bob' }], rule: { kind: 'any' }, dueDays: 3 }] }),
    await app.createWorkflow({ name: 'Release sign-off', steps: [{ id: 's', name: 'Sign-off', approvers: [{ type: 'user', accountId: 'u-bob' }], rule: { kind: 'any' } }] }),
  ];
  const pageIds = Array.from({ length: pages }, (_, i) => app.site().addPage({ spaceId: SPACES.ENG.id, title: `Busy page ${i}`, authorId: 'u-alice' }).id);
  const engine = app.sandbox.storage;
  const sealer = new ChainSealer();
  const start = Date.now() - count * HOUR;
  const pending: ApprovalRequest[] = [];
  const requests: EngineItem[] = [];
  const audit: EngineItem[] = [];
  // The engine answers a rejected item in failedKeys, as the service does: a seed that lost rows would measure the wrong space.
  const flush = (items: EngineItem[], all: boolean) => {
    while (items.length >= BATCH || (all && items.length > 0)) {
      const answer = engine.batchSet(items.splice(0, BATCH));
      const failed = answer.status === 200 ? (answer.body as { failedKeys?: unknown[] }).failedKeys ?? [] : [];
      if (failed.length > 0) throw new Error(`seed: the storage engine refused ${JSON.stringify(failed[0])}`);
    }
  };
  for (let n = 0; n < count; n += 1) {
    const { request, events } = madeRequest(n, count, pageIds[n % pageIds.length], workflows[n % 2], start);
    requests.push({ key: request.id, value: requestRow(request), entityName: ENTITY.request });
    for (const event of events) {
      const sealed = sealer.seal(requestAuditEntry(event));
      audit.push({ key: sealed.key, value: sealed.row, entityName: ENTITY.auditEvent });
    }
    if (request.status === 'inApproval') pending.push(request);
    flush(requests, false);
    flush(audit, false);
  }
  flush(requests, true);
  flush(audit, true);
  const head = sealer.head();
  engine.entitySet({ entityName: 'audit-chain', key: SPACES.ENG.id, value: head });
  await syncApproverTasks(pending);
  engine.settleIndexes();
  return { workflows, pageIds, busiestPageId: pageIds[0], sealedEntries: head.seq };
}
