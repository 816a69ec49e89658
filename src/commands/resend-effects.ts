/**
 * Effects whose push was lost: audit entries still unsealed a few minutes after their change (the
 * push after the commit failed, or the queue gave up on the job) have their effects queued again,
 * one job per page as the commands do. Re-running effects is safe: every effect is idempotent.
 */
import { subMinutes } from 'date-fns';
import { unsealedBefore } from '../storage/audit';
import { emit } from './emit';

/** A job normally seals its entries within seconds; older unsealed entries lost their push. */
const STALE_AFTER_MINUTES = 5;
/** Entries handled per run: a backlog larger than this is worked off over the following hours. */
const MAX_ENTRIES_PER_RUN = 2000;
/** Keys per job: well inside the queue's 200 KB push limit and quick to run. */
const KEYS_PER_JOB = 50;

/** A push lost again is logged by `emit` and found by the next run. */
export async function resendLostEffects(now: Date): Promise<void> {
  const before = subMinutes(now, STALE_AFTER_MINUTES).toISOString();
  const jobs = new Map<string, { spaceId: string; pageId: string; auditKeys: string[] }>();
  let cursor: string | undefined;
  let seen = 0;
  do {
    const page = await unsealedBefore(before, cursor);
    for (const { key, row } of page.rows) {
      const group = `${row.spaceId}\u0000${row.pageId}`;
      const job = jobs.get(group) ?? { spaceId: row.spaceId, pageId: row.pageId, auditKeys: [] };
      job.auditKeys.push(key);
      jobs.set(group, job);
    }
    seen += page.rows.length;
    cursor = page.cursor;
  } while (cursor !== undefined && seen < MAX_ENTRIES_PER_RUN);
  for (const { spaceId, pageId, auditKeys } of jobs.values()) {
    for (let i = 0; i < auditKeys.length; i += KEYS_PER_JOB) await emit(spaceId, auditKeys.slice(i, i + KEYS_PER_JOB), pageId);
  }
}
