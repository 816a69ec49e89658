import { join } from 'node:path';
import { type Sandbox, createSandbox } from '../../../sandbox';
import { parseManifest } from '../../../sandbox/runtime/manifest';
import { runtimeLimitMs } from '../../../sandbox/runtime/runtime-limits';
import { ALICE, APP_ACCOUNT, BOB, FakeConfluence } from './fake-confluence';
import { fixtureSandbox, valuesUnder } from './harness';

interface Recorded {
  eventType: string;
  atlassianId: string;
  updateTrigger: string;
  type: string;
  title: string;
  spaceId: number;
  spaceKey: string;
  createdBy: string;
  versionBy: string;
  retryReason: string | null;
  retryData: { note?: string } | null;
  selfGenerated: boolean;
  remainingMs: number;
  principal: unknown;
}

let sandbox: Sandbox | undefined;

afterEach(() => {
  sandbox?.close();
  sandbox = undefined;
});

describe('trigger filters', () => {
  it('refuses filter.ignoreSelf on a trigger with other than Jira events, as forge deploy’s validator does', () => {
    const manifest = (events: string) => `
app: { id: ari:cloud:ecosystem::app/11111111-2222-4333-8444-888888888888 }
modules:
  trigger: [{ key: edits, function: on-edit, events: [${events}], filter: { ignoreSelf: true } }]
  function: [{ key: on-edit, handler: index.onEdit }]
`;
    expect(() => parseManifest(manifest('avi:confluence:updated:page'))).toThrow('trigger edits: Trigger filtering with ignoreSelf works only with Jira events');
    expect(() => parseManifest(manifest('avi:jira:updated:issue'))).not.toThrow();
  });
});

describe('runtime limits (limits-invocation)', () => {
  const manifest = (consumerAlsoTrigger: boolean) =>
    parseManifest(`
app: { id: ari:cloud:ecosystem::app/11111111-2222-4333-8444-888888888888 }
modules:
  consumer: [{ key: work, queue: work, function: worker }]
  scheduledTrigger: [{ key: nightly, function: nightly, interval: day }]
  trigger: [{ key: edits, function: ${consumerAlsoTrigger ? 'worker' : 'on-edit'}, events: [avi:confluence:updated:page] }]
  function:
    - { key: worker, handler: index.worker, timeoutSeconds: 600 }
    - { key: nightly, handler: index.nightly }
    - { key: on-edit, handler: index.onEdit, timeoutSeconds: 600 }
`);

  it('gives timeoutSeconds (default 55 s) only to functions that serve consumers or scheduled triggers alone', () => {
    expect(runtimeLimitMs(manifest(false), 'worker')).toBe(600_000);
    expect(runtimeLimitMs(manifest(false), 'nightly')).toBe(55_000);
    expect(runtimeLimitMs(manifest(false), 'on-edit')).toBe(25_000);
    expect(runtimeLimitMs(manifest(true), 'worker')).toBe(25_000);
  });
});

describe('the page-updated product event', () => {
  it('reaches the trigger when a user edits a page, shaped like Forge Confluence events', async () => {
    ({ sandbox } = await fixtureSandbox());
    await sandbox.editPage('1001', BOB, { title: 'Design v2' });
    expect(await valuesUnder('event:')).toEqual([]);
    await sandbox.drain();
    expect(await valuesUnder<Recorded>('event:1001:2:')).toEqual([
      {
        eventType: 'avi:confluence:updated:page',
        atlassianId: BOB,
        updateTrigger: 'edit_page',
        type: 'page',
        title: 'Design v2',
        spaceId: 77,
        spaceKey: 'ENG',
        createdBy: ALICE,
        versionBy: BOB,
        selfGenerated: false,
        remainingMs: expect.any(Number),
        retryReason: null,
        retryData: null,
        principal: null,
      },
    ]);
    expect(sandbox.ops.invocations({ kind: 'trigger' })).toHaveLength(1);
  });

  it('delivers the app’s own edits marked selfGenerated', async () => {
    ({ sandbox } = await fixtureSandbox());
    await sandbox.editPage('1002', APP_ACCOUNT, { title: '[Approved] Runbook' });
    await sandbox.editPage('1001', BOB, { title: 'Design v2' });
    await sandbox.drain();
    expect(await valuesUnder('event:1002:2:')).toEqual([expect.objectContaining({ atlassianId: APP_ACCOUNT, versionBy: APP_ACCOUNT, selfGenerated: true })]);
    expect(await valuesUnder('event:1001:2:')).toEqual([expect.objectContaining({ atlassianId: BOB, selfGenerated: false })]);
  });

  it('retries a trigger that returns InvocationError at most four times, handing its retryData back', async () => {
    ({ sandbox } = await fixtureSandbox());
    await sandbox.editPage('1001', ALICE, { title: 'please retry' });
    await sandbox.drain();
    const attempts = await valuesUnder<Recorded>('event:1001:2:');
    expect(attempts).toHaveLength(5);
    expect(attempts[0]).toMatchObject({ retryReason: null, retryData: null });
    expect(attempts.slice(1).every((attempt) => attempt.retryReason === 'FUNCTION_RETRY_REQUEST' && attempt.retryData?.note === 'kept')).toBe(true);
    expect(sandbox.triggerDeliveries().map((delivery) => delivery.retryCount)).toEqual([0, 1, 2, 3, 4]);
    expect(sandbox.triggerDeliveries()[4]).toMatchObject({ outcome: 'retry', reason: 'retry limit reached' });
  });

  it('does not hand back retryData that is not an object (ECO-734) and refuses more than 4 KB of it', async () => {
    ({ sandbox } = await fixtureSandbox());
    await sandbox.editPage('1001', ALICE, { title: 'please retry with text' });
    await sandbox.editPage('1002', ALICE, { title: 'please retry with 5 KB' });
    await sandbox.drain();
    const text = await valuesUnder<Recorded>('event:1001:2:');
    expect(text).toHaveLength(5);
    expect(text.every((attempt) => attempt.retryData === null)).toBe(true);
    expect(await valuesUnder('event:1002:2:')).toHaveLength(1);
    expect(sandbox.triggerDeliveries().filter((delivery) => delivery.pageId === '1002')).toEqual([
      expect.objectContaining({ outcome: 'retry', reason: 'retryData exceeds 4096 bytes' }),
    ]);
  });

  it('does not retry a trigger that throws', async () => {
    ({ sandbox } = await fixtureSandbox());
    await sandbox.editPage('1001', ALICE, { title: 'please throw' });
    await sandbox.drain();
    expect(await valuesUnder('event:1001:2:')).toHaveLength(1);
    expect(sandbox.triggerDeliveries()).toEqual([expect.objectContaining({ retryCount: 0, outcome: 'error', reason: 'handler exploded' })]);
  });

  it('gives the trigger’s function the 25 s of interactive functions, not the 55 s default of background jobs', async () => {
    ({ sandbox } = await fixtureSandbox());
    await sandbox.editPage('1001', ALICE, { title: 'Design v2' });
    await sandbox.drain();
    const [event] = await valuesUnder<Recorded>('event:1001:2:');
    expect(event.remainingMs).toBeGreaterThan(20_000);
    expect(event.remainingMs).toBeLessThanOrEqual(25_000);
  });

  it('stops a trigger after 25 s and retries it for the platform with FUNCTION_TIME_OUT, at most four times', async () => {
    jest.useFakeTimers({ doNotFake: ['setImmediate', 'nextTick', 'queueMicrotask'] });
    try {
      ({ sandbox } = await fixtureSandbox());
      await sandbox.editPage('1001', ALICE, { title: 'please hang' });
      const idle = sandbox.drain();
      for (let i = 0; i < 5; i += 1) await jest.advanceTimersByTimeAsync(60_000);
      await idle;
      const attempts = await valuesUnder<Recorded>('event:1001:2:');
      expect(attempts.map((attempt) => attempt.retryReason)).toEqual([null, 'FUNCTION_TIME_OUT', 'FUNCTION_TIME_OUT', 'FUNCTION_TIME_OUT', 'FUNCTION_TIME_OUT']);
      expect(sandbox.triggerDeliveries().map((delivery) => delivery.outcome)).toEqual(['timeout', 'timeout', 'timeout', 'timeout', 'timeout']);
      expect(sandbox.ops.invocations({ kind: 'trigger' }).every((invocation) => invocation.outcome === 'timeout')).toBe(true);
    } finally {
      jest.useRealTimers();
    }
  });

  it('is not delivered to an app without the read:confluence-content.summary scope', async () => {
    const warn = jest.spyOn(console, 'warn').mockImplementation(() => undefined);
    sandbox = await createSandbox({ appRoot: join(__dirname, '..', 'fixtures', 'app-no-event-scope'), confluence: FakeConfluence.seeded() });
    await sandbox.editPage('1001', ALICE, { title: 'Design v2' });
    await sandbox.drain();
    expect(sandbox.ops.invocations({ kind: 'trigger' })).toEqual([]);
    expect(sandbox.triggerDeliveries()).toEqual([expect.objectContaining({ outcome: 'skipped', reason: 'missing scope' })]);
    expect(warn).toHaveBeenCalledWith(expect.stringContaining('read:confluence-content.summary'));
    warn.mockRestore();
  });
});
