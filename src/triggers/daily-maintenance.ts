/**
 * Daily: approvals past their validity become Expired, steps past their due date are recorded as
 * overdue (the effects remind their approvers), pages an edit would change are checked against
 * Confluence's current version, so an `updated:page` event that never arrived cannot leave an
 * edited page Approved, and the byline property of every page the app tracks is checked for
 * forgeries (effects/byline-check.ts). The trigger itself only starts the run: one push of the
 * first step of each pass (src/commands/daily-step.ts); each step pages on through the queue, so a
 * site with 100,000 approvals expiring on one day is worked off in bounded jobs and no invocation
 * nears its limit (docs/architecture.md, "Scale").
 */
import { emitDailyRun } from '../commands/emit';
import { MAINTENANCE_PASSES } from '../commands/maintenance-job';

/** 204 when the run was queued; 500 (an error, for the platform's logs) when it was not: the next day's run does it all. */
export async function dailyMaintenance(): Promise<{ statusCode: number; statusText?: string }> {
  try {
    await emitDailyRun(new Date().toISOString(), MAINTENANCE_PASSES);
    return { statusCode: 204 };
  } catch (error) {
    console.error('daily maintenance: the run could not be queued; the next run tries again', error);
    return { statusCode: 500, statusText: 'The daily run could not be queued; the next run tries again' };
  }
}
