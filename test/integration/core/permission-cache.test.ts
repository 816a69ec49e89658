import { MetadataField, kvs } from '@forge/kvs';
import { DEMO_GROUPS } from '../../../sandbox/confluence/seed';
import { readBatch } from '../../../src/storage/batch-read';
import { pageNamesEntry, rememberPageNames } from '../../../src/storage/display-names';
import { CACHE, type CacheEntry, CacheSession } from '../../../src/storage/permission-cache';
import { SPACES, advanceCalendar, ok, startApp, type TestApp } from '../support/app';
import { settingsAs } from '../support/settings';

const MINUTE = 60_000;
const DAY = 24 * 60 * MINUTE;

/**
 * Forge may return a KVS value up to 48 h after its TTL (storage-reference/kvs-api), and the
 * sandbox does so by default: these tests prove the app judges its caches by when each value was
 * fetched, not by whether KVS still returns it.
 */
describe('permission caches are judged by their fetch time, not by the KVS TTL', () => {
  let app: TestApp;

  beforeEach(async () => {
    app = await startApp();
  });

  afterEach(() => {
    jest.useRealTimers();
    app.close();
  });

  const listAs = async (accountId: string) => ok(await settingsAs(app, accountId)('listWorkflows'));

  /** Moves the app's calendar, and with it the sandbox's storage clock, by `ms`. */
  const advance = (ms: number): void => advanceCalendar(ms / DAY);

  it('sees a new space admin once the 10-minute window has passed, though KVS still returns the old entry', async () => {
    expect((await listAs('u-bob')).isSpaceAdmin).toBe(false);
    app.site().addGroupMember(DEMO_GROUPS.admins, 'u-bob');
    expect((await listAs('u-bob')).isSpaceAdmin).toBe(false);

    advance(11 * MINUTE);
    const stored = await kvs.get(CACHE.spaceAdmins(SPACES.ENG.id).key.key, { metadataFields: [MetadataField.EXPIRE_TIME] });
    expect(stored).toBeDefined();
    expect(Date.parse(stored?.expireTime ?? '')).toBeLessThan(Date.now());

    expect((await listAs('u-bob')).isSpaceAdmin).toBe(true);
  });

  it('refetches each kind of entry past its window and keeps using it within', async () => {
    const entries: Array<{ entry: CacheEntry<unknown>; windowMs: number }> = [
      { entry: CACHE.spaceAdmins(SPACES.ENG.id), windowMs: 10 * MINUTE },
      { entry: CACHE.userGroups('u-bob'), windowMs: 10 * MINUTE },
      { entry: CACHE.ancestors('10020'), windowMs: 10 * MINUTE },
    ];
    const fetchedAt = new Date().toISOString();
    await kvs.batchSet(entries.map(({ entry }) => ({ key: entry.key.key, value: { fetchedAt, value: 'cached' }, options: { ttl: entry.freshFor } })));
    const resolved = async (entry: CacheEntry<unknown>): Promise<unknown> => new CacheSession(await readBatch([entry.key])).get(entry, () => Promise.resolve('fetched'));

    for (const { entry, windowMs } of entries) {
      advance(windowMs - MINUTE);
      expect(await resolved(entry)).toBe('cached');
      advance(MINUTE);
      expect(await kvs.get(entry.key.key)).toEqual({ fetchedAt, value: 'cached' });
      expect(await resolved(entry)).toBe('fetched');
      jest.useRealTimers();
    }
  });

  it('does not trust an entry written without its fetch time', async () => {
    await kvs.set(CACHE.spaceAdmins(SPACES.ENG.id).key.key, { accountIds: ['u-bob'] }, { ttl: CACHE.spaceAdmins(SPACES.ENG.id).freshFor });
    expect((await listAs('u-bob')).isSpaceAdmin).toBe(false);
  });

  it('names a person afresh once the page names entry is a day old', async () => {
    const entry = pageNamesEntry('10020');
    await rememberPageNames('10020', { 'u-bob': 'Bob (old name)' });
    const namesNow = async (): Promise<unknown> => new CacheSession(await readBatch([entry.key])).cached(entry)?.value;
    expect(await namesNow()).toEqual({ 'u-bob': 'Bob (old name)' });

    advance(DAY + MINUTE);
    expect(await kvs.get(entry.key.key)).toBeDefined();
    expect(await namesNow()).toBeUndefined();
    await rememberPageNames('10020', { 'u-carol': 'Carol' });
    expect(await namesNow()).toEqual({ 'u-carol': 'Carol' });
  });
});
