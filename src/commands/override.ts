/**
 * Override: a space admin forces the page's latest request into Draft, Approved or Changes
 * Requested, with a reason that the audit trail keeps.
 */
import { type ApprovalRequest, type OverrideTarget } from '../domain/request';
import { transition } from '../domain/request-machine';
import { AppError } from '../shared/errors';
import { changePage } from './commit';
import { type Actor, callerIsSpaceAdmin, type CommandResult, loadPageContext, type PageContext, pageFacts } from './page-context';
import { accepted } from './refusal';

export interface OverrideInput {
  pageId: string;
  targetStatus: OverrideTarget;
  reason: string;
}

/** The caller flushes `context.cache` once its response is built. */
export async function overrideInContext(context: PageContext, input: Omit<OverrideInput, 'pageId'>): Promise<CommandResult<ApprovalRequest>> {
  if (!(await callerIsSpaceAdmin(context))) throw new AppError('FORBIDDEN', "Only a space admin can override a page's status.");
  const { actorId } = context;
  return changePage<ApprovalRequest>(context.pageId, context.record, (stored) => {
    const latest = stored?.latest ?? null;
    const at = new Date().toISOString();
    const result = accepted(
      transition(latest, { type: 'override', actorId, isAdmin: true, targetStatus: input.targetStatus, reason: input.reason }, at),
    );
    if (stored === undefined) return { value: result.request, change: null };
    return { value: result.request, change: { base: stored, requests: [result.request], events: result.events, page: pageFacts(context), at } };
  });
}

/** Also the manage-space screen's override, with a page id from its payload checked as for submit. */
export async function overridePage(actor: Actor, input: OverrideInput): Promise<ApprovalRequest> {
  const context = await loadPageContext(actor, input.pageId);
  const { value } = await overrideInContext(context, input);
  await context.cache.flush();
  return value;
}
