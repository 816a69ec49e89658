/**
 * The daily run fans out through the queue: with many approvals expiring on one day (300 here,
 * 100,000 in the bench) every request is expired exactly once, a step or an expiry job delivered
 * twice changes nothing, a second run the same day finds nothing more to do, and the scheduled
 * trigger's own work does not grow with the number of approvals due (it only queues the run).
 */
import { kvs } from '@forge/kvs';
import { emitMaintenanceJobs } from '../../../src/commands/emit';
import { type AuditRow, ENTITY } from '../../../src/storage/entities';
import { type TestApp, startApp } from '../support/app';
import { seedExpiringApprovals } from '../support/expiry-seed';

/** Expiry audit entries per request, counted over everything stored (the oracle, not the app's index). */
function expiriesPerRequest(app: TestApp): Map<string, number> {
  const counts = new Map<string, number>();
  for (const [, item] of app.sandbox.storage.snapshot().entities[ENTITY.auditEvent] ?? []) {
    const row = item.value as unknown as AuditRow;
    if (row.type !== 'request.expired' || row.body.kind !== 'request') continue;
    const { requestId } = row.body.event;
    counts.set(requestId, (counts.get(requestId) ?? 0) + 1);
  }
  return counts;
}

async function statuses(requestIds: readonly string[]): Promise<string[]> {
  const found: string[] = [];
  for (let i = 0; i < requestIds.length; i += 25) {
    const batch = await kvs.batchGet<{ status: string }>(requestIds.slice(i, i + 25).map((key) => ({ key, entityName: ENTITY.request })));
    found.push(...batch.successfulKeys.map((item) => item.value.status));
  }
  return found;
}

const DUE = 300;
/** Requests a step reads and expiries a job holds in the fan-out test (the run's own: 1,000 and 200). */
const STEP = 40;
const JOB = 7;

describe('the daily run at scale', () => {
  let app: TestApp;
  let requestIds: string[];

  beforeAll(async () => {
    app = await startApp();
    ({ requestIds } = await seedExpiringApprovals(app, DUE));
  }, 120_000);

  afterAll(() => app.close());

  it('fans out into small jobs and expires every due approval exactly once, whatever is delivered twice', async () => {
    app.sandbox.queue.duplicateDelivery = true;
    app.sandbox.ops.reset();
    // The run the trigger starts, with tiny steps and jobs so that 300 approvals fan out widely.
    await emitMaintenanceJobs([{ job: 'scan', pass: 'approved', run: new Date().toISOString(), step: 0, requestsPerStep: STEP, expiriesPerJob: JOB }]);
    await app.drain();
    app.sandbox.queue.duplicateDelivery = false;

    const expired = expiriesPerRequest(app);
    expect([...expired.keys()].sort()).toEqual([...requestIds].sort());
    expect([...expired.values()].every((count) => count === 1)).toBe(true);
    expect(new Set(await statuses(requestIds))).toEqual(new Set(['expired']));

    const jobs = app.sandbox.ops.invocations({ kind: 'consumer' }).filter((invocation) => invocation.functionKey === 'maintenance-consumer');
    expect(jobs.every((invocation) => invocation.outcome === 'ok')).toBe(true);
    // Every step and every expiry job ran twice (duplicate delivery), and no second chain of steps
    // started: 8 steps, each queueing its 40 requests' expiries in jobs of 7 (the last step 20).
    const steps = Math.ceil(DUE / STEP);
    const expiryJobs = Math.floor(DUE / STEP) * Math.ceil(STEP / JOB) + Math.ceil((DUE % STEP) / JOB);
    expect(jobs).toHaveLength(2 * (steps + expiryJobs));
    // Each job's work is bounded by its size, not by how much is due.
    const pushes = jobs.map((invocation) => app.sandbox.ops.count('queue', invocation.id));
    expect(Math.max(...pushes)).toBeLessThanOrEqual(2);
  }, 300_000);

  it('a second run the same day expires nothing more, and the trigger itself only queues the run', async () => {
    app.sandbox.ops.reset();
    expect((await app.sandbox.runScheduled('daily-maintenance-trigger')).ok).toBe(true);
    const trigger = app.sandbox.ops.lastInvocation('scheduled');
    if (trigger === undefined) throw new Error('the daily trigger did not run');
    // Whatever is due or tracked: no storage read, one push of the passes' first steps.
    expect({ storage: app.sandbox.ops.storageRoundTrips(trigger.id), pushes: app.sandbox.ops.count('queue', trigger.id) }).toEqual({ storage: 0, pushes: 1 });
    await app.drain();
    expect([...expiriesPerRequest(app).values()].every((count) => count === 1)).toBe(true);
    expect(expiriesPerRequest(app).size).toBe(DUE);
  }, 300_000);
});
