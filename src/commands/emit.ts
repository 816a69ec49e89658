/**
 * The only place that queues work on the effects queue: a committed change's effects, and byline
 * checks. A change's audit entries are stored unsealed in its transaction, so a lost push loses no
 * work: the hourly sweeper finds them and pushes them again. The change has happened, so a failed
 * push is logged, never reported to the person who made it.
 */
import { Queue } from '@forge/events';
import { type BylineCheckJob } from '../effects/byline-check';
import { EFFECTS_QUEUE, type EffectsJob } from '../effects/effects-job';
import { BATCH_LIMIT } from '../storage/batch-read';
import { NONE } from '../storage/entities';

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
  const events = [];
  for (let i = 0; i < pages.length; i += BATCH_LIMIT) {
    const body: BylineCheckJob = { check: 'byline', spaceId, pages: pages.slice(i, i + BATCH_LIMIT) };
    events.push({ body, concurrency: spaceLane(spaceId) });
  }
  const queue = effectsQueue();
  for (let i = 0; i < events.length; i += EVENTS_PER_PUSH) await queue.push(events.slice(i, i + EVENTS_PER_PUSH));
}
