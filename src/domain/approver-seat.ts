/**
 * Who may decide on a started step, and for whom: a person named on the step decides for
 * themselves; anyone else decides for one of the step's groups they belong to. Membership is
 * not stored in the request: the caller says which groups the person is in, as Confluence
 * answers now.
 */
import { type ApprovalRequest, type ApproverGroup, currentStep, type StepState } from './request';
import { type StepRule } from '../shared/workflow';
import { barredAsAuthor } from './self-approval';

export type Seat =
  | { ok: true; forGroup?: ApproverGroup }
  | { ok: false; reason: 'notApprover' }
  /** Under "all" each group decides once, through its first member to decide. */
  | { ok: false; reason: 'groupDecided'; group: ApproverGroup };

export function seatOf(rule: StepRule, state: StepState, actorId: string, actorGroupIds: readonly string[]): Seat {
  if (state.eligibleApprovers.includes(actorId)) return { ok: true };
  const mine = state.approverGroups.filter((group) => actorGroupIds.includes(group.groupId));
  const [first] = mine;
  if (first === undefined) return { ok: false, reason: 'notApprover' };
  if (rule.kind !== 'all') return { ok: true, forGroup: first };
  const open = mine.find((group) => !state.decisions.some((d) => d.forGroup === group.groupId));
  return open === undefined ? { ok: false, reason: 'groupDecided', group: first } : { ok: true, forGroup: open };
}

/** The current step's groups: the only ones whose membership matters for a decision now. */
export function currentGroupIds(request: ApprovalRequest | null): string[] {
  if (request === null || request.status !== 'inApproval') return [];
  return currentStep(request).state.approverGroups.map((group) => group.groupId);
}

/**
 * The person can decide on the current step now and has not yet: what the byline dialog and the
 * queue offer. The author never can without self-approval, whichever group they are in.
 */
export function awaitsDecisionFrom(request: ApprovalRequest | null, actorId: string, actorGroupIds: readonly string[]): boolean {
  if (request === null || request.status !== 'inApproval') return false;
  if (barredAsAuthor(request, actorId)) return false;
  const { definition, state } = currentStep(request);
  if (state.completedAt !== undefined || state.decisions.some((d) => d.approverId === actorId)) return false;
  return seatOf(definition.rule, state, actorId, actorGroupIds).ok;
}
