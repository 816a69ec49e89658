/**
 * A request as the dialog shows it: every step with its rule, progress and each approver's
 * decision. Pending steps list the approvers they will ask, from the request's workflow snapshot.
 * A group shows as one row while it still asks its members, and each member who decided shows
 * with their decision (the group's members are never listed).
 */
import { type OverdueStep } from '../domain/overdue';
import { type ApprovalRequest, type ApproverGroup, approverGroupsOf, type Decision, resolveEligibleApprovers } from '../domain/request';
import { selfApprovalInForce } from '../domain/self-approval';
import { type ApproverView, type RequestView, type StepProgress, type StepView } from '../shared/contract/byline';
import { ruleSentence } from '../shared/rule-sentence';
import { type Step } from '../shared/workflow';

/** The people a step names: as it started, or as it will start from the snapshot. */
function stepApprovers(request: ApprovalRequest, index: number, step: Step): string[] {
  return request.steps[index]?.eligibleApprovers ?? resolveEligibleApprovers(step, request.submittedBy, selfApprovalInForce(request.workflow));
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

/** How a group approver is named in the dialog (and, with this prefix, told apart from people). */
export const groupRowId = (groupId: string): string => `group:${groupId}`;

function decided(accountId: string, displayName: string, decision: Decision | undefined): ApproverView {
  return {
    accountId,
    displayName,
    ...(decision === undefined
      ? {}
      : { decision: decision.decision, at: decision.at, ...(decision.comment === undefined ? {} : { comment: decision.comment }) }),
  };
}

/** A group's row while it still asks its members, then the members who decided for it. */
function groupRows(group: ApproverGroup, step: Step, decisions: readonly Decision[], open: boolean, displayName: (accountId: string) => string): ApproverView[] {
  const forGroup = decisions.filter((d) => d.forGroup === group.groupId);
  const stillAsks = forGroup.length === 0 || (open && step.rule.kind !== 'all');
  return [
    ...(stillAsks ? [{ accountId: groupRowId(group.groupId), displayName: `${group.name} (any member)` }] : []),
    ...forGroup.map((d) => decided(d.approverId, displayName(d.approverId), d)),
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
    const decisions = state?.decisions ?? [];
    const open = progressOf(request, index) !== 'done';
    const approvers: ApproverView[] = [
      ...stepApprovers(request, index, step).map((accountId) =>
        decided(accountId, displayName(accountId), decisions.find((d) => d.approverId === accountId && d.forGroup === undefined)),
      ),
      ...(state?.approverGroups ?? approverGroupsOf(step)).flatMap((group) => groupRows(group, step, decisions, open, displayName)),
    ];
    return {
      index,
      name: step.name,
      rule: ruleSentence(step.rule),
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
