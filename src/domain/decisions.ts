/**
 * Approvers' decisions: who may decide, and what a decision does to its step and request.
 */
import { type ApproveCommand, type RejectCommand } from './commands';
import { fail } from './errors';
import { type EventDraft } from './events';
import { commit, identityOf } from './evolve';
import { awaitsDecisionFrom, seatOf } from './approver-seat';
import { type ApprovalRequest, approverGroupsOf, currentStep, type DecisionKind, describeStep, resolveEligibleApprovers } from './request';
import { barredAsAuthor, selfApprovalInForce } from './self-approval';
import { tallyStep } from './step-rule';
import { addDays } from './time';
import { type TransitionResult, unchanged } from './transition-result';
import { changedWorkflowSinceSubmission, NO_WORKFLOW_EDITS, type WorkflowEdits } from './workflow-edits';
import { COMMENT_MAX } from '../shared/limits';
import { hasVisibleText } from '../shared/text';

const STATUS_WORDS: Record<ApprovalRequest['status'], string> = {
  inApproval: 'in approval',
  approved: 'approved',
  changesRequested: 'sent back for changes',
  withdrawn: 'withdrawn',
  expired: 'expired',
  superseded: 'replaced by a newer submission',
};

/**
 * Whether the person may approve or reject the request now, as `decide` would accept it: the
 * current step awaits their decision and they have not changed its workflow since submission.
 */
export function mayDecide(
  request: ApprovalRequest | null,
  actorId: string,
  actorGroupIds: readonly string[],
  actorWorkflowEdits: WorkflowEdits = NO_WORKFLOW_EDITS,
): boolean {
  return request !== null && awaitsDecisionFrom(request, actorId, actorGroupIds) && !changedWorkflowSinceSubmission(request, actorWorkflowEdits);
}

export function decide(request: ApprovalRequest | null, command: ApproveCommand | RejectCommand, now: string): TransitionResult {
  const decision: DecisionKind = command.type === 'approve' ? 'approve' : 'reject';
  const comment = command.comment?.trim() ?? '';
  if (command.actorId.trim() === '') return fail('VALIDATION', 'A decision needs an approver');
  if (decision === 'reject' && !hasVisibleText(comment)) return fail('VALIDATION', 'Say what needs to change: a rejection needs a comment');
  if (comment.length > COMMENT_MAX) return fail('VALIDATION', `A comment must be at most ${COMMENT_MAX} characters`);
  if (request === null) return fail('NOT_FOUND', 'This approval request does not exist');

  const { actorId, stepIndex } = command;
  if (stepIndex !== undefined && hasDecided(request, stepIndex, actorId, decision)) return unchanged(request);
  if (request.status !== 'inApproval') {
    return fail('PRECONDITION', `This request is no longer in approval: it was ${STATUS_WORDS[request.status]}`);
  }
  if (stepIndex !== undefined && stepIndex !== request.currentStepIndex) {
    return fail(
      'CONFLICT',
      `This request has moved on to ${describeStep(request.workflow, request.currentStepIndex)} since you opened it: reload to see it`,
    );
  }
  if (barredAsAuthor(request, actorId)) {
    return fail('FORBIDDEN', 'You submitted this page, and this workflow does not allow self-approval');
  }
  const { definition, state } = currentStep(request);
  const where = describeStep(request.workflow, request.currentStepIndex);
  const earlier = state.decisions.find((d) => d.approverId === actorId);
  if (earlier !== undefined) {
    return earlier.decision === decision
      ? unchanged(request)
      : fail('CONFLICT', `You already ${pastTense(earlier.decision)} ${where}: a decision cannot be changed`);
  }
  const seat = seatOf(definition.rule, state, actorId, command.actorGroupIds ?? []);
  if (!seat.ok) {
    return seat.reason === 'notApprover'
      ? fail('FORBIDDEN', `You are not an approver of ${where}`)
      : fail(
          'FORBIDDEN',
          `Group '${seat.group.name}' has already decided on ${where}: under "All approvers" one member decides for each group`,
        );
  }
  if (changedWorkflowSinceSubmission(request, command.actorWorkflowEdits ?? NO_WORKFLOW_EDITS)) {
    return fail('FORBIDDEN', "You changed this workflow after this page was submitted, so you can't decide on this request.");
  }

  const index = request.currentStepIndex;
  const recorded: EventDraft = {
    type: 'decision.recorded',
    actorId,
    details: {
      stepIndex: index,
      stepId: state.stepId,
      decision,
      ...(comment === '' ? {} : { comment }),
      ...(seat.forGroup === undefined ? {} : { forGroup: seat.forGroup.groupId }),
    },
  };
  const afterDecision = commit(request, identityOf(request), [recorded], now);
  const follow = consequence(afterDecision.request, actorId, now);
  if (follow.length === 0) return { ok: true, ...afterDecision };
  const next = commit(afterDecision.request, identityOf(request), follow, now);
  return { ok: true, request: next.request, events: [...afterDecision.events, ...next.events] };
}

/** What the current step's tally leads to once a decision is recorded. */
function consequence(request: ApprovalRequest, actorId: string, now: string): EventDraft[] {
  const { definition, state } = currentStep(request);
  const index = request.currentStepIndex;
  const { verdict } = tallyStep(definition, state);
  if (verdict === 'pending') return [];
  if (verdict !== 'met') {
    return [
      {
        type: 'request.changesRequested',
        actorId,
        details: {
          stepIndex: index,
          reason: verdict === 'failedByRejections' ? 'rejections' : 'ruleUnreachable',
          submittedAt: request.submittedAt,
        },
      },
    ];
  }
  const nextStep = request.workflow.steps[index + 1];
  if (nextStep === undefined) {
    const { validityDays } = request.workflow.options;
    return [
      {
        type: 'request.approved',
        actorId,
        details: {
          stepIndex: index,
          submittedAt: request.submittedAt,
          ...(validityDays === null ? {} : { expiresAt: addDays(now, validityDays) }),
        },
      },
    ];
  }
  return [
    {
      type: 'step.advanced',
      actorId,
      details: {
        fromStepIndex: index,
        toStepIndex: index + 1,
        stepId: nextStep.id,
        eligibleApprovers: resolveEligibleApprovers(nextStep, request.submittedBy, selfApprovalInForce(request.workflow)),
        approverGroups: approverGroupsOf(nextStep),
        ...(nextStep.dueDays === undefined ? {} : { dueAt: addDays(now, nextStep.dueDays) }),
      },
    },
  ];
}

function hasDecided(request: ApprovalRequest, stepIndex: number, actorId: string, decision: DecisionKind): boolean {
  return (
    request.steps[stepIndex]?.decisions.some((d) => d.approverId === actorId && d.decision === decision) ?? false
  );
}

function pastTense(decision: DecisionKind): string {
  return decision === 'approve' ? 'approved' : 'rejected';
}
