/**
 * The consumer of queue `approval-maintenance`: a step of the daily run, or a job of expiries
 * (src/commands/maintenance-job.ts). A body that is not a job can never succeed, so it is logged
 * and dropped rather than retried for a day. Every other failure throws and the queue retries the
 * job: a step that has queued its work, and a request already expired, are no-ops the second time.
 */
import { type AsyncEvent } from '@forge/events';
import { runDailyStep } from '../commands/daily-step';
import { expireDue } from '../commands/expire';
import { type MaintenanceJob, maintenanceJobSchema } from '../commands/maintenance-job';

export async function maintenanceConsumer(event: AsyncEvent<MaintenanceJob>): Promise<void> {
  const job = maintenanceJobSchema.safeParse(event.body);
  if (!job.success) {
    console.error(`maintenance job ${event.jobId} dropped: its body is not a job`, job.error.issues);
    return;
  }
  if (job.data.job === 'expire') {
    await expireDue(job.data);
    return;
  }
  const outcome = await runDailyStep(job.data);
  if (outcome.failed > 0) console.error(`daily maintenance: ${outcome.failed} request(s) or page(s) of step ${job.data.step} (${job.data.pass}) could not be handled; the next run tries again`);
}
