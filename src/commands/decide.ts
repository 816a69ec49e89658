/**
 * Approve or reject: an eligible approver of the current step decides. The approver must also
 * be able to view the page in Confluence (asked as the approver), and the domain decides the
 * rest: eligibility, self-approval, one decision per person, the step's rule, and no decision by
 * someone who changed the request's workflow after its submission. Someone not named
 * on the step may decide for one of its groups: Confluence is asked once which groups they are
 * in (never the group's members, which may be tens of thousands).
 */
import { type ApprovalRequest, currentStep } from '../domain/request';
import { transition } from '../domain/request-machine';
import { AppError } from '../shared/errors';
import { changePage } from './commit';
import { getRequest } from '../storage/requests';
import { type Actor, type CommandResult, loadPageContext, type PageContext, pageFacts } from './page-context';
import { getUserGroupIds } from '../confluence/user-groups';
import { accepted } from './refusal';
import { requestOnPage } from './target-request';

export interface DecisionInput {
  requestId: string;
  stepIndex: number;
  decision: 'approve' | 'reject';
  comment?: string;
}

export interface DecisionOutcome {
  request: ApprovalRequest;
  /** False when the same decision had already been recorded (a repeated click or a retried call). */
  changed: boolean;
}

/** Only someone not named on a current step that has groups can need their groups. */
function needsGroups(request: ApprovalRequest, actorId: string): boolean {
  if (request.status !== 'inApproval') return false;
  const { state } = currentStep(request);
  return state.approverGroups.length > 0 && !state.eligibleApprovers.includes(actorId);
}

/** The caller flushes `context.cache` once its response is built. */
export async function decideInContext(context: PageContext, input: DecisionInput): Promise<CommandResult<DecisionOutcome>> {
  if (!context.access.canView) throw new AppError('FORBIDDEN', "You can't view this page, so you can't decide on it.");
  const { actorId } = context;
  const actorWorkflowEdits = context.actorWorkflowEdits;
  const command =
    input.decision === 'approve'
      ? { type: 'approve' as const, actorId, actorWorkflowEdits, stepIndex: input.stepIndex, ...(input.comment === undefined ? {} : { comment: input.comment }) }
      : { type: 'reject' as const, actorId, actorWorkflowEdits, stepIndex: input.stepIndex, comment: input.comment ?? '' };
  let actorGroups: Promise<string[]> | undefined;
  return changePage<DecisionOutcome>(context.pageId, context.record, async (stored) => {
    if (stored === undefined) throw new AppError('NOT_FOUND', 'This page has no approval request. Reload the page to see its current approval.');
    const request = await requestOnPage(stored, context.pageId, input.requestId);
    // Asked at most once however often a conflict makes the decision run again.
    const actorGroupIds = needsGroups(request, actorId) ? await (actorGroups ??= getUserGroupIds(actorId)) : undefined;
    const at = new Date().toISOString();
    const result = accepted(transition(request, { ...command, ...(actorGroupIds === undefined ? {} : { actorGroupIds }) }, at));
    if (result.events.length === 0) return { value: { request: result.request, changed: false }, change: null };
    return {
      value: { request: result.request, changed: true },
      change: { base: stored, requests: [result.request], events: result.events, page: pageFacts(context), at },
    };
  });
}

/** Also the queue's (bulk) decision: each call is authorised on its own, as its caller. */
export async function decide(actor: Actor, input: DecisionInput): Promise<DecisionOutcome> {
  const request = await getRequest(input.requestId);
  if (request === undefined) throw new AppError('NOT_FOUND', 'This approval request does not exist. Reload to see the current approvals.');
  const context = await loadPageContext(actor, request.pageId);
  const { value } = await decideInContext(context, input);
  await context.cache.flush();
  return value;
}
