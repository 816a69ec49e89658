/**
 * Withdraw: the submitter (or a space admin) takes a request out of approval; the page returns
 * to what it was before the submission.
 */
import { type ApprovalRequest } from '../domain/request';
import { transition } from '../domain/request-machine';
import { changePage } from './commit';
import { callerIsSpaceAdmin, type CommandResult, type PageContext, pageFacts } from './page-context';
import { accepted } from './refusal';
import { requestOnPage } from './target-request';

/** The caller flushes `context.cache` once its response is built. */
export async function withdrawInContext(context: PageContext, requestId: string): Promise<CommandResult<ApprovalRequest>> {
  const { actorId } = context;
  // Only someone other than the submitter needs to be a space admin: ask Confluence only then.
  const submitter = (await requestOnPage(context.record, context.pageId, requestId)).submittedBy;
  const isAdmin = submitter === actorId ? false : await callerIsSpaceAdmin(context);
  return changePage(context.pageId, context.record, async (stored) => {
    const request = await requestOnPage(stored, context.pageId, requestId);
    const at = new Date().toISOString();
    const result = accepted(transition(request, { type: 'withdraw', actorId, isAdmin }, at));
    if (result.events.length === 0 || stored === undefined) return { value: result.request, change: null };
    return { value: result.request, change: { base: stored, requests: [result.request], events: result.events, page: pageFacts(context), at } };
  });
}
