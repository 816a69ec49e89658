import { type AsyncEvent, InvocationError, InvocationErrorCode } from '@forge/events';
import { z } from 'zod';
import { ActionRunHeldError } from '../actions/action-ledger';
import { ConfluenceBusyError } from '../confluence/http';
import { type BylineCheckJob, runBylineCheck } from './byline-check';
import { runEffects } from './effects';
import { type EffectsJob } from './effects-job';

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

/** Without a `Retry-After`, wait twice as long after each rate-limited attempt (the queue caps it at 900 s). */
const busyBackoffSeconds = (retryCount: number): number => Math.min(900, 10 * 2 ** retryCount);

/**
 * The consumer of queue `approval-effects`: a change's effects, or a byline check. A body that is not a job can never succeed, so it
 * is logged and dropped rather than retried for a day. When Confluence rate-limits the app the
 * job asks the queue to deliver it again after Confluence's `Retry-After` (an `InvocationError`,
 * as the async events docs describe), instead of failing into the platform's own backoff; the
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
    if (!(error instanceof ConfluenceBusyError)) throw error;
    const retryAfter = error.retryAfterSeconds ?? busyBackoffSeconds(event.retryContext?.retryCount ?? 0);
    console.warn(`effects job ${event.jobId}: Confluence is rate limiting the app; trying again in ${retryAfter} s`);
    return new InvocationError({ retryAfter, retryReason: InvocationErrorCode.FUNCTION_UPSTREAM_RATE_LIMITED });
  }
}
