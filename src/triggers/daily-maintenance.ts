/**
 * Daily: approvals past their validity become Expired, and steps past their due date are
 * recorded as overdue (the effects remind their approvers). Both go through the requests'
 * `by-status-expiry` index one page at a time, so the job's cost follows the number of
 * approved-and-due and in-review requests, not the history.
 */
import { WhereConditions } from '@forge/kvs';
import { expireRequest } from '../commands/expire';
import { recordOverdueSteps } from '../commands/overdue';
import { type ApprovalRequest } from '../domain/request';
import { INDEX } from '../storage/entities';
import { requestOf, requestTable } from '../storage/requests';

const PAGE_SIZE = 100;

/** Every request in a status (with `expiresAt` up to `until`, when given), page by page. */
async function eachRequest(status: ApprovalRequest['status'], until: string | undefined, handle: (request: ApprovalRequest) => Promise<unknown>): Promise<void> {
  let cursor: string | undefined;
  do {
    let query = requestTable().query().index(INDEX.request.byStatusExpiry, { partition: [status] }).limit(PAGE_SIZE);
    // ISO instants start with a digit; '-' (no expiry) sorts before them and is left out.
    if (until !== undefined) query = query.where(WhereConditions.between('0', until));
    if (cursor !== undefined) query = query.cursor(cursor);
    const page = await query.getMany();
    for (const { value } of page.results) await handle(requestOf(value));
    cursor = page.nextCursor;
  } while (cursor !== undefined);
}

export async function dailyMaintenance(): Promise<{ statusCode: number }> {
  const now = new Date().toISOString();
  await eachRequest('approved', now, expireRequest);
  await eachRequest('inApproval', undefined, (request) => recordOverdueSteps(request, now));
  return { statusCode: 200 };
}
