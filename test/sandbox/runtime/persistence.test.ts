import { existsSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { Sort, kvs } from '@forge/kvs';
import { type Sandbox } from '../../../sandbox';
import { ALICE, type FakeConfluence } from './fake-confluence';
import { fixtureSandbox, valuesUnder } from './harness';

let dataDir: string;
const open: Sandbox[] = [];

beforeEach(() => {
  dataDir = mkdtempSync(join(tmpdir(), 'sandbox-state-'));
});

afterEach(() => {
  for (const sandbox of open.splice(0)) sandbox.close();
  rmSync(dataDir, { recursive: true, force: true });
});

async function start(options: { timeScale?: number } = {}): Promise<{ sandbox: Sandbox; confluence: FakeConfluence }> {
  const started = await fixtureSandbox({ dataDir, queue: { timeScale: options.timeScale ?? 0 } });
  open.push(started.sandbox);
  return { sandbox: started.sandbox, confluence: started.sandbox.confluence as FakeConfluence };
}

describe('persistence in a data directory', () => {
  it('restores storage, entity indexes, secrets and Confluence after a restart', async () => {
    const first = await start();
    await kvs.set('note:1', { text: 'kept' });
    await kvs.setSecret('token', 's3cret');
    await kvs.entity('task-item').set('t1', { spaceId: 'S1', status: 'open', createdAt: '2026-01-02' });
    await kvs.entity('task-item').set('t2', { spaceId: 'S1', status: 'open', createdAt: '2026-01-03' });
    await first.sandbox.editPage('1001', ALICE, { title: 'Edited before restart' });
    await first.sandbox.drain();
    first.sandbox.close();
    expect(existsSync(join(dataDir, 'state.json'))).toBe(true);

    const second = await start();
    expect(await kvs.get('note:1')).toEqual({ text: 'kept' });
    expect(await kvs.getSecret('token')).toBe('s3cret');
    const page = await kvs.entity('task-item').query().index('by-space-status', { partition: ['S1', 'open'] }).sort(Sort.DESC).getMany();
    expect(page.results.map((result) => result.key)).toEqual(['t2', 't1']);
    expect(second.confluence.page('1001')).toMatchObject({ title: 'Edited before restart', version: 2 });
    expect(await valuesUnder('event:1001:2:')).toHaveLength(1);
  });

  it('writes acknowledged writes to disk shortly after, without waiting for close', async () => {
    await start();
    await kvs.set('early', 1);
    await new Promise((resolve) => setTimeout(resolve, 150));
    const saved = JSON.parse(readFileSync(join(dataDir, 'state.json'), 'utf8')) as { storage: { kvs: Array<[string, unknown]> } };
    expect(saved.storage.kvs.map(([key]) => key)).toContain('early');
  });

  it('delivers queued events that were still waiting when the process stopped', async () => {
    const first = await start({ timeScale: 1 });
    await first.sandbox.invoke({ moduleKey: 'byline', functionKey: 'push', payload: { events: [{ body: { tag: 'survivor' }, delayInSeconds: 600 }] }, accountId: ALICE });
    first.sandbox.close();

    const second = await start({ timeScale: 0 });
    await second.sandbox.drain();
    expect(await valuesUnder('delivery:survivor:')).toHaveLength(1);
  });

  it('resets to the initial state', async () => {
    const { sandbox, confluence } = await start();
    await kvs.set('gone', true);
    await sandbox.editPage('1001', ALICE, { title: 'Changed' });
    await sandbox.drain();
    sandbox.reset();
    expect(await kvs.get('gone')).toBeUndefined();
    expect((sandbox.confluence as FakeConfluence).page('1001')).toMatchObject({ title: 'Design', version: 1 });
    expect(sandbox.confluence).not.toBe(confluence);
    expect(sandbox.ops.entries()).toHaveLength(1);
  });
});
