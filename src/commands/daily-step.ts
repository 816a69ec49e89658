/**
 * One step of a daily pass, cursor-paged through an index so every step's work is bounded
 * whatever the site holds. A request pass reads a page of the requests in its status from
 * `by-status-expiry`: approvals due to expire are queued in expiry jobs; the other approvals, and
 * the requests in review, are checked against Confluence's current version; overdue steps are
 * recorded. The byline pass reads a page of tracked pages and queues their byline checks. The step
 * then queues its next step with the cursor, and records that it did: a step delivered again
 * queues nothing twice. One request that fails is logged and left to the next day's run, as before
 * the fan-out.
 */
import { isDueToExpire } from '../domain/lifecycle';
import { type ApprovalRequest } from '../domain/request';
import { recordStepQueued, stepQueued } from '../storage/maintenance-steps';
import { trackedPages } from '../storage/page-state';
import { requestsInStatus } from '../storage/requests';
import { emitBylineChecksOfSpaces, emitMaintenanceJobs } from './emit';
import { type DailyStepJob, type ExpireJob, type MaintenanceJob } from './maintenance-job';
import { recordOverdueSteps } from './overdue';
import { VersionCheck } from './version-check';

export interface StepOutcome {
  /** Requests queued for expiry by this step. */
  queuedExpiries: number;
  /** Requests or pages that could not be handled (logged; the next day's run tries again). */
  failed: number;
  /** False when an earlier delivery of the step already queued its work. */
  ran: boolean;
}

interface Page<T> {
  rows: T[];
  cursor?: string;
}

/** A query answers at most 100 rows (storage limits): a step reads its page in a few of them. */
const QUERY_LIMIT = 100;

/** Up to the step's size of rows from its cursor on, and the cursor of the next step (none at the end). */
async function readStep<T>(step: DailyStepJob, read: (cursor: string | undefined, limit: number) => Promise<Page<T>>): Promise<Page<T>> {
  const rows: T[] = [];
  let cursor = step.cursor;
  do {
    const page = await read(cursor, Math.min(QUERY_LIMIT, step.requestsPerStep - rows.length));
    rows.push(...page.rows);
    cursor = page.cursor;
  } while (cursor !== undefined && rows.length < step.requestsPerStep);
  return { rows, ...(cursor === undefined ? {} : { cursor }) };
}

const nextStep = (step: DailyStepJob, cursor: string | undefined): MaintenanceJob[] => (cursor === undefined ? [] : [{ ...step, step: step.step + 1, cursor }]);

/** The due requests in jobs of the run's size, a space's requests together so their effects share jobs. */
function expiryJobs(due: readonly ApprovalRequest[], { run, expiriesPerJob }: DailyStepJob): ExpireJob[] {
  const ordered = [...due].sort((a, b) => (a.spaceId < b.spaceId ? -1 : a.spaceId > b.spaceId ? 1 : 0));
  const jobs: ExpireJob[] = [];
  for (let i = 0; i < ordered.length; i += expiriesPerJob) {
    jobs.push({ job: 'expire', run, requestIds: ordered.slice(i, i + expiriesPerJob).map((request) => request.id) });
  }
  return jobs;
}

async function requestStep(step: DailyStepJob & { pass: ApprovalRequest['status'] }): Promise<Omit<StepOutcome, 'ran'>> {
  const page = await readStep(step, async (cursor, limit) => {
    const found = await requestsInStatus(step.pass, cursor, limit);
    return { rows: found.requests, ...(found.cursor === undefined ? {} : { cursor: found.cursor }) };
  });
  const versions = new VersionCheck();
  const due: ApprovalRequest[] = [];
  let failed = 0;
  for (const request of page.rows) {
    try {
      if (isDueToExpire(request, step.run)) {
        due.push(request);
        continue;
      }
      if (request.status === 'inApproval') await recordOverdueSteps(request, step.run);
      await versions.watch(request);
    } catch (error) {
      console.error(`daily maintenance: request ${request.id} (page ${request.pageId}) failed; the next run tries again`, error);
      failed += 1;
    }
  }
  const checked = await versions.finish();
  await emitMaintenanceJobs([...expiryJobs(due, step), ...nextStep(step, page.cursor)]);
  return { queuedExpiries: due.length, failed: failed + checked.failed };
}

async function bylineStep(step: DailyStepJob): Promise<Omit<StepOutcome, 'ran'>> {
  const page = await readStep(step, async (cursor) => {
    const listed = await trackedPages(cursor);
    return { rows: listed.pages, ...(listed.cursor === undefined ? {} : { cursor: listed.cursor }) };
  });
  const bySpace = new Map<string, { pageId: string }[]>();
  for (const { pageId, spaceId } of page.rows) bySpace.set(spaceId, [...(bySpace.get(spaceId) ?? []), { pageId }]);
  await emitBylineChecksOfSpaces(bySpace);
  await emitMaintenanceJobs(nextStep(step, page.cursor));
  return { queuedExpiries: 0, failed: 0 };
}

export async function runDailyStep(step: DailyStepJob): Promise<StepOutcome> {
  if (await stepQueued(step)) return { queuedExpiries: 0, failed: 0, ran: false };
  const { pass } = step;
  const outcome = pass === 'bylines' ? await bylineStep(step) : await requestStep({ ...step, pass });
  await recordStepQueued(step);
  return { ...outcome, ran: true };
}
