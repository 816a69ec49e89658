/**
 * The only place that queues work: on the effects queue a committed change's effects and byline
 * checks, on the maintenance queue the daily run's steps and expiries. A change's audit entries are stored unsealed in its transaction, so a lost push loses no
 * work: the hourly sweeper finds them and pushes them again. The change has happened, so a failed
 * push is logged, never reported to the person who made it.
 */
import { Queue } from '@forge/events';
import { type BylineCheckJob } from '../effects/byline-check';
import { EFFECTS_QUEUE, type EffectsJob } from '../effects/effects-job';
import { BATCH_LIMIT } from '../storage/batch-read';
import { NONE } from '../storage/entities';
import { MAINTENANCE_QUEUE, type MaintenanceJob, type ScanJob } from './maintenance-job';

/** A push takes at most 50 events (async-events limits). */
const EVENTS_PER_PUSH = 50;

const effectsQueue = () => new Queue<EffectsJob | BylineCheckJob>({ key: EFFECTS_QUEUE });

/**
 * One job at a time per space (`concurrency`), so the space's chain is extended in order without
 * contention; spaces proceed in parallel.
 */
const spaceLane = (spaceId: string) => ({ key: `space-${spaceId}`, limit: 1 });

/** Queues the effects of entries a change wrote; `pageId` NONE for changes about no page. Throws when the push fails. */
export async function pushEffects(spaceId: string, auditKeys: string[], pageId: string = NONE): Promise<void> {
  await effectsQueue().push({ body: { spaceId, pageId, auditKeys }, concurrency: spaceLane(spaceId) });
}

/** Queues the effects of a committed change; a lost push is left to the sweeper. */
export async function emit(spaceId: string, auditKeys: string[], pageId: string = NONE): Promise<void> {
  if (auditKeys.length === 0) return;
  try {
    await pushEffects(spaceId, auditKeys, pageId);
  } catch (error) {
    console.error('effects push failed; the sweeper will retry it', error);
  }
}

/**
 * Queues checks of these pages of one space, 25 to a job (one batch read of their records). The
 * jobs run in the space's lane, after the effects already queued there, so they see their byline
 * writes. Throws when a push fails: nothing records a check, so the caller reports it.
 */
export async function emitBylineChecks(spaceId: string, pages: BylineCheckJob['pages']): Promise<void> {
  await emitBylineChecksOfSpaces(new Map([[spaceId, pages]]));
}

/** `emitBylineChecks` for the pages of several spaces, their jobs packed 50 to a push. */
export async function emitBylineChecksOfSpaces(pagesBySpace: ReadonlyMap<string, BylineCheckJob['pages']>): Promise<void> {
  const events = [];
  for (const [spaceId, pages] of pagesBySpace) {
    for (let i = 0; i < pages.length; i += BATCH_LIMIT) {
      const body: BylineCheckJob = { check: 'byline', spaceId, pages: pages.slice(i, i + BATCH_LIMIT) };
      events.push({ body, concurrency: spaceLane(spaceId) });
    }
  }
  const queue = effectsQueue();
  for (let i = 0; i < events.length; i += EVENTS_PER_PUSH) await queue.push(events.slice(i, i + EVENTS_PER_PUSH));
}

/**
 * Queues the effects of many committed changes of one job together, a space's entries in jobs of
 * at most `keysPerJob` (the effects run one space at a time anyway), 50 events a push. As with
 * `emit`, a lost push is logged and left to the sweeper: the changes have happened.
 */
export async function emitGathered(writtenBySpace: ReadonlyMap<string, readonly string[]>, keysPerJob: number): Promise<void> {
  const events = [];
  for (const [spaceId, auditKeys] of writtenBySpace) {
    for (let i = 0; i < auditKeys.length; i += keysPerJob) {
      const body: EffectsJob = { spaceId, pageId: NONE, auditKeys: auditKeys.slice(i, i + keysPerJob) };
      events.push({ body, concurrency: spaceLane(spaceId) });
    }
  }
  const queue = effectsQueue();
  for (let i = 0; i < events.length; i += EVENTS_PER_PUSH) {
    try {
      await queue.push(events.slice(i, i + EVENTS_PER_PUSH));
    } catch (error) {
      console.error('effects push failed; the sweeper will retry it', error);
    }
  }
}

/**
 * Seconds before the next step of a daily pass runs. A step queues at most six jobs and its
 * expiries about five effects jobs: a step every two seconds keeps the run near 330 events a
 * minute, inside the 500 events a minute async events takes from one installation, with room for
 * everyone's decisions.
 */
const STEP_PACE_SECONDS = 2;

/**
 * Queues daily-run jobs in one push (a step's expiries and its next step: at most 50 events).
 * Throws when the push fails: the step has not been recorded as done, so the queue runs it again.
 */
export async function emitMaintenanceJobs(jobs: readonly MaintenanceJob[]): Promise<void> {
  if (jobs.length === 0) return;
  if (jobs.length > EVENTS_PER_PUSH) throw new Error(`${jobs.length} maintenance jobs do not fit one push of ${EVENTS_PER_PUSH}`);
  const paced = (job: MaintenanceJob) => (job.job === 'scan' && job.step > 0 ? { delayInSeconds: STEP_PACE_SECONDS } : {});
  await new Queue<MaintenanceJob>({ key: MAINTENANCE_QUEUE }).push(jobs.map((body) => ({ body, ...paced(body) })));
}

/** The first step of each pass of a daily run. Throws when the push fails: the trigger reports it. */
export async function emitDailyRun(run: string, passes: readonly ScanJob['pass'][]): Promise<void> {
  await emitMaintenanceJobs(passes.map((pass): ScanJob => ({ job: 'scan', pass, run, step: 0 })));
}
