/**
 * The consumer of queue `approval-maintenance`: a step of the daily run, or a job of expiries
 * (src/commands/maintenance-job.ts). A body that is not a job can never succeed, so it is logged
 * and dropped rather than retried for a day. A job the installation's rate limits turned away asks
 * to be delivered again once they allow; every other failure throws and the queue retries the
 * job: a step that has queued its work, and a request already expired, are no-ops the second time.
 */
import { type AsyncEvent, InvocationError, InvocationErrorCode } from '@forge/events';
import { runDailyStep } from '../commands/daily-step';
import { expireDue } from '../commands/expire';
import { type MaintenanceJob, maintenanceJobSchema } from '../commands/maintenance-job';
import { rateLimitWait } from '../effects/rate-limit-wait';

export async function maintenanceConsumer(event: AsyncEvent<MaintenanceJob>): Promise<InvocationError | void> {
  const job = maintenanceJobSchema.safeParse(event.body);
  if (!job.success) {
    console.error(`maintenance job ${event.jobId} dropped: its body is not a job`, job.error.issues);
    return;
  }
  try {
    if (job.data.job === 'expire') {
      await expireDue(job.data);
      return;
    }
    const outcome = await runDailyStep(job.data);
    if (outcome.failed > 0) console.error(`daily maintenance: ${outcome.failed} request(s) or page(s) of step ${job.data.step} (${job.data.pass}) could not be handled; the next run tries again`);
  } catch (error) {
    // The installation's rate limits: asking the queue to deliver the job again once they allow
    // (async events "retry"), instead of failing into the platform's own backoff.
    const retryAfter = rateLimitWait(error, event.retryContext?.retryCount ?? 0);
    if (retryAfter === undefined) throw error;
    console.warn(`maintenance job ${event.jobId}: rate limited; trying again in ${retryAfter} s`);
    return new InvocationError({ retryAfter, retryReason: InvocationErrorCode.FUNCTION_UPSTREAM_RATE_LIMITED });
  }
}
