/**
 * One row of the approval queue, as the viewer sees it: where the request stands, whether it is
 * overdue, and whether the viewer can decide on it now.
 */
import { isOverdue } from '../../domain/overdue';
import { type ApprovalRequest } from '../../domain/request';
import { type QueueItemView } from '../../shared/contract/queue';

export interface QueueItemContext {
  viewerId: string;
  now: Date;
  /** Display names by account id; a missing name shows the id. */
  names: ReadonlyMap<string, string>;
  /** Current page titles by page id; the title at submission when missing. */
  titles: ReadonlyMap<string, string>;
}

/** The viewer is an eligible approver of the current step who has not decided on it yet. */
export function canDecide(request: ApprovalRequest, viewerId: string): boolean {
  if (request.status !== 'inApproval') return false;
  const step = request.steps[request.currentStepIndex];
  if (step === undefined || step.completedAt !== undefined) return false;
  return step.eligibleApprovers.includes(viewerId) && !step.decisions.some((decision) => decision.approverId === viewerId);
}

export function queueItem(request: ApprovalRequest, context: QueueItemContext): QueueItemView {
  const inApproval = request.status === 'inApproval';
  const step = request.steps[request.currentStepIndex];
  const dueAt = inApproval ? step?.dueAt : undefined;
  return {
    requestId: request.id,
    pageId: request.pageId,
    pageTitle: context.titles.get(request.pageId) ?? request.pageTitle,
    version: request.pageVersion,
    workflowId: request.workflow.id,
    workflowName: request.workflow.name,
    submittedBy: { accountId: request.submittedBy, displayName: context.names.get(request.submittedBy) ?? request.submittedBy },
    submittedAt: request.submittedAt,
    status: request.status,
    step: inApproval
      ? {
          index: request.currentStepIndex,
          number: request.currentStepIndex + 1,
          count: request.workflow.steps.length,
          name: request.workflow.steps[request.currentStepIndex]?.name ?? '',
        }
      : null,
    ...(dueAt === undefined ? {} : { dueAt }),
    overdue: isOverdue(request, context.now),
    ...(request.decidedAt === undefined ? {} : { decidedAt: request.decidedAt }),
    canDecide: canDecide(request, context.viewerId),
  };
}
