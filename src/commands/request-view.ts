/**
 * A request as the dialog shows it: every step with its rule, progress and each approver's
 * decision. Pending steps list the approvers they will ask, resolved from the request's own
 * membership snapshot.
 */
import { type OverdueStep } from '../domain/overdue';
import { type ApprovalRequest, resolveEligibleApprovers } from '../domain/request';
import { type ApproverView, type RequestView, type StepProgress, type StepView } from '../shared/contract/byline';
import { type Step, type StepRule } from '../shared/workflow';

export function ruleText(rule: StepRule): string {
  switch (rule.kind) {
    case 'any':
      return 'Any one approver';
    case 'all':
      return 'All approvers';
    case 'atLeast':
      return `At least ${rule.count} approval${rule.count === 1 ? '' : 's'}`;
  }
}

/** Who a step asks: resolved when it started, or as it would resolve now from the snapshot. */
function stepApprovers(request: ApprovalRequest, index: number, step: Step): string[] {
  return (
    request.steps[index]?.eligibleApprovers ??
    resolveEligibleApprovers(step, request.membership, request.submittedBy, request.workflow.options.selfApproval)
  );
}

export function peopleInRequest(request: ApprovalRequest): string[] {
  return [
    request.submittedBy,
    ...request.workflow.steps.flatMap((step, index) => stepApprovers(request, index, step)),
    ...request.steps.flatMap((state) => state.decisions.map((d) => d.approverId)),
    ...(request.override === undefined ? [] : [request.override.actorId]),
    ...(request.withdrawal === undefined ? [] : [request.withdrawal.actorId]),
  ];
}

function progressOf(request: ApprovalRequest, index: number): StepProgress {
  const state = request.steps[index];
  if (state === undefined) return 'pending';
  return index === request.currentStepIndex && request.status === 'inApproval' && state.completedAt === undefined ? 'current' : 'done';
}

export function requestView(request: ApprovalRequest, displayName: (accountId: string) => string, overdue: readonly OverdueStep[]): RequestView {
  const steps: StepView[] = request.workflow.steps.map((step, index) => {
    const state = request.steps[index];
    const approvers: ApproverView[] = stepApprovers(request, index, step).map((accountId) => {
      const decision = state?.decisions.find((d) => d.approverId === accountId);
      return {
        accountId,
        displayName: displayName(accountId),
        ...(decision === undefined
          ? {}
          : { decision: decision.decision, at: decision.at, ...(decision.comment === undefined ? {} : { comment: decision.comment }) }),
      };
    });
    return {
      index,
      name: step.name,
      rule: ruleText(step.rule),
      progress: progressOf(request, index),
      ...(state?.outcome === undefined ? {} : { outcome: state.outcome }),
      approvers,
      ...(state?.dueAt === undefined ? {} : { dueAt: state.dueAt }),
      overdue: overdue.some((o) => o.stepIndex === index),
    };
  });
  return {
    id: request.id,
    workflowId: request.workflow.id,
    workflowName: request.workflow.name,
    version: request.pageVersion,
    status: request.status,
    submittedBy: { accountId: request.submittedBy, displayName: displayName(request.submittedBy) },
    submittedAt: request.submittedAt,
    currentStepIndex: request.currentStepIndex,
    steps,
    ...(request.decidedAt === undefined ? {} : { decidedAt: request.decidedAt }),
    ...(request.expiresAt === undefined ? {} : { expiresAt: request.expiresAt }),
  };
}
