import { Queue } from '@forge/events';

/**
 * What happens after a change is committed runs from one queue: sealing the audit
 * entries into the space's hash chain, the byline property, approver tasks, analytics
 * rollups and notification comments. A job names the audit entries the change wrote
 * (unsealed) in its transaction; the entries carry the events, so nothing is lost if the
 * push itself fails: the sweeper finds unsealed entries and pushes them again.
 */
export const EFFECTS_QUEUE = 'approval-effects';

export interface EffectsJob {
  [field: string]: unknown;
  spaceId: string;
  pageId: string;
  auditKeys: string[];
}

/**
 * One job at a time per space (`concurrency`), so the space's chain is extended in order
 * without contention; spaces proceed in parallel.
 */
export async function enqueueEffects(job: EffectsJob): Promise<void> {
  await new Queue<EffectsJob>({ key: EFFECTS_QUEUE }).push({ body: job, concurrency: { key: `space-${job.spaceId}`, limit: 1 } });
}
