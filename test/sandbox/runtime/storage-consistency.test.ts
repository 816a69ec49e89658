import { Filter, FilterConditions, MetadataField, WhereConditions, kvs } from '@forge/kvs';
import { type Sandbox, type SandboxOptions } from '../../../sandbox';
import { apiError, fixtureSandbox } from './harness';

interface Task {
  spaceId: string;
  status: string;
  createdAt: string;
}

const MINUTE = 60_000;
const HOUR = 60 * MINUTE;
const tasks = kvs.entity<Task>('task-item');
const task = (status: string): Task => ({ spaceId: 'S1', status, createdAt: '2026-01-01T00:00:00.000Z' });

let sandbox: Sandbox;
let now: number;

/** The storage clock follows Date.now(), so moving it moves expiries and the index lag. */
async function start(options: Partial<SandboxOptions> = {}): Promise<void> {
  now = Date.parse('2026-11-22T10:00:00.000Z');
  jest.spyOn(Date, 'now').mockImplementation(() => now);
  ({ sandbox } = await fixtureSandbox(options));
}

const advance = (ms: number): void => {
  now += ms;
};

const queryKeys = async (prefix: string): Promise<string[]> => (await kvs.query().where('key', WhereConditions.beginsWith(prefix)).getMany()).results.map((r) => r.key);
const openTasks = async (): Promise<Array<{ key: string; value: Task }>> => (await tasks.query().index('by-space-status', { partition: ['S1', 'open'] }).getMany()).results;

afterEach(() => {
  sandbox.close();
  jest.restoreAllMocks();
});

describe('expired TTL values (storage-reference/kvs-api, "Time-to-live")', () => {
  async function writeExpiring(): Promise<void> {
    await kvs.set('cache:one', 'stale', { ttl: { value: 1, unit: 'MINUTES' } });
    await tasks.set('t-1', task('open'), { ttl: { value: 1, unit: 'MINUTES' } });
  }

  it('are still returned by every read for 48 hours after expiry, with expireTime in the past', async () => {
    await start();
    await writeExpiring();
    advance(2 * MINUTE);

    expect(await kvs.get('cache:one')).toBe('stale');
    const withExpiry = await kvs.get('cache:one', { metadataFields: [MetadataField.EXPIRE_TIME] });
    expect(Date.parse(withExpiry?.expireTime ?? '')).toBeLessThan(now);
    expect((await kvs.batchGet([{ key: 'cache:one' }])).successfulKeys.map((item) => item.value)).toEqual(['stale']);
    expect(await queryKeys('cache:')).toEqual(['cache:one']);
    expect(await tasks.get('t-1')).toEqual(task('open'));
    expect((await openTasks()).map((item) => item.key)).toEqual(['t-1']);

    advance(48 * HOUR);
    expect(await kvs.get('cache:one')).toBeUndefined();
    expect(await queryKeys('cache:')).toEqual([]);
    expect(await tasks.get('t-1')).toBeUndefined();
    expect(await openTasks()).toEqual([]);
  });

  it('still count as existing for writes until purged', async () => {
    await start();
    await writeExpiring();
    advance(2 * MINUTE);
    const conflict = await apiError(kvs.set('cache:one', 'new', { keyPolicy: 'FAIL_IF_EXISTS' }));
    expect(conflict.responseDetails.status).toBe(409);
    const createIfAbsent = kvs
      .transact()
      .set<Task>('t-1', task('done'), { entityName: 'task-item', conditions: new Filter<Task>().and('status', FilterConditions.notExists()) });
    expect((await apiError(createIfAbsent.execute())).code).toBe('CONDITIONAL_CHECK_FAILED');
  });

  it("vanish at expiry with expiredValues: 'hidden'", async () => {
    await start({ storage: { expiredValues: 'hidden' } });
    await writeExpiring();
    advance(MINUTE - 1);
    expect(await kvs.get('cache:one')).toBe('stale');
    advance(1);
    expect(await kvs.get('cache:one')).toBeUndefined();
    expect(await queryKeys('cache:')).toEqual([]);
    expect(await tasks.get('t-1')).toBeUndefined();
    expect(await openTasks()).toEqual([]);
  });
});

describe('eventually consistent queries (storage-reference/entities and kvs, "Data consistency")', () => {
  it('show an entity write to index queries only after the lag, while get and batch get see it at once', async () => {
    await start({ storage: { indexLagMs: 1000 } });
    await tasks.set('t-1', task('open'));

    expect(await tasks.get('t-1')).toEqual(task('open'));
    expect((await kvs.batchGet([{ key: 't-1', entityName: 'task-item' }])).successfulKeys).toHaveLength(1);
    expect(await openTasks()).toEqual([]);

    advance(999);
    expect(await openTasks()).toEqual([]);
    advance(1);
    expect(await openTasks()).toEqual([{ key: 't-1', value: task('open') }]);
  });

  it('answer from the old value of an updated or deleted item until the lag has passed', async () => {
    await start({ storage: { indexLagMs: 1000 } });
    await tasks.set('t-1', task('open'));
    await tasks.set('t-2', task('open'));
    advance(1000);

    await tasks.set('t-1', task('done'));
    await tasks.delete('t-2');
    expect(await tasks.get('t-1')).toEqual(task('done'));
    expect(await tasks.get('t-2')).toBeUndefined();
    expect(await openTasks()).toEqual([
      { key: 't-1', value: task('open') },
      { key: 't-2', value: task('open') },
    ]);

    advance(1000);
    expect(await openTasks()).toEqual([]);
  });

  it('lag KVS prefix queries too, and settleIndexes() makes every write visible at once', async () => {
    await start({ storage: { indexLagMs: 60_000 } });
    await kvs.set('note:1', 'a');
    await tasks.set('t-1', task('open'));
    expect(await queryKeys('note:')).toEqual([]);
    expect(await openTasks()).toEqual([]);

    sandbox.storage.settleIndexes();
    expect(await queryKeys('note:')).toEqual(['note:1']);
    expect(await openTasks()).toHaveLength(1);
  });

  it('keep transaction conditions strongly consistent', async () => {
    await start({ storage: { indexLagMs: 60_000 } });
    await tasks.set('t-1', task('open'));
    const claim = () =>
      kvs
        .transact()
        .set<Task>('t-1', task('claimed'), { entityName: 'task-item', conditions: new Filter<Task>().and('status', FilterConditions.equalTo('open')) })
        .execute();
    await claim();
    expect((await apiError(claim())).code).toBe('CONDITIONAL_CHECK_FAILED');
  });
});
