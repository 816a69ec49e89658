import { type AsyncEvent, InvocationError, InvocationErrorCode } from '@forge/events';
import { z } from 'zod';
import { ActionRunHeldError } from '../actions/action-ledger';
import { type BylineCheckJob, runBylineCheck } from './byline-check';
import { runEffects } from './effects';
import { type EffectsJob } from './effects-job';
import { rateLimitWait } from './rate-limit-wait';

const effectsJobSchema = z.object({
  spaceId: z.string().min(1),
  pageId: z.string().min(1),
  auditKeys: z.array(z.string().min(1)).min(1),
});

const bylineCheckSchema = z.object({
  check: z.literal('byline'),
  spaceId: z.string().min(1),
  pages: z.array(z.object({ pageId: z.string().min(1), contentType: z.enum(['page', 'blogpost']).optional() })).min(1).max(25),
});

const jobSchema = z.union([bylineCheckSchema, effectsJobSchema]);

/**
 * The consumer of queue `approval-effects`: a change's effects, or a byline check. A body that is not a job can never succeed, so it
 * is logged and dropped rather than retried for a day. When Confluence or storage rate-limits the
 * app the job asks the queue to deliver it again once the limit allows (rate-limit-wait.ts); the
 * finished steps are no-ops on redelivery. Likewise when another delivery of the job is running
 * its workflow actions: this one comes back once that one is done. Every other failure throws and
 * the queue retries.
 */
export async function effectsConsumer(event: AsyncEvent<EffectsJob | BylineCheckJob>): Promise<InvocationError | void> {
  const job = jobSchema.safeParse(event.body);
  if (!job.success) {
    console.error(`effects job ${event.jobId} dropped: its body is not a job`, job.error.issues);
    return;
  }
  try {
    if ('check' in job.data) await runBylineCheck(job.data);
    else await runEffects(job.data);
  } catch (error) {
    if (error instanceof ActionRunHeldError) {
      console.warn(`effects job ${event.jobId}: ${error.message}`);
      return new InvocationError({ retryAfter: error.retryAfterSeconds, retryReason: InvocationErrorCode.FUNCTION_RETRY_REQUEST });
    }
    const retryAfter = rateLimitWait(error, event.retryContext?.retryCount ?? 0);
    if (retryAfter === undefined) throw error;
    console.warn(`effects job ${event.jobId}: rate limited; trying again in ${retryAfter} s`);
    return new InvocationError({ retryAfter, retryReason: InvocationErrorCode.FUNCTION_UPSTREAM_RATE_LIMITED });
  }
}
