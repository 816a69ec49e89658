/**
 * Why someone who holds a seat on the current step is not offered the decision. Without the
 * reason, the dialog of an author who is also an approver looked the same as a viewer's, and
 * people took the missing form for a fault.
 */
import { seatOf } from './approver-seat';
import { type ApprovalRequest, currentStep, resolveEligibleApprovers } from './request';
import { barredAsAuthor } from './self-approval';
import { changedWorkflowSinceSubmission, type WorkflowEdits } from './workflow-edits';

export const SELF_APPROVAL_WITHHELD = 'You submitted this version, and this workflow does not let authors approve their own pages.';
export const WORKFLOW_EDITOR_WITHHELD = "You changed this workflow after this page was submitted, so you can't decide on this request.";

/**
 * Null when the person is no approver of the current step, has decided already, or may decide.
 * Group seats count only through the groups the caller knows the person is in.
 */
export function withheldDecision(request: ApprovalRequest | null, actorId: string, actorGroupIds: readonly string[], edits: WorkflowEdits): string | null {
  if (request === null || request.status !== 'inApproval') return null;
  const { definition, state } = currentStep(request);
  if (state.completedAt !== undefined || state.decisions.some((d) => d.approverId === actorId)) return null;
  if (barredAsAuthor(request, actorId)) {
    // The submission left the author out of the step's approvers, so the workflow says whether they are one.
    const named = resolveEligibleApprovers(definition, actorId, true).includes(actorId);
    const inGroup = state.approverGroups.some((group) => actorGroupIds.includes(group.groupId));
    return named || inGroup ? SELF_APPROVAL_WITHHELD : null;
  }
  if (!seatOf(definition.rule, state, actorId, actorGroupIds).ok) return null;
  return changedWorkflowSinceSubmission(request, edits) ? WORKFLOW_EDITOR_WITHHELD : null;
}
