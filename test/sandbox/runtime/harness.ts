import { join } from 'node:path';
import { ForgeKvsAPIError, kvs, WhereConditions } from '@forge/kvs';
import { type Sandbox, type SandboxOptions, createSandbox } from '../../../sandbox';
import { FakeConfluence } from './fake-confluence';

export const FIXTURE_APP = join(__dirname, '..', 'fixtures', 'app-basic');

/** A sandbox over the fixture app and a fresh fake Confluence; close it after each test. */
export async function fixtureSandbox(options: Partial<SandboxOptions> = {}): Promise<{ sandbox: Sandbox; confluence: FakeConfluence }> {
  const confluence = FakeConfluence.seeded();
  const sandbox = await createSandbox({ appRoot: FIXTURE_APP, confluence, ...options });
  return { sandbox, confluence };
}

/** Every KVS value under a prefix, read with the real SDK page by page. */
export async function valuesUnder<T>(prefix: string): Promise<T[]> {
  const values: T[] = [];
  let cursor: string | undefined;
  do {
    const query = kvs.query().where('key', WhereConditions.beginsWith(prefix)).limit(100);
    const page = await (cursor === undefined ? query : query.cursor(cursor)).getMany<T>();
    values.push(...page.results.map((result) => result.value));
    cursor = page.nextCursor;
  } while (cursor !== undefined);
  return values;
}

/** The SDK error a storage call raised; fails the test when the call succeeds instead. */
export async function apiError(promise: Promise<unknown>): Promise<ForgeKvsAPIError> {
  try {
    await promise;
  } catch (error) {
    if (error instanceof ForgeKvsAPIError) return error;
    throw error;
  }
  throw new Error('expected the SDK to raise ForgeKvsAPIError');
}
