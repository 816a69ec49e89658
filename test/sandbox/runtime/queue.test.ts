import { type Sandbox } from '../../../sandbox';
import { ALICE } from './fake-confluence';
import { fixtureSandbox, valuesUnder } from './harness';

interface Delivery {
  eventId: string;
  jobId: string;
  queueName: string;
  retryCount: number;
  retryReason: string | null;
  retryData: Record<string, unknown> | null;
  remainingMs: number | null;
  principal: unknown;
}

let sandbox: Sandbox;

afterEach(() => sandbox.close());

const push = async (events: Array<{ body: Record<string, unknown>; delayInSeconds?: number }>): Promise<string> => {
  const { jobId } = (await sandbox.invoke({ moduleKey: 'byline', functionKey: 'push', payload: { events }, accountId: ALICE })) as { jobId: string };
  return jobId;
};

const stats = async (jobId: string): Promise<unknown> => sandbox.invoke({ moduleKey: 'byline', functionKey: 'stats', payload: { jobId }, accountId: ALICE });

describe('the events queue', () => {
  beforeEach(async () => {
    ({ sandbox } = await fixtureSandbox());
  });

  it('delivers each pushed event asynchronously to the consumer, shaped as an AsyncEvent', async () => {
    const jobId = await push([{ body: { tag: 'plain' } }, { body: { tag: 'plain' } }]);
    expect(sandbox.queue.deliveries({ jobId })).toEqual([]);
    await sandbox.drain();
    const deliveries = await valuesUnder<Delivery>('delivery:plain:');
    expect(deliveries).toHaveLength(2);
    expect(new Set(deliveries.map((delivery) => delivery.eventId)).size).toBe(2);
    for (const delivery of deliveries) expect(delivery).toMatchObject({ jobId, queueName: 'work', retryCount: 0, retryReason: null, principal: null });
    expect(await stats(jobId)).toEqual({ success: 2, failed: 0, inProgress: 0 });
    expect(sandbox.ops.invocations({ kind: 'consumer' })).toHaveLength(2);
  });

  it('delivers every event twice when duplicate delivery is switched on', async () => {
    sandbox.queue.duplicateDelivery = true;
    const jobId = await push([{ body: { tag: 'dup' } }]);
    await sandbox.drain();
    const deliveries = await valuesUnder<Delivery>('delivery:dup:');
    expect(deliveries).toHaveLength(2);
    expect(deliveries[0].eventId).toBe(deliveries[1].eventId);
    expect(sandbox.queue.deliveries({ jobId }).map((record) => record.duplicate)).toEqual([false, true]);
    expect(await stats(jobId)).toEqual({ success: 1, failed: 0, inProgress: 0 });
  });

  it('redelivers an event whose consumer throws, with retryCount incremented', async () => {
    const jobId = await push([{ body: { tag: 'flaky', failTimes: 2 } }]);
    await sandbox.drain();
    const deliveries = await valuesUnder<Delivery>('delivery:flaky:');
    expect(deliveries.map((delivery) => delivery.retryCount).sort()).toEqual([0, 1, 2]);
    expect(deliveries.find((delivery) => delivery.retryCount === 1)?.retryReason).toBe('FUNCTION_ERR');
    expect(deliveries.find((delivery) => delivery.retryCount === 2)?.remainingMs).toBeGreaterThan(0);
    expect(sandbox.queue.deliveries({ jobId }).map((record) => record.outcome)).toEqual(['error', 'error', 'success']);
    expect(await stats(jobId)).toEqual({ success: 1, failed: 0, inProgress: 0 });
  });

  it('honours a retry requested with InvocationError, passing its reason and data', async () => {
    const jobId = await push([{ body: { tag: 'asked', failTimes: 1, mode: 'invocationError' } }]);
    await sandbox.drain();
    const retry = (await valuesUnder<Delivery>('delivery:asked:')).find((delivery) => delivery.retryCount === 1);
    expect(retry).toMatchObject({ retryReason: 'FUNCTION_UPSTREAM_RATE_LIMITED', retryData: { attempt: 0 } });
    const [first, second] = sandbox.queue.deliveries({ jobId });
    expect(second.at - first.at).toBe(30);
  });

  it('gives up once the 24-hour retention window is spent and counts the job failed', async () => {
    const jobId = await push([{ body: { tag: 'doomed', failTimes: 1_000 } }]);
    await sandbox.drain();
    const attempts = sandbox.queue.deliveries({ jobId });
    expect(attempts.length).toBeGreaterThan(50);
    expect(attempts[attempts.length - 1].at).toBeLessThanOrEqual(24 * 3600);
    expect(await stats(jobId)).toEqual({ success: 0, failed: 1, inProgress: 0 });
  });

  it('keeps delays in order on the queue clock', async () => {
    const jobId = await push([{ body: { tag: 'late' }, delayInSeconds: 60 }, { body: { tag: 'early' } }]);
    await sandbox.drain();
    const [early, late] = sandbox.queue.deliveries({ jobId });
    expect([early.at, late.at]).toEqual([0, 60]);
    expect(await valuesUnder('delivery:early:')).toHaveLength(1);
    expect(await valuesUnder('delivery:late:')).toHaveLength(1);
  });

  it('cancels the events of a job that have not started', async () => {
    const jobId = await push([{ body: { tag: 'cancel' }, delayInSeconds: 600 }]);
    await sandbox.invoke({ moduleKey: 'byline', functionKey: 'cancel', payload: { jobId }, accountId: ALICE });
    await sandbox.drain();
    expect(await valuesUnder('delivery:cancel:')).toHaveLength(0);
    expect(await stats(jobId)).toEqual({ success: 0, failed: 0, inProgress: 0 });
    await expect(stats('no-such-job')).rejects.toThrow(/was not found/);
  });

  it('retries a consumer that outlives its timeoutSeconds', async () => {
    const jobId = await push([{ body: { tag: 'slow', sleepMs: 2_500, failTimes: 0 } }]);
    await sandbox.drain();
    const attempts = sandbox.queue.deliveries({ jobId });
    expect(attempts[0]).toMatchObject({ outcome: 'error', error: expect.stringMatching(/timed out/) });
    expect(sandbox.ops.invocations({ kind: 'consumer' })[0].outcome).toBe('timeout');
  }, 20_000);
});

describe('queue timing', () => {
  it('takes real time for delays when timeScale is 1', async () => {
    ({ sandbox } = await fixtureSandbox({ queue: { timeScale: 1 } }));
    const started = Date.now();
    await push([{ body: { tag: 'real' }, delayInSeconds: 1 }]);
    await sandbox.drain();
    expect(Date.now() - started).toBeGreaterThanOrEqual(950);
    expect(await valuesUnder('delivery:real:')).toHaveLength(1);
  });
});
