/**
 * Expiry: an approval older than its workflow's validity becomes Expired. The daily run queues the
 * due requests in jobs (src/commands/maintenance-job.ts); each job expires its requests here. A
 * request expires once: the transition is conditioned on the page's revision and on the request
 * still being approved, so a job delivered twice, or a second run the same day, changes nothing.
 */
import { isDueToExpire } from '../domain/lifecycle';
import { transition } from '../domain/request-machine';
import { type ApprovalRequest } from '../domain/request';
import { ConfluenceBusyError } from '../confluence/http';
import { mapWithConcurrency } from '../shared/parallel';
import { getPageRecord } from '../storage/page-state';
import { isStorageRateLimited } from '../storage/rate-limited';
import { getRequests } from '../storage/requests';
import { changePage } from './commit';
import { emitGathered } from './emit';
import { type ExpireJob } from './maintenance-job';
import { requestOnPage } from './target-request';

/** Expiries of one job committed side by side: distinct pages, a few storage calls each. */
const PARALLEL_EXPIRIES = 5;
/** Audit keys per effects job: one expiry writes one entry, so a job's effects are one or two jobs per space. */
const KEYS_PER_EFFECTS_JOB = 100;

/** Expires the request now; whether it did, and the audit keys written (none when it was not, or no longer, due). */
async function expireOne(found: ApprovalRequest): Promise<{ expired: boolean; keys: string[] }> {
  const record = await getPageRecord(found.pageId);
  const { value, written } = await changePage(
    found.pageId,
    record,
    async (stored) => {
      if (stored === undefined) return { value: false, change: null };
      const request = await requestOnPage(stored, found.pageId, found.id);
      const at = new Date().toISOString();
      const result = transition(request, { type: 'expire' }, at);
      if (!result.ok || result.events.length === 0) return { value: false, change: null };
      return { value: true, change: { base: stored, requests: [result.request], events: result.events, at } };
    },
    { effects: 'caller' },
  );
  return { expired: value, keys: written.map((entry) => entry.key) };
}

/**
 * Expires the job's requests that are due by the run's start, as stored now (one batch read), and
 * queues their effects together. Throws after trying every request when some failed (a rate
 * limit's own error first, so the consumer can wait it out): the queue runs the job again and the
 * ones already expired are no-ops.
 */
export async function expireDue(job: ExpireJob): Promise<{ expired: number }> {
  const requests = await getRequests(job.requestIds);
  const due = [...requests.values()].filter((request) => isDueToExpire(request, job.run));
  const written = new Map<string, string[]>();
  let failed = 0;
  let expired = 0;
  let rateLimited: unknown;
  await mapWithConcurrency(due, PARALLEL_EXPIRIES, async (request) => {
    try {
      const outcome = await expireOne(request);
      if (outcome.expired) expired += 1;
      if (outcome.keys.length > 0) written.set(request.spaceId, [...(written.get(request.spaceId) ?? []), ...outcome.keys]);
    } catch (error) {
      failed += 1;
      if (isStorageRateLimited(error) || error instanceof ConfluenceBusyError) rateLimited ??= error;
      else console.error(`expiry of request ${request.id} (page ${request.pageId}) failed; the job runs again`, error);
    }
  });
  await emitGathered(written, KEYS_PER_EFFECTS_JOB);
  // A rate limit is the consumer's to wait out; anything else is an ordinary failure to retry.
  if (rateLimited !== undefined) throw rateLimited;
  if (failed > 0) throw new Error(`${failed} of ${due.length} expiries failed`);
  return { expired };
}
