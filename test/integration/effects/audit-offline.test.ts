/**
 * What a space admin's audit export proves outside the app: every entry carries what its hash
 * covers, so an auditor's own script (test/integration/support/offline-audit.ts, written from
 * docs/audit.md) recomputes the chain; the head it states, pinned, shows a later rewrite; and
 * entries on pages the admin may not view keep their place but not their content.
 */
import { kvs } from '@forge/kvs';
import { type AuditExportEntryView, type AuditExportView, type PinnedHeadCheckView } from '../../../src/shared/contract/audit';
import { type BridgeError } from '../../../src/shared/errors';
import { type StoredAuditRow } from '../../../src/storage/audit';
import { ENTITY } from '../../../src/storage/entities';
import { pushEffects } from '../../../src/commands/emit';
import { MODULES, ok, refused, type TestApp, startApp } from '../support/app';
import { decideOnPage, submitPage, writeUnsealedEntry } from '../support/effects-journey';
import { canonical, firstBrokenSeq, sha256 } from '../support/offline-audit';

const PAGE = '10020';
const POSTMORTEM = '10040';
const ENG = '1001';

let app: TestApp;

beforeEach(async () => {
  app = await startApp();
  await app.createWorkflow(
    { name: 'Release review', steps: [{ id: 'review', name: 'Review', approvers: [{ type: 'user', accountId: 'u-bob' }], rule: { kind: 'any' } }] },
    'default',
  );
});

afterEach(() => app.close());

const auditTable = () => kvs.entity<StoredAuditRow>(ENTITY.auditEvent);

const exportPage = (accountId: string, cursor?: string) =>
  app.as(accountId).invoke(MODULES.settings, 'exportAudit', cursor === undefined ? {} : { cursor }, app.spaceContext('ENG')) as Promise<AuditExportView | BridgeError>;

const checkPin = (accountId: string, pinnedHead: string) =>
  app.as(accountId).invoke(MODULES.settings, 'checkPinnedHead', { pinnedHead }, app.spaceContext('ENG')) as Promise<PinnedHeadCheckView | BridgeError>;

/** Every page of the export, as an auditor downloads it; the head is the last page's. */
async function fullExport(accountId: string): Promise<{ entries: AuditExportEntryView[]; head: AuditExportView['head']; verified: boolean; restricted: number }> {
  const entries: AuditExportEntryView[] = [];
  let cursor: string | undefined;
  let verified = true;
  let restricted = 0;
  for (;;) {
    const page = ok(await exportPage(accountId, cursor));
    entries.push(...page.entries);
    verified = verified && page.chainVerified;
    restricted += page.restrictedEntries;
    if (page.cursor === undefined) return { entries, head: page.head, verified, restricted };
    cursor = page.cursor;
  }
}

/** Submitted with a comment and approved with one: two entries on the page after the workflow's own. */
async function reviewedPage(): Promise<void> {
  await submitPage(app, PAGE, 'u-alice', 'Please check the rollout section');
  await app.drain();
  await decideOnPage(app, PAGE, 'u-bob', 'approve', 'Rollout looks safe');
  await app.drain();
}

/** `count` sealed workflow changes by Frank, one a minute. */
async function workflowChanges(count: number, from = 0): Promise<void> {
  const keys: string[] = [];
  for (let i = from; i < from + count; i += 1) {
    const key = `wf-change:${String(i).padStart(3, '0')}`;
    await writeUnsealedEntry(key, {
      spaceId: ENG,
      pageId: '-',
      at: new Date(Date.UTC(2026, 10, 22, 9, i)).toISOString(),
      type: 'workflow.updated',
      actorId: 'u-frank',
      body: { kind: 'workflow', change: 'updated', workflowId: 'wf-1', details: { revision: i } },
    });
    keys.push(key);
  }
  await pushEffects(ENG, keys, '-');
  await app.drain();
}

/** A forger's rewrite: entry `seq` changed, every later hash and the head recomputed, as docs/audit.md would let anyone do. */
async function rewriteFrom(seq: number, change: (row: StoredAuditRow) => StoredAuditRow): Promise<void> {
  const { entries } = await fullExport('u-frank');
  let prevHash = entries[seq - 2]?.hash ?? '0'.repeat(64);
  for (const entry of entries.slice(seq - 1)) {
    const stored = await auditTable().get(entry.id);
    if (stored === undefined) throw new Error(`entry ${entry.seq} is missing`);
    const row = entry.seq === seq ? change(stored) : stored;
    const { spaceId, pageId, at, type, actorId, body } = row;
    const hash = sha256(canonical({ seq: row.seq, prevHash, key: entry.id, spaceId, pageId, at, type, actorId, bodyHash: sha256(canonical(body)) }));
    await auditTable().set(entry.id, { ...row, prevHash, hash });
    prevHash = hash;
  }
  const head = kvs.entity<{ seq: number; hash: string; revision: number; recentKeys?: string[] }>('audit-chain');
  const current = await head.get(ENG);
  if (current === undefined) throw new Error('no chain head');
  await head.set(ENG, { ...current, hash: prevHash, revision: current.revision + 1 });
  app.settleIndexes();
}

describe('verifying an export offline', () => {
  it('recomputes every hash of the exported chain with nothing but the documented form, up to the head it states', async () => {
    await reviewedPage();
    await workflowChanges(60);

    const exported = await fullExport('u-frank');
    expect(exported.verified).toBe(true);
    expect(exported.entries.length).toBeGreaterThan(60);
    expect(exported.head).toEqual({ seq: exported.entries.length, hash: exported.entries.at(-1)?.hash, at: expect.any(String) });
    expect(firstBrokenSeq(exported.head, exported.entries)).toBeNull();
    const submitted = exported.entries.find((entry) => entry.type === 'request.submitted');
    expect(submitted).toMatchObject({ pageTitle: expect.any(String), comment: 'Please check the rollout section', restricted: false });
    expect(submitted?.hashed).toMatchObject({ key: submitted?.id, spaceId: ENG, pageId: PAGE, at: submitted?.at, type: 'request.submitted', actorId: 'u-alice' });
  });

  it('fails at the exact entry that was changed, and where entries were cut from the end', async () => {
    await reviewedPage();
    await workflowChanges(10);
    const before = await fullExport('u-frank');
    const target = before.entries[4];
    const stored = await auditTable().get(target.id);
    if (stored === undefined) throw new Error('entry missing');
    await auditTable().set(target.id, { ...stored, at: '2020-01-01T00:00:00.000Z' });
    app.settleIndexes();

    const tampered = await fullExport('u-frank');
    expect(tampered.verified).toBe(false);
    expect(firstBrokenSeq(tampered.head, tampered.entries)).toBe(5);

    await auditTable().set(target.id, stored);
    for (const entry of before.entries.slice(-3)) await auditTable().delete(entry.id);
    app.settleIndexes();
    const truncated = await fullExport('u-frank');
    expect(truncated.verified).toBe(false);
    expect(firstBrokenSeq(truncated.head, truncated.entries)).toBe(before.entries.length - 2);
  });

  it('lists the entries sealed a moment ago, which the index does not list yet, on the last page', async () => {
    app.close();
    app = await startApp({ indexCatchUp: 'manual' });
    await workflowChanges(5);
    app.settleIndexes();
    await workflowChanges(3, 5);

    const exported = await fullExport('u-frank');
    expect(exported.entries.map((entry) => entry.seq)).toEqual(exported.entries.map((_, index) => index + 1));
    expect(exported.verified).toBe(true);
    expect(firstBrokenSeq(exported.head, exported.entries)).toBeNull();
  });
});

describe('pinning the chain head', () => {
  it('confirms a pinned head the chain still holds, with the entries added since', async () => {
    await workflowChanges(5);
    const pinned = (await fullExport('u-frank')).head;
    await reviewedPage();

    expect(ok(await checkPin('u-frank', `${pinned.seq}:${pinned.hash}`))).toMatchObject({
      outcome: 'intact',
      message: expect.stringMatching(/^The chain still contains the pinned entry unchanged; \d+ entries were added since, and they verify\.$/),
    });
    expect(ok(await checkPin('u-frank', ` ${pinned.seq}:${pinned.hash.toUpperCase()} `)).outcome).toBe('intact');
  });

  it('shows a rewrite with every hash and the head recomputed, which the export alone cannot', async () => {
    await workflowChanges(8);
    const pinned = (await fullExport('u-frank')).head;
    await rewriteFrom(3, (row) => ({ ...row, actorId: 'u-bob' }));

    const rewritten = await fullExport('u-frank');
    expect(rewritten.verified).toBe(true);
    expect(firstBrokenSeq(rewritten.head, rewritten.entries)).toBeNull();
    expect(rewritten.head.hash).not.toBe(pinned.hash);
    expect(ok(await checkPin('u-frank', `${pinned.seq}:${pinned.hash}`))).toMatchObject({ outcome: 'broken', brokenSeq: pinned.seq });
  });

  it('shows entries removed after the pin, with the head moved back', async () => {
    await workflowChanges(8);
    const pinned = (await fullExport('u-frank')).head;
    const keep = (await fullExport('u-frank')).entries[4];
    for (const seq of [6, 7, 8]) await auditTable().delete(`wf-change:${String(seq - 1).padStart(3, '0')}`);
    await kvs.entity<{ seq: number; hash: string; revision: number }>('audit-chain').set(ENG, { seq: 5, hash: keep.hash, revision: 99 });
    app.settleIndexes();

    expect(ok(await checkPin('u-frank', `${pinned.seq}:${pinned.hash}`))).toMatchObject({
      outcome: 'broken',
      brokenSeq: 6,
      message: 'The chain now ends at entry 5, before the pinned entry 8: entries were removed and the chain head moved back',
    });
  });

  it('sends a pin further back than one check follows to the offline check, changing nothing', async () => {
    await workflowChanges(2);
    const { entries } = await fullExport('u-frank');
    const heads = kvs.entity<{ seq: number; hash: string; revision: number }>('audit-chain');
    const head = await heads.get(ENG);
    if (head === undefined) throw new Error('no chain head');
    await heads.set(ENG, { ...head, seq: 10_002 });

    expect(refused(await checkPin('u-frank', `1:${entries[0].hash}`))).toMatchObject({
      code: 'PRECONDITION',
      message: expect.stringContaining('more than 10,000 entries before the head (10002): check it against a full export with the offline script'),
    });
    expect(await heads.get(ENG)).toEqual({ ...head, seq: 10_002 });
  });

  it('refuses a head that is not seq:hash, and anyone who does not administer the space', async () => {
    await workflowChanges(2);
    const { head } = await fullExport('u-frank');

    for (const text of ['', '2', 'abc:def', `0:${head.hash}`, `2:${head.hash.slice(1)}`]) {
      expect(refused(await checkPin('u-frank', text))).toMatchObject({ code: 'VALIDATION' });
    }
    expect(refused(await checkPin('u-bob', `${head.seq}:${head.hash}`))).toMatchObject({ code: 'FORBIDDEN' });
  });
});

describe('entries on pages the exporting admin cannot view', () => {
  it('keep their place and hashes but withhold the page title, comment and details, and the export says how many', async () => {
    await reviewedPage();
    // Later, the page's author restricts it: Frank, a space admin, is no longer among its viewers.
    app.site().setRestriction(PAGE, 'read', { users: ['u-alice', 'u-bob', app.site().appAccountId] });

    app.sandbox.ops.reset();
    const page = ok(await exportPage('u-frank'));
    const call = app.sandbox.ops.lastInvocation('resolver');
    if (call === undefined) throw new Error('the export ran no resolver');
    // Visibility as Frank: one page lookup, one blog post lookup for the ids no page answered; names in one more.
    expect(app.sandbox.ops.count('confluence', call.id)).toBeLessThanOrEqual(3);
    expect(app.sandbox.ops.forInvocation(call.id).filter((op) => op.operation === 'query')).toHaveLength(1);

    const onPage = page.entries.filter((entry) => entry.pageId === PAGE);
    expect(onPage.length).toBeGreaterThanOrEqual(2);
    expect(page.restrictedEntries).toBe(onPage.length);
    for (const entry of onPage) {
      expect(entry).toMatchObject({ restricted: true, pageVersion: null, summary: 'Details withheld: restricted page' });
      expect(entry).not.toHaveProperty('comment');
      expect(entry).not.toHaveProperty('body');
      expect(entry).not.toHaveProperty('pageTitle');
      expect(JSON.stringify(entry)).not.toMatch(/rollout|Rollout|Release Notes/);
    }
    expect(onPage.map((entry) => entry.type)).toEqual(expect.arrayContaining(['request.submitted', 'decision.recorded']));
    expect(onPage.every((entry) => entry.actor !== null && entry.hashed.bodyHash.length === 64)).toBe(true);
    expect(page.chainVerified).toBe(true);
    expect(firstBrokenSeq(page.head, page.entries)).toBeNull();

    expect((await fullExport('u-heidi')).restricted).toBe(onPage.length);
  });

  it("withhold the seeded postmortem's title from Heidi, whom its restriction leaves out, and show it to Frank, whom it names", async () => {
    await writeUnsealedEntry('space-settings:1001:assign-postmortem', {
      spaceId: ENG,
      pageId: POSTMORTEM,
      at: new Date().toISOString(),
      type: 'workflow.assigned',
      actorId: 'u-frank',
      body: { kind: 'workflow', change: 'assigned', workflowId: 'wf-1', details: { scope: 'page' } },
    });
    await pushEffects(ENG, ['space-settings:1001:assign-postmortem'], POSTMORTEM);
    await app.drain();

    const asHeidi = (await fullExport('u-heidi')).entries.find((entry) => entry.pageId === POSTMORTEM);
    const asFrank = (await fullExport('u-frank')).entries.find((entry) => entry.pageId === POSTMORTEM);
    expect(asHeidi).toMatchObject({ restricted: true, actor: { accountId: 'u-frank' }, type: 'workflow.assigned' });
    expect(asHeidi).not.toHaveProperty('pageTitle');
    expect(asFrank).toMatchObject({ restricted: false, pageTitle: 'Security Incident Postmortem 2026-09' });
    expect(asHeidi?.hash).toBe(asFrank?.hash);
  });
});
