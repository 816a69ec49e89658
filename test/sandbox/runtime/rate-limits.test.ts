import { kvs } from '@forge/kvs';
import { FORGE_RATE_LIMITS, type RateLimitOptions, type Sandbox } from '../../../sandbox';
import { RateLimiter, TokenBucket, confluenceRateLimited, storageUnits } from '../../../sandbox/runtime/rate-limits';
import { ALICE } from './fake-confluence';
import { fixtureSandbox } from './harness';

let sandbox: Sandbox;

beforeEach(async () => {
  ({ sandbox } = await fixtureSandbox({ latency: { mode: 'virtual', kvs: 20, confluence: 120 } }));
});

afterEach(() => sandbox.close());

const byline = (functionKey: string, payload: Record<string, unknown> = {}) =>
  sandbox.invoke({ moduleKey: 'byline', functionKey, payload, accountId: ALICE, context: { content: { id: '1001', type: 'page' }, space: { id: '77', key: 'ENG' } } });

const tight = (overrides: { storage?: Partial<RateLimitOptions['storage']>; confluence?: Partial<RateLimitOptions['confluence']> }): RateLimitOptions => ({
  storage: { ...FORGE_RATE_LIMITS.storage, ...overrides.storage },
  confluence: { ...FORGE_RATE_LIMITS.confluence, ...overrides.confluence },
});

describe('token bucket', () => {
  it('refills evenly over its period and lets a cost taken after the fact run into debt', () => {
    const bucket = new TokenBucket(60, 60_000);
    expect(bucket.waitFor(60, 0)).toBe(0);
    bucket.take(60, 0);
    expect(bucket.waitFor(1, 0)).toBe(1000);
    expect(bucket.waitFor(1, 1000)).toBe(0);
    bucket.take(11, 1000);
    expect(bucket.waitFor(1, 1000)).toBe(11_000);
  });

  it('tells a caller whose clock is behind the bucket to wait for the bucket\'s time too', () => {
    const bucket = new TokenBucket(100, 1000);
    // An invocation 10 s into its simulated latency empties the bucket…
    bucket.take(100, 10_000);
    // …and one that began later in real time, its clock at 2 s, must wait until 10 s plus the refill.
    expect(bucket.waitFor(1, 2_000)).toBe(8_000 + 10);
    expect(bucket.waitFor(1, 2_000 + 8_010)).toBe(0);
  });
});

describe('storage units', () => {
  it('counts 10 KB units rounded up, at least one', () => {
    expect([storageUnits(0), storageUnits(10 * 1024), storageUnits(10 * 1024 + 1), storageUnits(65 * 1024)]).toEqual([1, 1, 2, 7]);
  });
});

describe('rate limiter', () => {
  it('refuses a burst over the storage request rate and admits again after the refill', () => {
    const limiter = new RateLimiter(tight({ storage: { requestsPerSecond: 2 } }));
    const get = { service: 'storage' as const, operation: 'get', requestBytes: 10 };
    expect(limiter.admit(get, 0)).toBeUndefined();
    expect(limiter.admit(get, 0)).toBeUndefined();
    expect(limiter.admit(get, 0)).toEqual({ limit: 'storage requests per second', retryAfterMs: 500 });
    expect(limiter.admit(get, 500)).toBeUndefined();
    expect(limiter.refusals).toBe(1);
  });

  it('charges writes by request size and reads by answer size', () => {
    const limiter = new RateLimiter(tight({ storage: { writeUnitsPerMinute: 10, readUnitsPerMinute: 10 } }));
    const write = { service: 'storage' as const, operation: 'transaction', requestBytes: 95 * 1024 };
    expect(limiter.admit(write, 0)).toBeUndefined();
    expect(limiter.admit({ ...write, requestBytes: 10 * 1024 + 1 }, 0)).toMatchObject({ limit: 'storage write units per minute' });
    const query = { service: 'storage' as const, operation: 'query', requestBytes: 100 };
    expect(limiter.admit(query, 0)).toBeUndefined();
    limiter.settle(query, 200, 'x'.repeat(120 * 1024), 0);
    expect(limiter.admit(query, 0)).toMatchObject({ limit: 'storage read units per minute' });
  });

  it('charges a Confluence read one point plus one per object it returns, a write only the base', () => {
    const limiter = new RateLimiter(tight({ confluence: { pointsPerHour: 60 } }));
    const read = { service: 'confluence' as const, operation: 'GET', requestBytes: 0 };
    expect(limiter.admit(read, 0)).toBeUndefined();
    limiter.settle(read, 200, JSON.stringify({ results: Array.from({ length: 58 }, (_, id) => ({ id })) }), 0);
    expect(limiter.admit({ ...read, operation: 'PUT' }, 0)).toBeUndefined();
    const refusal = limiter.admit(read, 0);
    expect(refusal).toEqual({ limit: 'Confluence points per hour', retryAfterMs: 60_000 });
    if (refusal === undefined) return;
    const answer = confluenceRateLimited(refusal);
    expect(answer.status).toBe(429);
    expect(answer.headers.get('retry-after')).toBe('60');
  });
});

describe('rate limits in the sandbox', () => {
  it('answers an app that reads storage faster than allowed with 429 RATE_LIMIT_EXCEEDED', async () => {
    sandbox.limitRates(tight({ storage: { requestsPerSecond: 3 } }));
    await expect(byline('parallelReads')).rejects.toThrow(/RATE_LIMIT_EXCEEDED|Rate limit exceeded/);
    expect(sandbox.ops.entries({ kind: 'kvs' }).filter((op) => op.status === 429)).toHaveLength(1);
    expect(sandbox.rateLimits?.refusals).toBe(1);
  });

  it('answers Confluence reads over the burst with 429, and leaves calls made outside invocations alone', async () => {
    sandbox.limitRates(tight({ confluence: { requestsPerSecond: 1 } }));
    expect(await byline('remember', { text: 'first' })).toMatchObject({ status: 200 });
    expect(await byline('remember', { text: 'second' })).toMatchObject({ status: 429 });
    const refused = sandbox.ops.entries({ kind: 'confluence' }).filter((op) => op.status === 429);
    expect(refused).toHaveLength(1);
    for (let i = 0; i < 10; i += 1) await kvs.set(`setup-${i}`, i);
    expect(sandbox.rateLimits?.refusals).toBe(1);
  });

  it('counts the latency each invocation was charged as time passed: one call after another at a pace inside the limit is never refused', async () => {
    sandbox.limitRates(tight({ confluence: { requestsPerSecond: 10 } }));
    // Each call is 160 ms simulated (a Confluence read and two storage calls): about six Confluence
    // reads a second, though the twenty run within milliseconds of real time.
    const answers = [];
    for (let i = 0; i < 20; i += 1) answers.push(await byline('remember', { text: `note ${i}` }));
    expect(answers.every((answer) => (answer as { status: number }).status === 200)).toBe(true);
    expect(sandbox.rateLimits?.refusals).toBe(0);
    // Twenty at once are the burst they are.
    const together = await Promise.all(Array.from({ length: 20 }, (_, i) => byline('remember', { text: `at once ${i}` })));
    expect(together.filter((answer) => (answer as { status: number }).status === 429).length).toBeGreaterThan(0);
  });

  it('is off unless asked for', async () => {
    expect(sandbox.rateLimits).toBeUndefined();
    await byline('parallelReads');
    expect(sandbox.ops.entries({ kind: 'kvs' }).some((op) => op.status === 429)).toBe(false);
  });
});
