/**
 * The hourly sweeper runs the effects of changes whose job was lost, and space admins export a
 * space's audit trail page by page, each page checked against the hash chain.
 */
import { kvs } from '@forge/kvs';
import { pushEffects } from '../../../src/commands/emit';
import { type SettingsResults } from '../../../src/shared/contract/settings';
import { type BridgeError } from '../../../src/shared/errors';
import { type Workflow } from '../../../src/shared/workflow';
import { type StoredAuditRow } from '../../../src/storage/audit';
import { ENTITY } from '../../../src/storage/entities';
import { MODULES, ok, refused, type TestApp, startApp } from '../support/app';
import { auditEntriesOf, submitPage, writeUnsealedEntry } from '../support/effects-journey';

const PAGE = '10020';
const ENG = '1001';

let app: TestApp;
let workflow: Workflow;

beforeEach(async () => {
  app = await startApp();
  workflow = await app.createWorkflow({
    name: 'Release review',
    steps: [{ id: 'review', name: 'Review', approvers: [{ type: 'user', accountId: 'u-bob' }], rule: { kind: 'any' } }],
  }, 'default');
});

afterEach(() => {
  jest.restoreAllMocks();
  app.close();
});

const auditTable = () => kvs.entity<StoredAuditRow>(ENTITY.auditEvent);
const minutesAgo = (minutes: number) => new Date(Date.now() - minutes * 60_000).toISOString();

describe('the effects sweeper', () => {
  it('runs the effects of changes whose job was never queued', async () => {
    jest.spyOn(console, 'error').mockImplementation(() => undefined);
    app.sandbox.faults.failNext('queue', 1);
    const request = await submitPage(app, PAGE, 'u-alice');
    await app.drain();
    expect(app.site().commentsOn(PAGE)).toHaveLength(0);
    // An hour later the entry is still unsealed.
    const key = `${request.id}:1`;
    const row = await auditTable().get(key);
    if (row === undefined) throw new Error('the submission entry was not written');
    await auditTable().set(key, { ...row, at: minutesAgo(60) });
    // The hour has passed for the indexes too.
    app.settleIndexes();

    expect(await app.sandbox.runScheduled('effects-sweep-trigger')).toMatchObject({ ok: true });
    await app.drain();

    expect((await auditEntriesOf(ENG)).map((entry) => [entry.key, entry.row.sealed, entry.row.seq])).toEqual([[key, true, 1]]);
    expect(app.site().commentsOn(PAGE).map((comment) => comment.mentions)).toEqual([['u-bob']]);
    expect(app.bylineProperty(PAGE)?.title).toBe('In approval · step 1 of 1');
  });

  it('leaves entries alone whose job may still be on its way', async () => {
    await writeUnsealedEntry('wf-change:fresh', {
      spaceId: ENG,
      pageId: '-',
      at: minutesAgo(1),
      type: 'workflow.created',
      actorId: 'u-frank',
      body: { kind: 'workflow', change: 'created', workflowId: workflow.id, details: {} },
    });

    await app.sandbox.runScheduled('effects-sweep-trigger');
    await app.drain();

    expect(app.sandbox.queue.deliveries({ queueName: 'approval-effects' })).toHaveLength(0);
    expect((await auditEntriesOf(ENG)).map((entry) => entry.row.sealed)).toEqual([false]);
  });
});

describe('exporting the audit trail', () => {
  const exportAs = (accountId: string, cursor?: string) =>
    app.as(accountId).invoke(MODULES.settings, 'exportAudit', cursor === undefined ? {} : { cursor }, app.spaceContext('ENG')) as Promise<
      SettingsResults['exportAudit'] | BridgeError
    >;

  /** 70 workflow changes by Frank, sealed. */
  async function seventyChanges(): Promise<void> {
    const keys: string[] = [];
    for (let i = 0; i < 70; i += 1) {
      const key = `wf-change:${String(i).padStart(3, '0')}`;
      await writeUnsealedEntry(key, {
        spaceId: ENG,
        pageId: '-',
        at: new Date(Date.UTC(2026, 10, 22, 9, i)).toISOString(),
        type: 'workflow.updated',
        actorId: 'u-frank',
        body: { kind: 'workflow', change: 'updated', workflowId: workflow.id, details: { name: workflow.name } },
      });
      keys.push(key);
    }
    await pushEffects(ENG, keys, '-');
    await app.drain();
  }

  it('pages through the sealed entries oldest first, each page verified against the chain', async () => {
    await seventyChanges();

    const first = ok(await exportAs('u-frank'));
    expect(first.entries).toHaveLength(50);
    expect(first.chainVerified).toBe(true);
    expect(first.entries.map((entry) => entry.seq)).toEqual(Array.from({ length: 50 }, (_, index) => index + 1));
    expect(first.entries[0]).toMatchObject({
      id: 'wf-change:000',
      actor: { accountId: 'u-frank', displayName: 'Frank Spaceadmin' },
      summary: 'Frank Spaceadmin changed the workflow "Release review"',
      hash: expect.stringMatching(/^[0-9a-f]{64}$/),
    });
    expect(first.cursor).toBeDefined();

    const second = ok(await exportAs('u-frank', first.cursor));
    expect(second.entries.map((entry) => entry.seq)).toEqual(Array.from({ length: 20 }, (_, index) => index + 51));
    expect(second.chainVerified).toBe(true);
    expect(second.cursor).toBeUndefined();
  });

  it('says when the exported page does not check out against the chain', async () => {
    await seventyChanges();
    const first = ok(await exportAs('u-frank'));
    const tampered = await auditTable().get('wf-change:055');
    if (tampered === undefined) throw new Error('entry missing');
    await auditTable().set('wf-change:055', { ...tampered, actorId: 'u-bob' });

    expect(ok(await exportAs('u-frank', first.cursor)).chainVerified).toBe(false);
    expect(ok(await exportAs('u-frank')).chainVerified).toBe(true);
  });

  it('refuses anyone who does not administer the space, and cursors it did not hand out', async () => {
    await seventyChanges();

    expect(refused(await exportAs('u-bob'))).toMatchObject({ code: 'FORBIDDEN' });
    expect(refused(await exportAs('u-frank', 'not-a-cursor'))).toMatchObject({ code: 'VALIDATION' });
    expect(ok(await exportAs('u-heidi')).entries).toHaveLength(50);
  });
});
