import { kvs } from '@forge/kvs';
import { InvokeError, type Sandbox } from '../../../sandbox';
import { ALICE, APP_ACCOUNT, BOB, type FakeConfluence } from './fake-confluence';
import { fixtureSandbox } from './harness';

let sandbox: Sandbox;
let confluence: FakeConfluence;

beforeEach(async () => {
  ({ sandbox, confluence } = await fixtureSandbox());
});

afterEach(() => sandbox.close());

const byline = (functionKey: string, accountId: string, payload: Record<string, unknown> = {}) =>
  sandbox.invoke({ moduleKey: 'byline', functionKey, payload, accountId, context: { content: { id: '1001', type: 'page' }, space: { id: '77', key: 'ENG' } } });

describe('resolver invocation through @forge/resolver', () => {
  it('runs a resolver with @forge/kvs and requestConfluence unmocked', async () => {
    const result = await byline('remember', ALICE, { text: 'looks good' });
    expect(result).toEqual({ stored: { text: 'looks good', by: ALICE, title: 'Design' }, status: 200 });
    expect(await kvs.get('note:1001')).toEqual({ text: 'looks good', by: ALICE, title: 'Design' });
    expect(confluence.requests).toEqual([{ method: 'GET', path: '/wiki/api/v2/pages/1001', actor: { kind: 'app' } }]);
  });

  it('makes asUser() act as the invoking user', async () => {
    expect(await byline('whoami', BOB)).toEqual({ contextAccountId: BOB, confluenceAccountId: BOB, status: 200 });
    expect(confluence.requests[0].actor).toEqual({ kind: 'user', accountId: BOB });
  });

  it('never mixes principals across twenty concurrent invocations', async () => {
    sandbox.latency.set({ confluence: 5, mode: 'sleep' });
    const users = Array.from({ length: 20 }, (_, i) => `user-${String(i).padStart(4, '0')}`);
    const results = await Promise.all(users.map((user) => byline('whoami', user)));
    expect(results.map((result) => (result as { confluenceAccountId: string }).confluenceAccountId)).toEqual(users);
    expect(results.map((result) => (result as { contextAccountId: string }).contextAccountId)).toEqual(users);
  });

  it('gives each invocation its own app context', async () => {
    const first = (await byline('appContext', ALICE)) as { moduleKey: string; invocationId: string; remainingMs: number; appAri: string };
    const second = (await byline('appContext', ALICE)) as { invocationId: string };
    expect(first.moduleKey).toBe('byline');
    expect(first.appAri).toBe('ari:cloud:ecosystem::app/11111111-2222-4333-8444-555555555555');
    expect(first.remainingMs).toBeGreaterThan(20_000);
    expect(first.remainingMs).toBeLessThanOrEqual(25_000);
    expect(second.invocationId).not.toBe(first.invocationId);
  });

  it('rejects like the bridge when the resolver throws or the payload is too large', async () => {
    await expect(byline('fail', ALICE)).rejects.toThrow(InvokeError);
    await expect(byline('fail', ALICE)).rejects.toThrow(/resolver exploded/);
    await expect(byline('nope', ALICE)).rejects.toThrow(/no definition for 'nope'/);
    await expect(byline('echo', ALICE, { blob: 'x'.repeat(500 * 1024) })).rejects.toThrow(/payload exceeds/);
    await expect(sandbox.invoke({ moduleKey: 'missing', functionKey: 'echo', accountId: ALICE })).rejects.toThrow(/no UI module/);
  });
});

describe('apiRoute invocation', () => {
  it('answers with the handler response, as the calling user', async () => {
    await kvs.set('note:42', 'hello');
    const response = await sandbox.callApi({ method: 'GET', path: '/notes/42', query: { verbose: 'true' }, accountId: ALICE });
    expect(response.status).toBe(200);
    expect(response.headers['content-type']).toBe('application/json');
    expect(JSON.parse(response.body)).toEqual({ path: '/notes/42', query: { verbose: ['true'] }, accountId: ALICE, note: 'hello' });
  });

  it('refuses unknown paths, other methods and tokens without the route scope', async () => {
    expect((await sandbox.callApi({ method: 'GET', path: '/other', accountId: ALICE })).status).toBe(404);
    expect((await sandbox.callApi({ method: 'POST', path: '/notes/42', accountId: ALICE })).status).toBe(405);
    expect((await sandbox.callApi({ method: 'GET', path: '/notes/42', accountId: ALICE, scopes: ['write:note:custom'] })).status).toBe(403);
  });
});

describe('scheduled triggers', () => {
  it('run without a user principal', async () => {
    const run = await sandbox.runScheduled('nightly');
    expect(run).toEqual({ statusCode: 204, ok: true });
    expect(await kvs.get('nightly:last')).toEqual({ moduleKey: 'nightly', principal: null });
    await expect(sandbox.runScheduled('unknown')).rejects.toThrow(/no scheduledTrigger/);
  });
});

describe('the operation log', () => {
  it('slices round trips per invocation and charges parallel calls once on the virtual clock', async () => {
    sandbox.latency.set({ mode: 'virtual', kvs: 20, confluence: 120 });
    await byline('parallelReads', ALICE);
    const parallel = sandbox.ops.lastInvocation('resolver');
    expect(parallel?.simulatedMs).toBe(40);
    expect(sandbox.ops.counts(parallel?.id)).toMatchObject({ kvs: 4, confluence: 0 });

    await byline('remember', ALICE, { text: 'x' });
    const sequential = sandbox.ops.lastInvocation('resolver');
    expect(sandbox.ops.counts(sequential?.id)).toMatchObject({ kvs: 2, confluence: 1 });
    expect(sequential?.simulatedMs).toBe(160);
    expect(sandbox.ops.forInvocation(sequential?.id ?? '').map((op) => `${op.kind}:${op.operation}`)).toEqual(['confluence:GET', 'kvs:set', 'kvs:get', 'invoke:resolver']);
    expect(sandbox.ops.entries({ kind: 'kvs' }).every((op) => op.durationMs === 20)).toBe(true);
    expect(sandbox.ops.count('invoke')).toBe(2);

    sandbox.latency.set({ invoke: 50 });
    await byline('parallelReads', ALICE);
    expect(sandbox.ops.lastInvocation('resolver')?.simulatedMs).toBe(90);
  });

  it('really waits in sleep mode', async () => {
    sandbox.latency.set({ mode: 'sleep', kvs: 30 });
    const started = Date.now();
    await kvs.get('anything');
    expect(Date.now() - started).toBeGreaterThanOrEqual(28);
  });
});

describe('fault injection', () => {
  it('fails the next calls of a kind as the service would', async () => {
    sandbox.faults.failNext('kvs', 2, { status: 429 });
    await expect(kvs.get('k')).rejects.toMatchObject({ code: 'RATE_LIMIT_EXCEEDED', responseDetails: { status: 429 } });
    await expect(kvs.set('k', 1)).rejects.toMatchObject({ code: 'RATE_LIMIT_EXCEEDED' });
    await expect(kvs.set('k', 1)).resolves.toBeUndefined();

    sandbox.faults.failNext('confluence', 1, { status: 500 });
    expect(await byline('remember', ALICE, { text: 'y' })).toMatchObject({ status: 500, stored: { title: null } });

    sandbox.faults.failNext('storage', 1, { timeout: true });
    await expect(kvs.get('k')).rejects.toThrow('fetch failed');
    expect(sandbox.ops.entries().filter((op) => op.fault !== undefined).map((op) => op.fault)).toEqual(['status 429', 'status 429', 'status 500', 'timeout']);
  });

  it('fails exactly the nth call of a kind, counting only the calls of one function when asked', async () => {
    // The test's own calls run outside any function: they do not count towards the resolver's.
    sandbox.faults.failAt('kvs', 2, { status: 500 }, 'resolver');
    await kvs.set('k', 1);
    await kvs.get('k');
    expect(sandbox.faults.armed('kvs')).toBe(1);
    // remember: a Confluence read, then kvs set (1st), kvs get (2nd: fails).
    await expect(byline('remember', ALICE, { text: 'x' })).rejects.toThrow(/INTERNAL_SERVER_ERROR/);
    expect(sandbox.faults.armed()).toBe(0);
    expect(sandbox.ops.entries({ kind: 'kvs' }).map((op) => [op.operation, op.fault ?? null])).toEqual([
      ['set', null],
      ['get', null],
      ['set', null],
      ['get', 'status 500'],
    ]);

    sandbox.faults.failAt('storage', 1, { timeout: true });
    await expect(kvs.get('k')).rejects.toThrow('fetch failed');
    // A lost answer: the write happened, the caller only saw the timeout.
    sandbox.faults.failAt('kvs', 1, { timeout: true, answerLost: true });
    await expect(kvs.set('k', 2)).rejects.toThrow('fetch failed');
    expect(await kvs.get('k')).toBe(2);
    expect(sandbox.ops.entries({ kind: 'kvs' }).map((op) => op.fault ?? null).slice(-3)).toEqual(['timeout', 'answer lost', null]);
    expect(() => sandbox.faults.failAt('kvs', 0)).toThrow(/nth must be a whole number from 1/);
  });

  it('makes asUser fail where no user is behind the invocation', async () => {
    const { jobId } = (await byline('push', ALICE, { events: [{ body: { tag: 'nouser', tryAsUser: true } }] })) as { jobId: string };
    await sandbox.drain();
    const deliveries = await kvs.query().getMany<{ jobId: string; asUserError: string; principal: unknown }>();
    const delivery = deliveries.results.find((result) => result.value.jobId === jobId);
    expect(delivery?.value).toMatchObject({ asUserError: 'NEEDS_AUTHENTICATION_ERR', principal: null });
    expect(confluence.requests.some((request) => request.actor.kind === 'user')).toBe(false);
    expect(APP_ACCOUNT).toBe(sandbox.appAccountId);
  });
});
