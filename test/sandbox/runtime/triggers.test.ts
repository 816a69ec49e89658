import { join } from 'node:path';
import { type Sandbox, createSandbox } from '../../../sandbox';
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
  principal: unknown;
}

let sandbox: Sandbox;

afterEach(() => sandbox.close());

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
        retryReason: null,
        principal: null,
      },
    ]);
    expect(sandbox.ops.invocations({ kind: 'trigger' })).toHaveLength(1);
  });

  it('also delivers the app’s own edits: Forge applies ignoreSelf to Jira events only', async () => {
    ({ sandbox } = await fixtureSandbox());
    await sandbox.invoke({ moduleKey: 'byline', functionKey: 'retitle', payload: { pageId: '1002', title: '[Approved] Runbook' }, accountId: ALICE });
    await sandbox.drain();
    expect(await valuesUnder<Recorded>('event:1002:2:')).toEqual([expect.objectContaining({ atlassianId: APP_ACCOUNT, versionBy: APP_ACCOUNT })]);
  });

  it('skips the app’s own edits for ignoreSelf triggers when the option models that filter', async () => {
    ({ sandbox } = await fixtureSandbox({ ignoreSelfOnConfluenceEvents: true }));
    await sandbox.invoke({ moduleKey: 'byline', functionKey: 'retitle', payload: { pageId: '1002', title: '[Approved] Runbook' }, accountId: ALICE });
    await sandbox.editPage('1001', ALICE, { title: 'Design v2' });
    await sandbox.drain();
    expect(await valuesUnder('event:1002:')).toEqual([]);
    expect(await valuesUnder('event:1001:')).toHaveLength(1);
    expect(sandbox.triggerDeliveries().map((delivery) => delivery.outcome).sort()).toEqual(['ok', 'skipped']);
  });

  it('retries a trigger that returns InvocationError at most four times', async () => {
    ({ sandbox } = await fixtureSandbox());
    await sandbox.editPage('1001', ALICE, { title: 'please retry' });
    await sandbox.drain();
    const attempts = await valuesUnder<Recorded>('event:1001:2:');
    expect(attempts).toHaveLength(5);
    expect(attempts.slice(1).every((attempt) => attempt.retryReason === 'FUNCTION_RETRY_REQUEST')).toBe(true);
    expect(sandbox.triggerDeliveries().map((delivery) => delivery.retryCount)).toEqual([0, 1, 2, 3, 4]);
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
