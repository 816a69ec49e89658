/**
 * Daily: approvals past their validity become Expired, steps past their due date are recorded as
 * overdue (the effects remind their approvers), and pages an edit would change are checked
 * against Confluence's current version, so an `updated:page` event that never arrived cannot leave
 * an edited page Approved. One pass over the requests' `by-status-expiry` index per status, a page
 * at a time, so the cost follows the approved and in-review requests, not the history.
 * Each request is handled on its own: one that fails is logged and the rest go on.
 * Last, the byline property of every page the app tracks is checked for forgeries: the job only
 * lists the pages and queues the checks (effects/byline-check.ts), so its own time grows by one query and
 * about one push per 100 pages, and each page is checked, and repaired, on its own.
 */
import { emitBylineChecks } from '../commands/emit';
import { expireRequest } from '../commands/expire';
import { recordOverdueSteps } from '../commands/overdue';
import { VersionCheck } from '../commands/version-check';
import { type ApprovalRequest } from '../domain/request';
import { trackedPages } from '../storage/page-state';
import { requestsInStatus } from '../storage/requests';

const PAGE_SIZE = 100;

/** Every request in a status, page by page; returns how many could not be handled. */
async function eachRequest(status: ApprovalRequest['status'], handle: (request: ApprovalRequest) => Promise<unknown>): Promise<number> {
  let failed = 0;
  let cursor: string | undefined;
  do {
    const page = await requestsInStatus(status, cursor, PAGE_SIZE);
    for (const request of page.requests) {
      try {
        await handle(request);
      } catch (error) {
        console.error(`daily maintenance: request ${request.id} (page ${request.pageId}) failed; the next run tries again`, error);
        failed += 1;
      }
    }
    cursor = page.cursor;
  } while (cursor !== undefined);
  return failed;
}

/** Queues a byline check of every tracked page, a space's pages together; returns how many pages could not be queued. */
async function queueBylineChecks(): Promise<number> {
  let failed = 0;
  let cursor: string | undefined;
  do {
    const listed = await trackedPages(cursor);
    const bySpace = new Map<string, { pageId: string }[]>();
    for (const { pageId, spaceId } of listed.pages) bySpace.set(spaceId, [...(bySpace.get(spaceId) ?? []), { pageId }]);
    for (const [spaceId, pages] of bySpace) {
      try {
        await emitBylineChecks(spaceId, pages);
      } catch (error) {
        console.error(`daily maintenance: byline checks of ${pages.length} page(s) in space ${spaceId} not queued; the next run tries again`, error);
        failed += pages.length;
      }
    }
    cursor = listed.cursor;
  } while (cursor !== undefined);
  return failed;
}

/** 204 when every request was handled; 500 (an error, for the platform's logs) when some failed. */
export async function dailyMaintenance(): Promise<{ statusCode: number; statusText?: string }> {
  const now = new Date().toISOString();
  const versions = new VersionCheck();
  const approvedFailures = await eachRequest('approved', async (request) => {
    if (request.expiresAt !== undefined && request.expiresAt <= now) {
      await expireRequest(request);
      return;
    }
    await versions.watch(request);
  });
  const reviewFailures = await eachRequest('inApproval', async (request) => {
    await recordOverdueSteps(request, now);
    await versions.watch(request);
  });
  const checked = await versions.finish();
  const bylineFailures = await queueBylineChecks();
  const failed = approvedFailures + reviewFailures + checked.failed + bylineFailures;
  if (failed === 0) return { statusCode: 204 };
  return { statusCode: 500, statusText: `${failed} request(s) or page(s) could not be handled; the next run tries again` };
}
