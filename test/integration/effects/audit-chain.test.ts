/**
 * The audit trail is hash-chained per space: every entry is sealed exactly once, in order, and
 * changing, removing or reordering a sealed entry is detected at the entry where it happened,
 * including at the end of the chain, which the head pins.
 */
import { kvs } from '@forge/kvs';
import { pushEffects } from '../../../src/commands/emit';
import { type RequestView } from '../../../src/shared/contract/byline';
import { pageHistory, type StoredAuditRow } from '../../../src/storage/audit';
import { sealAuditEntries, verifyChain } from '../../../src/storage/audit-chain';
import { ENTITY } from '../../../src/storage/entities';
import { type TestApp, startApp } from '../support/app';
import { auditEntriesOf, decideOnPage, submitPage, writeUnsealedEntry } from '../support/effects-journey';
import { canonical, sha256 } from '../support/offline-audit';

const PAGE = '10020';
const ENG = '1001';
const HR = '1002';

let app: TestApp;

beforeEach(async () => {
  app = await startApp();
  await app.createWorkflow({
    name: 'Release review',
    steps: [
      { id: 'review', name: 'Review', approvers: [{ type: 'user', accountId: 'u-bob' }], rule: { kind: 'any' } },
      { id: 'legal', name: 'Legal', approvers: [{ type: 'user', accountId: 'u-dana' }, { type: 'user', accountId: 'u-eve' }], rule: { kind: 'all' } },
    ],
  }, 'default');
});

afterEach(() => app.close());

const auditTable = () => kvs.entity<StoredAuditRow>(ENTITY.auditEvent);

/** Submit, three approvals: six entries (submitted; decision, step; decision; decision, approved). */
async function approvalJourney(): Promise<{ request: RequestView }> {
  const request = await submitPage(app, PAGE, 'u-alice');
  await app.drain();
  for (const approver of ['u-bob', 'u-dana', 'u-eve']) {
    await decideOnPage(app, PAGE, approver, 'approve');
    await app.drain();
  }
  return { request };
}

async function entryAt(seq: number): Promise<{ key: string; row: StoredAuditRow }> {
  const entry = (await auditEntriesOf(ENG)).find((candidate) => candidate.row.sealed && candidate.row.seq === seq);
  if (entry === undefined) throw new Error(`no entry ${seq}`);
  return entry;
}

/** The hash a forger recomputes for a changed entry, from the documented form (docs/audit.md). */
function rehash(key: string, row: StoredAuditRow): string {
  const { seq, prevHash, spaceId, pageId, at, type, actorId, body } = row;
  return sha256(canonical({ seq, prevHash, key, spaceId, pageId, at, type, actorId, bodyHash: sha256(canonical(body)) }));
}

async function workflowEntries(spaceId: string, count: number, prefix = 'wf-change'): Promise<string[]> {
  const keys: string[] = [];
  for (let i = 0; i < count; i += 1) {
    const key = `${prefix}:${spaceId}:${String(i).padStart(3, '0')}`;
    await writeUnsealedEntry(key, {
      spaceId,
      pageId: '-',
      at: new Date(Date.UTC(2026, 10, 22, 9, 0, i)).toISOString(),
      type: 'workflow.updated',
      actorId: 'u-frank',
      body: { kind: 'workflow', change: 'updated', workflowId: 'wf-1', details: { revision: i } },
    });
    keys.push(key);
  }
  return keys;
}

describe('sealing', () => {
  it('seals every entry once, in order, into a chain that verifies', async () => {
    app.sandbox.queue.duplicateDelivery = true;
    await approvalJourney();

    const entries = await auditEntriesOf(ENG);
    expect(entries).toHaveLength(6);
    expect(entries.every((entry) => entry.row.sealed)).toBe(true);
    expect(entries.map((entry) => entry.row.seq)).toEqual([1, 2, 3, 4, 5, 6]);
    expect(entries.map((entry) => entry.row.type)).toEqual([
      'request.submitted',
      'decision.recorded',
      'step.advanced',
      'decision.recorded',
      'decision.recorded',
      'request.approved',
    ]);
    expect(await verifyChain(ENG)).toEqual({ ok: true, verified: 6 });
  });

  it('keeps one chain per space', async () => {
    await workflowEntries(HR, 3);
    await pushEffects(HR, [`wf-change:${HR}:000`, `wf-change:${HR}:001`, `wf-change:${HR}:002`], '-');
    await approvalJourney();

    expect((await auditEntriesOf(HR)).map((entry) => entry.row.seq)).toEqual([1, 2, 3]);
    expect(await verifyChain(HR)).toEqual({ ok: true, verified: 3 });
    expect(await verifyChain(ENG)).toEqual({ ok: true, verified: 6 });
  });

  it('splits a large job into transactions of at most 25 operations', async () => {
    const keys = await workflowEntries(ENG, 60);
    await pushEffects(ENG, keys, '-');
    await app.drain();

    const entries = await auditEntriesOf(ENG);
    expect(entries.map((entry) => entry.key)).toEqual(keys);
    expect(entries.map((entry) => entry.row.seq)).toEqual(keys.map((_, index) => index + 1));
    expect(await verifyChain(ENG)).toEqual({ ok: true, verified: 60 });
  });

  it('lets racing sealers retry instead of forking the chain', async () => {
    const keys = await workflowEntries(ENG, 40);
    // Two sealers over overlapping entries at the same time: the chain head's condition makes one retry.
    await Promise.all([sealAuditEntries(keys.slice(0, 30)), sealAuditEntries(keys.slice(10)), sealAuditEntries(keys.slice(5, 15))]);
    expect(await verifyChain(ENG)).toEqual({ ok: true, verified: 40 });

    app.settleIndexes();
    const entries = await auditEntriesOf(ENG);
    expect(entries).toHaveLength(40);
    expect(entries.every((entry) => entry.row.sealed)).toBe(true);
    expect(entries.map((entry) => entry.row.seq)).toEqual(entries.map((_, index) => index + 1));
    expect(await verifyChain(ENG)).toEqual({ ok: true, verified: 40 });
  });
});

describe('verification while the index lags', () => {
  it('verifies entries sealed a moment ago, which the index does not list yet', async () => {
    const keys = await workflowEntries(ENG, 30);
    await sealAuditEntries(keys.slice(0, 10));
    app.settleIndexes();
    await sealAuditEntries(keys.slice(10));

    expect(await verifyChain(ENG)).toEqual({ ok: true, verified: 30 });
    expect(await verifyChain(ENG, { fromSeq: 12 })).toEqual({ ok: true, verified: 19 });
  });

  it('finds an entry deleted a moment ago, which the index still lists', async () => {
    const keys = await workflowEntries(ENG, 5);
    await sealAuditEntries(keys);
    app.settleIndexes();
    await auditTable().delete(keys[2]);

    expect(await verifyChain(ENG)).toMatchObject({ ok: false, verified: 2, broken: { seq: 3, reason: 'missing' } });
  });
});

describe('tamper detection', () => {
  beforeEach(async () => {
    await approvalJourney();
  });

  it('finds an entry whose body was changed', async () => {
    const { key, row } = await entryAt(4);
    if (row.body.kind !== 'request' || row.body.event.type !== 'decision.recorded') throw new Error('entry 4 should be a decision');
    const forged = { ...row.body.event, details: { ...row.body.event.details, decision: 'reject' as const } };
    await auditTable().set(key, { ...row, body: { kind: 'request', event: forged } });

    expect(await verifyChain(ENG)).toMatchObject({ ok: false, verified: 3, broken: { seq: 4, reason: 'modified' } });
  });

  it('finds an entry whose actor was changed', async () => {
    const { key, row } = await entryAt(2);
    await auditTable().set(key, { ...row, actorId: 'u-frank' });

    expect(await verifyChain(ENG)).toMatchObject({ ok: false, broken: { seq: 2, reason: 'modified' } });
  });

  it('finds an entry that was deleted', async () => {
    await auditTable().delete((await entryAt(5)).key);

    expect(await verifyChain(ENG)).toMatchObject({ ok: false, verified: 4, broken: { seq: 5, reason: 'missing' } });
  });

  it('finds the last entries removed', async () => {
    await auditTable().delete((await entryAt(6)).key);
    await auditTable().delete((await entryAt(5)).key);

    expect(await verifyChain(ENG)).toMatchObject({ ok: false, verified: 4, broken: { seq: 5, reason: 'missing' } });
  });

  it('finds the last entry deleted, whether or not the index still lists it', async () => {
    await auditTable().delete((await entryAt(6)).key);

    expect(await verifyChain(ENG)).toMatchObject({ ok: false, verified: 5, broken: { seq: 6, reason: 'missing' } });
    app.settleIndexes();
    expect(await verifyChain(ENG)).toMatchObject({ ok: false, verified: 5, broken: { seq: 6, reason: 'missing' } });
  });

  it('finds the last entry changed with its hash recomputed, which no later entry links to', async () => {
    const { key, row } = await entryAt(6);
    const forged = { ...row, actorId: 'u-frank' };
    await auditTable().set(key, { ...forged, hash: rehash(key, forged) });
    app.settleIndexes();

    expect(await verifyChain(ENG)).toMatchObject({ ok: false, broken: { seq: 6, reason: 'modified' } });
  });

  it('finds several entries cut from the end', async () => {
    for (const seq of [4, 5, 6]) await auditTable().delete((await entryAt(seq)).key);
    app.settleIndexes();

    expect(await verifyChain(ENG)).toMatchObject({ ok: false, verified: 3, broken: { seq: 4, reason: 'missing', detail: 'Entries 4 to 6 are missing' } });
  });

  it('finds two entries whose order was swapped', async () => {
    const third = await entryAt(3);
    const fifth = await entryAt(5);
    await auditTable().set(third.key, { ...third.row, seq: 5 });
    await auditTable().set(fifth.key, { ...fifth.row, seq: 3 });

    expect(await verifyChain(ENG)).toMatchObject({ ok: false, verified: 2, broken: { seq: 3, reason: 'reordered' } });
  });

  it('verifies from a given entry on, trusting the one before it', async () => {
    const { key, row } = await entryAt(2);
    await auditTable().set(key, { ...row, at: '2020-01-01T00:00:00.000Z' });

    expect(await verifyChain(ENG, { fromSeq: 3 })).toEqual({ ok: true, verified: 4 });
    expect(await verifyChain(ENG, { fromSeq: 2 })).toMatchObject({ ok: false, broken: { seq: 2, reason: 'modified' } });
  });
});

describe("a page's history", () => {
  it('lists its entries newest first, page by page, as soon as they are committed', async () => {
    const request = (await approvalJourney()).request;
    // Committed, its job not run yet.
    await writeUnsealedEntry(`actions:${request.id}:approved`, {
      spaceId: ENG,
      pageId: PAGE,
      at: new Date(Date.now() + 1000).toISOString(),
      type: 'actions.completed',
      actorId: '-',
      body: { kind: 'actions', requestId: request.id, state: 'approved', results: [] },
    });
    // The reader comes later than the index's lag; unsealed is what it must still show.
    app.settleIndexes();

    const first = await pageHistory(PAGE, undefined, 4);
    expect(first.rows.map((entry) => [entry.row.type, entry.row.sealed])).toEqual([
      ['actions.completed', false],
      ['request.approved', true],
      ['decision.recorded', true],
      ['decision.recorded', true],
    ]);
    expect(first.cursor).toBeDefined();
    const second = await pageHistory(PAGE, first.cursor, 4);
    expect(second.rows.map((entry) => entry.row.type)).toEqual(['step.advanced', 'decision.recorded', 'request.submitted']);
    expect(second.cursor).toBeUndefined();
  });
});
