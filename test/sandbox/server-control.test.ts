/**
 * The sandbox server's control surface for black-box tests and demos, over HTTP: run a scheduled
 * trigger now, move the clock, inject faults, duplicate queue deliveries, read the queue, add
 * people and groups. The fixture app (test/sandbox/fixtures/app-basic) reports what it was handed.
 */
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { kvs } from '@forge/kvs';
import { type RunningServer, startServer } from '../../sandbox/server';

const FIXTURE_APP = join(__dirname, 'fixtures', 'app-basic');
const ENG_PAGE_CONTEXT = { content: { id: '10020', type: 'page' }, space: { id: '1001', key: 'ENG' } };
const RealDate = Date;

interface Answer {
  status: number;
  json: unknown;
}

let running: RunningServer[] = [];
const tempDirs: string[] = [];

async function start(dataDir?: string): Promise<RunningServer> {
  const server = await startServer({ appRoot: FIXTURE_APP, port: 0, ...(dataDir === undefined ? {} : { dataDir }) });
  running.push(server);
  return server;
}

afterEach(async () => {
  for (const server of running.splice(0)) await server.close();
  for (const dir of tempDirs.splice(0)) rmSync(dir, { recursive: true, force: true });
});

async function call(server: RunningServer, method: string, path: string, json?: unknown): Promise<Answer> {
  const response = await fetch(`${server.url}${path}`, {
    method,
    ...(json === undefined ? {} : { body: JSON.stringify(json), headers: { 'content-type': 'application/json' } }),
  });
  const text = await response.text();
  return { status: response.status, json: text === '' ? undefined : (JSON.parse(text) as unknown) };
}

const errorOf = (answer: Answer): { code: string; message: string } => (answer.json as { error: { code: string; message: string } }).error;

function invoke(server: RunningServer, functionKey: string, accountId: string, payload: unknown = {}): Promise<Answer> {
  return call(server, 'POST', '/__sandbox/invoke', { moduleKey: 'byline', functionKey, accountId, payload, context: ENG_PAGE_CONTEXT });
}

interface QueueView {
  clock: number;
  pending: unknown[];
  inFlight: number;
  retries: number;
  failed: number;
  jobs: Array<{ jobId: string; success: number; failed: number; inProgress: number }>;
  deliveries: Array<{ jobId: string; retryCount: number; duplicate: boolean; at: number; outcome: string }>;
}

describe('sandbox server: scheduled triggers', () => {
  it('runs a scheduled trigger now and answers its outcome; an unknown key is a 404 naming the known ones', async () => {
    const server = await start();
    const run = await call(server, 'POST', '/__sandbox/scheduled/nightly/run');
    expect(run).toEqual({ status: 200, json: { key: 'nightly', statusCode: 204, ok: true } });
    expect(await kvs.get('nightly:last')).toEqual({ moduleKey: 'nightly', principal: null });

    const unknown = await call(server, 'POST', '/__sandbox/scheduled/weekly/run');
    expect(unknown.status).toBe(404);
    expect(errorOf(unknown)).toEqual({ code: 'UNKNOWN_TRIGGER', message: "No scheduledTrigger 'weekly'; manifest.yml declares nightly" });
  });
});

describe('sandbox server: clock', () => {
  it('moves the process clock and the queue clock forward, and reset puts the real clock back', async () => {
    const server = await start();
    const before = (await call(server, 'GET', '/__sandbox/clock')).json as { now: string; offsetMs: number; queueClockSeconds: number };
    expect(before.offsetMs).toBe(0);

    const threeDays = 3 * 24 * 60 * 60 * 1000;
    const moved = await call(server, 'POST', '/__sandbox/clock', { advanceMs: threeDays });
    expect(moved.status).toBe(200);
    const after = moved.json as { now: string; offsetMs: number; queueClockSeconds: number };
    expect(after.offsetMs).toBe(threeDays);
    expect(after.queueClockSeconds).toBe(before.queueClockSeconds + threeDays / 1000);
    // What the app reads: new Date() and Date.now() in this process.
    expect(new Date().getTime() - RealDate.now()).toBeGreaterThanOrEqual(threeDays - 1000);
    expect(Date.now() - RealDate.now()).toBeGreaterThanOrEqual(threeDays - 1000);
    expect(new Date('2026-01-01T00:00:00.000Z').toISOString()).toBe('2026-01-01T00:00:00.000Z');
    expect(new Date() instanceof Date).toBe(true);

    expect((await call(server, 'POST', '/__sandbox/reset')).status).toBe(200);
    expect(globalThis.Date).toBe(RealDate);
    expect(((await call(server, 'GET', '/__sandbox/clock')).json as { offsetMs: number }).offsetMs).toBe(0);
  });

  it('refuses a clock that would go backwards or a body without advanceMs', async () => {
    const server = await start();
    const backwards = await call(server, 'POST', '/__sandbox/clock', { advanceMs: -5 });
    expect(backwards.status).toBe(400);
    expect(errorOf(backwards)).toEqual({ code: 'VALIDATION', message: "Invalid request body: 'advanceMs': advanceMs must be positive: the clock only moves forward" });
    expect((await call(server, 'POST', '/__sandbox/clock', {})).status).toBe(400);
    expect(globalThis.Date).toBe(RealDate);
  });
});

describe('sandbox server: faults', () => {
  it('arms a Confluence 429 for the next call, and DELETE disarms what is left', async () => {
    const server = await start();
    const armed = await call(server, 'POST', '/__sandbox/faults', { target: 'confluence', count: 2, status: 429, retryAfterSeconds: 30 });
    expect(armed.status).toBe(201);
    expect((armed.json as { armed: Record<string, number> }).armed).toMatchObject({ confluence: 2, kvs: 0 });

    const limited = await invoke(server, 'remember', 'u-alice', { text: 'x' });
    expect((limited.json as { status: number }).status).toBe(429);
    const ops = (await call(server, 'GET', '/__sandbox/ops?kind=confluence')).json as { ops: Array<{ status: number; fault?: string }> };
    expect(ops.ops.map((op) => op.status)).toEqual([429]);

    expect((await call(server, 'DELETE', '/__sandbox/faults')).status).toBe(204);
    const answered = await invoke(server, 'remember', 'u-alice', { text: 'y' });
    expect((answered.json as { status: number }).status).not.toBe(429);
  });

  it('fails storage calls as the KVS service would', async () => {
    const server = await start();
    expect((await call(server, 'POST', '/__sandbox/faults', { target: 'kvs', status: 503 })).status).toBe(201);
    const failed = await invoke(server, 'remember', 'u-alice', { text: 'z' });
    expect(failed.status).toBe(500);
  });

  it('refuses faults that cannot happen, naming the field', async () => {
    const server = await start();
    const refusals = [
      [{ target: 'jira' }, 'target'],
      [{ target: 'kvs', status: 429, retryAfterSeconds: 5 }, 'retryAfterSeconds'],
      [{ target: 'confluence', status: 500, retryAfterSeconds: 5 }, 'retryAfterSeconds'],
      [{ target: 'confluence', status: 429, timeout: true }, 'timeout'],
      [{ target: 'confluence', status: 404 }, 'status'],
      [{ target: 'confluence', count: 0 }, 'count'],
    ] as const;
    for (const [body, field] of refusals) {
      const answer = await call(server, 'POST', '/__sandbox/faults', body);
      expect({ body, status: answer.status, code: errorOf(answer).code }).toEqual({ body, status: 400, code: 'VALIDATION' });
      expect(errorOf(answer).message).toContain(`'${field}'`);
    }
    expect(((await call(server, 'POST', '/__sandbox/faults', { target: 'queue', timeout: true })).json as { armed: Record<string, number> }).armed.queue).toBe(1);
  });
});

describe('sandbox server: queue', () => {
  it('shows deliveries, retries with their delay, and duplicate deliveries when switched on', async () => {
    const server = await start();
    const pushed = await invoke(server, 'push', 'u-bob', { events: [{ body: { tag: 'flaky', failTimes: 1, mode: 'invocationError' } }] });
    const { jobId } = pushed.json as { jobId: string };
    await call(server, 'POST', '/__sandbox/drain');
    let queue = (await call(server, 'GET', '/__sandbox/queue')).json as QueueView;
    const attempts = queue.deliveries.filter((delivery) => delivery.jobId === jobId);
    expect(attempts.map(({ retryCount, outcome }) => ({ retryCount, outcome }))).toEqual([
      { retryCount: 0, outcome: 'retry' },
      { retryCount: 1, outcome: 'success' },
    ]);
    expect(attempts[1].at - attempts[0].at).toBe(30);
    expect(queue).toMatchObject({ pending: [], inFlight: 0, retries: 0, failed: 0 });
    expect(queue.jobs).toEqual([expect.objectContaining({ jobId, success: 1, failed: 0, inProgress: 0 })]);

    const switched = await call(server, 'POST', '/__sandbox/queue/duplicate-delivery', { enabled: true });
    expect(switched.json).toEqual({ duplicateDelivery: true });
    const twice = ((await invoke(server, 'push', 'u-bob', { events: [{ body: { tag: 'twice' } }] })).json as { jobId: string }).jobId;
    await call(server, 'POST', '/__sandbox/drain');
    queue = (await call(server, 'GET', '/__sandbox/queue')).json as QueueView;
    expect(queue.deliveries.filter((delivery) => delivery.jobId === twice).map((delivery) => delivery.duplicate)).toEqual([false, true]);

    expect((await call(server, 'POST', '/__sandbox/queue/duplicate-delivery', { enabled: 'yes' })).status).toBe(400);
  });

  it('delivers a delayed event at its due time on the queue clock', async () => {
    const server = await start();
    await invoke(server, 'push', 'u-bob', { events: [{ body: { tag: 'later' }, delayInSeconds: 600 }] });
    // The server's queue takes no real time for delays (timeScale 0): its clock jumps to the due time.
    await call(server, 'POST', '/__sandbox/drain');
    const queue = (await call(server, 'GET', '/__sandbox/queue')).json as QueueView;
    expect(queue.deliveries).toHaveLength(1);
    expect(queue.clock).toBeGreaterThanOrEqual(600);
  });
});

describe('sandbox server: people and groups', () => {
  it('stages 25 approvers in a new group, who can act at once and survive a restart', async () => {
    const dataDir = mkdtempSync(join(tmpdir(), 'sandbox-control-'));
    tempDirs.push(dataDir);
    const first = await start(dataDir);
    const group = await call(first, 'POST', '/__sandbox/groups', { name: 'release-board' });
    expect(group).toEqual({ status: 201, json: { id: 'g-release-board', name: 'release-board', members: [] } });
    for (let i = 1; i <= 25; i++) {
      const added = await call(first, 'POST', '/__sandbox/users', { accountId: `u-approver-${i}`, displayName: `Approver ${i}`, email: `approver${i}@example.com`, groups: ['release-board', 'g-confluence-users'] });
      expect(added.status).toBe(201);
    }
    const generated = await call(first, 'POST', '/__sandbox/users', { displayName: 'Someone New' });
    expect((generated.json as { accountId: string }).accountId).toMatch(/^[0-9a-f]{24}$/);

    const whoami = await invoke(first, 'whoami', 'u-approver-7');
    expect(whoami.json).toMatchObject({ contextAccountId: 'u-approver-7' });
    await first.close();
    running = running.filter((server) => server !== first);

    const second = await start(dataDir);
    const { users } = (await call(second, 'GET', '/__sandbox/users')).json as { users: Array<{ accountId: string; groups: string[] }> };
    expect(users.filter((user) => user.groups.includes('release-board'))).toHaveLength(25);
    expect(users.find((user) => user.accountId === 'u-approver-25')?.groups.sort()).toEqual(['confluence-users', 'release-board']);
  });

  it('adds members to a group, and refuses unknown people, unknown groups and taken ids', async () => {
    const server = await start();
    const added = await call(server, 'POST', '/__sandbox/groups/g-legal/members', { accountIds: ['u-grace'] });
    expect(added).toEqual({ status: 200, json: { id: 'g-legal', name: 'legal', members: ['u-dana', 'u-eve', 'u-grace'] } });

    expect(errorOf(await call(server, 'POST', '/__sandbox/groups/g-legal/members', { accountIds: ['u-nobody'] }))).toMatchObject({ code: 'UNKNOWN_USER' });
    const noGroup = await call(server, 'POST', '/__sandbox/groups/g-nope/members', { accountIds: ['u-grace'] });
    expect({ status: noGroup.status, code: errorOf(noGroup).code }).toEqual({ status: 404, code: 'UNKNOWN_GROUP' });
    expect(errorOf(await call(server, 'POST', '/__sandbox/users', { displayName: 'X', groups: ['nope'] }))).toMatchObject({ code: 'UNKNOWN_GROUP' });
    const taken = await call(server, 'POST', '/__sandbox/users', { accountId: 'u-bob', displayName: 'Bob Again' });
    expect({ status: taken.status, code: errorOf(taken).code }).toEqual({ status: 409, code: 'CONFLICT' });
    const takenGroup = await call(server, 'POST', '/__sandbox/groups', { name: 'legal' });
    expect(takenGroup.status).toBe(409);
    expect(errorOf(await call(server, 'POST', '/__sandbox/users', { accountId: 'u-x' }))).toMatchObject({ code: 'VALIDATION' });
    expect(errorOf(await call(server, 'POST', '/__sandbox/groups', { name: 'new', members: ['u-nobody'] }))).toMatchObject({ code: 'UNKNOWN_USER' });
  });
});
