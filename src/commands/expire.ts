/**
 * Expiry: an approval older than its workflow's validity becomes Expired. Run by the daily job
 * for every approved request whose `expiresAt` has passed.
 */
import { transition } from '../domain/request-machine';
import { changePage } from './commit';
import { getPageRecord } from '../storage/page-state';
import { type ApprovalRequest } from '../domain/request';
import { requestOnPage } from './target-request';

/** True when the request expired now; false when it was not (or no longer) due. */
export async function expireRequest(found: ApprovalRequest): Promise<boolean> {
  const record = await getPageRecord(found.pageId);
  const { value } = await changePage(found.pageId, record, async (stored) => {
    if (stored === undefined) return { value: false, change: null };
    const request = await requestOnPage(stored, found.pageId, found.id);
    const at = new Date().toISOString();
    const result = transition(request, { type: 'expire' }, at);
    if (!result.ok || result.events.length === 0) return { value: false, change: null };
    return { value: true, change: { base: stored, requests: [result.request], events: result.events, at } };
  });
  return value;
}
