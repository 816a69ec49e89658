import { MetadataField, WhereConditions, kvs } from '@forge/kvs';
import { type Sandbox } from '../../../sandbox';
import { apiError, fixtureSandbox } from './harness';

let sandbox: Sandbox;

beforeEach(async () => {
  ({ sandbox } = await fixtureSandbox());
});

afterEach(() => sandbox.close());

describe('Key-Value Store through the real @forge/kvs', () => {
  it('sets, gets with metadata and deletes a value', async () => {
    await kvs.set('greeting', { hello: 'world' });
    expect(await kvs.get('greeting')).toEqual({ hello: 'world' });
    const withMeta = await kvs.get('greeting', { metadataFields: [MetadataField.CREATED_AT, MetadataField.UPDATED_AT] });
    expect(withMeta).toEqual({ key: 'greeting', value: { hello: 'world' }, createdAt: expect.any(Number), updatedAt: expect.any(Number) });
    await kvs.delete('greeting');
    expect(await kvs.get('greeting')).toBeUndefined();
    await expect(kvs.delete('greeting')).resolves.toBeUndefined();
  });

  it('pages a prefix of 1,000 keys with cursors, each key exactly once, in key order', async () => {
    const keys = Array.from({ length: 1000 }, (_, i) => `x:${String(i).padStart(4, '0')}`);
    for (let i = 0; i < keys.length; i += 25) await kvs.batchSet(keys.slice(i, i + 25).map((key) => ({ key, value: key })));
    await kvs.set('y:outside', 'not in the prefix');
    await kvs.set('x', 'shorter than the prefix');

    const seen: string[] = [];
    let cursor: string | undefined;
    let pages = 0;
    do {
      const query = kvs.query().where('key', WhereConditions.beginsWith('x:')).limit(37);
      const page = await (cursor === undefined ? query : query.cursor(cursor)).getMany<string>();
      expect(page.results.length).toBeLessThanOrEqual(37);
      seen.push(...page.results.map((result) => result.key));
      cursor = page.nextCursor;
      pages += 1;
    } while (cursor !== undefined);

    expect(seen).toEqual(keys);
    expect(pages).toBe(Math.ceil(1000 / 37));
  });

  it('returns 10 results by default and refuses a limit above 100', async () => {
    await kvs.batchSet(Array.from({ length: 12 }, (_, i) => ({ key: `p:${i}`, value: i })));
    const page = await kvs.query().where('key', WhereConditions.beginsWith('p:')).getMany();
    expect(page.results).toHaveLength(10);
    expect(page.nextCursor).toBeDefined();
    const error = await apiError(kvs.query().limit(101).getMany());
    expect(error.code).toBe('LIST_QUERY_LIMIT_EXCEEDED');
    expect(error.responseDetails.status).toBe(400);
  });

  it('refuses keys and values outside the documented limits', async () => {
    expect((await apiError(kvs.set('k'.repeat(501), 1))).code).toBe('KEY_TOO_LONG');
    await expect(kvs.set('k'.repeat(500), 1)).resolves.toBeUndefined();
    expect((await apiError(kvs.set('bad/key', 1))).code).toBe('INVALID_KEY');
    expect((await apiError(kvs.set('   ', 1))).code).toBe('INVALID_KEY');
    expect((await apiError(kvs.set('big', 'a'.repeat(240 * 1024)))).code).toBe('MAX_SIZE');
    await expect(kvs.set('fits', 'a'.repeat(240 * 1024 - 2))).resolves.toBeUndefined();
    let deep: unknown = 'leaf';
    for (let i = 0; i < 32; i += 1) deep = { deep };
    expect((await apiError(kvs.set('deep', deep))).code).toBe('MAX_DEPTH');
  });

  it('honours keyPolicy FAIL_IF_EXISTS and returnValue', async () => {
    await kvs.set('once', 1, { keyPolicy: 'FAIL_IF_EXISTS' });
    const conflict = await apiError(kvs.set('once', 2, { keyPolicy: 'FAIL_IF_EXISTS' }));
    expect(conflict.responseDetails.status).toBe(409);
    expect(await kvs.get('once')).toBe(1);
    const previous = await kvs.set('once', 3, { keyPolicy: 'OVERRIDE', returnValue: 'PREVIOUS' });
    expect(previous).toEqual({ key: 'once', value: 1 });
  });

  it('answers batches per key and refuses oversized or duplicate batches whole', async () => {
    const set = await kvs.batchSet([
      { key: 'b:1', value: 1 },
      { key: 'b/2', value: 2 },
    ]);
    expect(set.successfulKeys).toEqual([{ key: 'b:1' }]);
    expect(set.failedKeys).toEqual([{ key: 'b/2', error: { code: 'INVALID_KEY', message: expect.any(String) } }]);
    const got = await kvs.batchGet([{ key: 'b:1' }, { key: 'b:missing' }]);
    expect(got.successfulKeys).toEqual([{ key: 'b:1', value: 1 }]);
    expect(got.failedKeys.map((failed) => failed.error.code)).toEqual(['KEY_NOT_FOUND']);
    await apiError(kvs.batchSet(Array.from({ length: 26 }, (_, i) => ({ key: `b:${i}`, value: i }))));
    await apiError(kvs.batchDelete([{ key: 'b:1' }, { key: 'b:1' }]));
    expect(await kvs.get('b:1')).toBe(1);
  });

  it('commits a transaction whole and refuses more than 25 operations', async () => {
    await kvs.set('t:old', 'gone soon');
    await kvs.transact().set('t:a', 1).set('t:b', 2).delete('t:old').execute();
    expect([await kvs.get('t:a'), await kvs.get('t:b'), await kvs.get('t:old')]).toEqual([1, 2, undefined]);

    let big = kvs.transact();
    for (let i = 0; i < 26; i += 1) big = big.set(`t:n${i}`, i);
    const refused = await apiError(big.execute());
    expect(refused.responseDetails.status).toBe(400);
    expect(await kvs.get('t:n0')).toBeUndefined();

    const duplicate = await apiError(kvs.transact().set('t:a', 9).delete('t:a').execute());
    expect(duplicate.responseDetails.status).toBe(400);
    expect(await kvs.get('t:a')).toBe(1);
  });

  it('keeps secrets apart from queries', async () => {
    await kvs.setSecret('s:token', 'shh');
    await kvs.set('s:plain', 'visible');
    expect(await kvs.getSecret('s:token')).toBe('shh');
    expect(await kvs.get('s:token')).toBeUndefined();
    const page = await kvs.query().where('key', WhereConditions.beginsWith('s:')).getMany();
    expect(page.results.map((result) => result.key)).toEqual(['s:plain']);
  });

  it('counts each SDK call as one storage round trip', async () => {
    sandbox.ops.reset();
    await kvs.set('r:1', 1);
    await kvs.batchGet([{ key: 'r:1' }, { key: 'r:2' }]);
    await kvs.query().where('key', WhereConditions.beginsWith('r:')).getMany();
    expect(sandbox.ops.counts()).toMatchObject({ kvs: 3, entity: 0 });
    expect(sandbox.ops.entries().map((op) => op.operation)).toEqual(['set', 'batch/get', 'query']);
  });
});
