import { Filter, FilterConditions, ForgeKvsAPIError, Sort, WhereConditions, kvs } from '@forge/kvs';
import { type Sandbox } from '../../../sandbox';
import { apiError, fixtureSandbox } from './harness';

interface Task {
  spaceId: string;
  status: string;
  createdAt: string;
  priority?: number;
  score?: number;
  done?: boolean;
  body?: unknown;
}

let sandbox: Sandbox;
const tasks = kvs.entity<Task>('task-item');

beforeEach(async () => {
  ({ sandbox } = await fixtureSandbox());
});

afterEach(() => sandbox.close());

const day = (n: number): string => `2026-01-${String(n).padStart(2, '0')}T00:00:00.000Z`;

async function seed(): Promise<void> {
  const items = Array.from({ length: 30 }, (_, i) => ({
    key: `task-${i}`,
    value: { spaceId: i % 2 === 0 ? 'S1' : 'S2', status: i % 3 === 0 ? 'done' : 'open', createdAt: day(i + 1), priority: i, done: i % 3 === 0 },
    entityName: 'task-item',
  }));
  for (let i = 0; i < items.length; i += 25) await kvs.batchSet(items.slice(i, i + 25));
}

describe('Custom entities through the real @forge/kvs', () => {
  it('queries a declared index by partition, sorted ascending and descending', async () => {
    await seed();
    const asc = await tasks.query().index('by-space-status', { partition: ['S1', 'open'] }).limit(100).getMany();
    const expected = Array.from({ length: 30 }, (_, i) => i).filter((i) => i % 2 === 0 && i % 3 !== 0);
    expect(asc.results.map((result) => result.key)).toEqual(expected.map((i) => `task-${i}`));
    expect(asc.nextCursor).toBeUndefined();
    const desc = await tasks.query().index('by-space-status', { partition: ['S1', 'open'] }).sort(Sort.DESC).limit(100).getMany();
    expect(desc.results.map((result) => result.key)).toEqual(expected.reverse().map((i) => `task-${i}`));
  });

  it('applies where conditions on the range and pages with cursors', async () => {
    await seed();
    const between = await tasks.query().index('by-priority').where(WhereConditions.between(5, 9)).getMany();
    expect(between.results.map((result) => result.value.priority)).toEqual([5, 6, 7, 8, 9]);
    const above = await tasks.query().index('by-priority').where(WhereConditions.greaterThan(26)).sort(Sort.DESC).getMany();
    expect(above.results.map((result) => result.value.priority)).toEqual([29, 28, 27]);
    const prefix = await tasks.query().index('createdAt').where(WhereConditions.beginsWith('2026-01-1')).limit(100).getMany();
    expect(prefix.results).toHaveLength(10);

    const seen: number[] = [];
    let cursor: string | undefined;
    do {
      const query = tasks.query().index('by-priority').where(WhereConditions.lessThanEqualTo(20)).sort(Sort.DESC).limit(6);
      const page = await (cursor === undefined ? query : query.cursor(cursor)).getMany();
      seen.push(...page.results.map((result) => result.value.priority ?? -1));
      cursor = page.nextCursor;
    } while (cursor !== undefined);
    expect(seen).toEqual(Array.from({ length: 21 }, (_, i) => 20 - i));
  });

  it('filters after cutting the page, so a page may be empty with a cursor to more', async () => {
    await seed();
    const filtered = await tasks
      .query()
      .index('by-priority')
      .filters(new Filter<Task>().and('done', FilterConditions.equalTo(true)).and('spaceId', FilterConditions.equalTo('S2')))
      .limit(100)
      .getMany();
    expect(filtered.results.map((result) => result.value.priority)).toEqual([3, 9, 15, 21, 27]);
    const firstPage = await tasks.query().index('by-priority').where(WhereConditions.between(1, 2)).filters(new Filter<Task>().or('done', FilterConditions.equalTo(true))).limit(1).getMany();
    expect(firstPage.results).toEqual([]);
    expect(firstPage.nextCursor).toBeDefined();
  });

  it('refuses undeclared indexes, attributes and wrongly typed values', async () => {
    expect((await apiError(tasks.query().index('by-nothing').getMany())).code).toBe('INVALID_ENTITY_INDEX');
    expect((await apiError(tasks.set('t1', { spaceId: 'S1', status: 'open', createdAt: day(1), priority: 'high' as unknown as number }))).code).toBe('INVALID_ENTITY_VALUE');
    expect((await apiError(tasks.set('t1', { spaceId: 'S1', status: 'open', createdAt: day(1), priority: 1.5 }))).code).toBe('INVALID_ENTITY_VALUE');
    expect((await apiError(tasks.set('t1', { spaceId: '', status: 'open', createdAt: day(1) }))).code).toBe('INVALID_ENTITY_VALUE');
    expect((await apiError(kvs.entity('task-item').set('t1', { unknown: 1 }))).code).toBe('INVALID_ENTITY_ATTRIBUTE');
    expect((await apiError(kvs.entity('no-such-entity').set('t1', {}))).code).toBe('INVALID_ENTITY_TYPE');
    expect((await apiError(tasks.query().index('by-space-status', { partition: ['S1'] }).getMany())).code).toBe('INVALID_PARTITION');
    const anyFilter = await apiError(tasks.query().index('by-priority').filters(new Filter<Task>().and('body', FilterConditions.exists())).getMany());
    expect(anyFilter.responseDetails.status).toBe(422);
    expect((await apiError(tasks.query().index('by-priority').where(WhereConditions.beginsWith('1')).getMany())).code).toBe('INVALID_FILTER_CONDITION');
    expect(await tasks.get('t1')).toBeUndefined();
  });

  it('accepts every typed attribute and reads values back with get', async () => {
    const value: Task = { spaceId: 'S1', status: 'open', createdAt: day(1), priority: -5, score: 0.25, done: false, body: { steps: [1, 2], nested: { ok: true } } };
    await tasks.set('full', value);
    expect(await tasks.get('full')).toEqual(value);
    await tasks.delete('full');
    expect(await tasks.get('full')).toBeUndefined();
  });

  it('rolls a transaction back entirely when a condition fails, with the SDK error', async () => {
    await tasks.set('a', { spaceId: 'S1', status: 'open', createdAt: day(1) });
    await tasks.set('c', { spaceId: 'S1', status: 'open', createdAt: day(3) });
    const before = sandbox.storage.snapshot();
    const error = await apiError(
      kvs
        .transact()
        .set<Task>('a', { spaceId: 'S1', status: 'approved', createdAt: day(1) }, { entityName: 'task-item', conditions: new Filter<Task>().and('status', FilterConditions.equalTo('open')) })
        .set<Task>('b', { spaceId: 'S1', status: 'open', createdAt: day(2) }, { entityName: 'task-item' })
        .set('plain-key', 'written only if all pass')
        .check<Task>('c', { entityName: 'task-item', conditions: new Filter<Task>().and('status', FilterConditions.equalTo('draft')) })
        .execute(),
    );
    expect(error).toBeInstanceOf(ForgeKvsAPIError);
    expect(error.code).toBe('CONDITIONAL_CHECK_FAILED');
    expect(error.responseDetails.status).toBe(409);
    expect(sandbox.storage.snapshot()).toEqual(before);
    expect(await tasks.get('a')).toMatchObject({ status: 'open' });
    expect(await tasks.get('b')).toBeUndefined();
    expect(await kvs.get('plain-key')).toBeUndefined();
  });

  it('creates only if absent with a notExists condition, and refuses the second writer', async () => {
    const createIfAbsent = (status: string) =>
      kvs
        .transact()
        .set<Task>('lock', { spaceId: 'S1', status, createdAt: day(1) }, { entityName: 'task-item', conditions: new Filter<Task>().and('status', FilterConditions.notExists()) })
        .execute();
    await createIfAbsent('first');
    const second = await apiError(createIfAbsent('second'));
    expect(second.code).toBe('CONDITIONAL_CHECK_FAILED');
    expect(await tasks.get('lock')).toMatchObject({ status: 'first' });
  });

  it('keeps a page of a 100,000-entity partition cheap', async () => {
    const table = sandbox.storage;
    for (let i = 0; i < 100_000; i += 1) {
      table.entitySet({ entityName: 'task-item', key: `bulk-${i}`, value: { spaceId: i % 10 === 0 ? 'BIG' : `S${i % 7}`, status: 'open', createdAt: day((i % 28) + 1), priority: i } });
    }
    const started = performance.now();
    let cursor: string | undefined;
    for (let page = 0; page < 20; page += 1) {
      const query = tasks.query().index('by-space-status', { partition: ['BIG', 'open'] }).sort(Sort.DESC).limit(25);
      const result = await (cursor === undefined ? query : query.cursor(cursor)).getMany();
      expect(result.results).toHaveLength(25);
      cursor = result.nextCursor;
    }
    const perPageMs = (performance.now() - started) / 20;
    expect(perPageMs).toBeLessThan(50);
  });
});
