import { type AsyncEvent } from '@forge/events';
import { z } from 'zod';
import { runEffects } from './effects';
import { type EffectsJob } from './effects-job';

const jobSchema = z.object({
  spaceId: z.string().min(1),
  pageId: z.string().min(1),
  auditKeys: z.array(z.string().min(1)).min(1),
});

/**
 * The consumer of queue `approval-effects`. A body that is not a job can never succeed, so it
 * is logged and dropped rather than retried for a day; every other failure throws and the
 * queue delivers the job again.
 */
export async function effectsConsumer(event: AsyncEvent<EffectsJob>): Promise<void> {
  const job = jobSchema.safeParse(event.body);
  if (!job.success) {
    console.error(`effects job ${event.jobId} dropped: its body is not a job`, job.error.issues);
    return;
  }
  await runEffects(job.data);
}
