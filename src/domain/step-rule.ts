/**
 * A step's rule applied to its decisions: whether the step is met, has failed, or still waits.
 */
import { type Step, type StepRule } from '../shared/workflow';
import { type StepState } from './request';

/** A step always needs at least one approval, even when "all" has nobody to ask. */
export function requiredApprovals(rule: StepRule, eligibleCount: number): number {
  switch (rule.kind) {
    case 'any':
      return 1;
    case 'all':
      return Math.max(1, eligibleCount);
    case 'atLeast':
      return rule.count;
  }
}

export type StepVerdict = 'pending' | 'met' | 'failedByRejections' | 'unreachable';

export interface StepTally {
  approvals: number;
  rejections: number;
  /** Infinite while a group's members may still add approvals (see `tallyStep`). */
  undecided: number;
  required: number;
  verdict: StepVerdict;
}

/**
 * Rejections are looked at first so that a step whose rejections reached the threshold can never
 * advance. A step that can no longer collect enough approvals fails too: otherwise an "all" step
 * with one rejection and a higher rejection threshold would wait forever.
 *
 * Under "all", a step has one seat per named person and one per group (a group's first member to
 * decide decides for it), so everything is countable. Under "any" and "at least N", every member
 * of a group may add an approval, and how many members are left is not known without listing
 * them: such a step never counts as unreachable on approvals, only on rejections.
 */
export function tallyStep(definition: Step, state: StepState): StepTally {
  const named = new Set(state.eligibleApprovers);
  const groups = new Set(state.approverGroups.map((group) => group.groupId));
  const decided = state.decisions.filter((d) => named.has(d.approverId) || (d.forGroup !== undefined && groups.has(d.forGroup)));
  const approvals = decided.filter((d) => d.decision === 'approve').length;
  const rejections = decided.length - approvals;
  const seats = named.size + groups.size;
  const countable = definition.rule.kind === 'all' || groups.size === 0;
  const undecided = countable ? seats - decided.length : Number.POSITIVE_INFINITY;
  const required = requiredApprovals(definition.rule, seats);
  const verdict: StepVerdict =
    rejections >= definition.rejectionsToFail
      ? 'failedByRejections'
      : approvals >= required
        ? 'met'
        : approvals + undecided < required
          ? 'unreachable'
          : 'pending';
  return { approvals, rejections, undecided, required, verdict };
}

export function isFeasible(rule: StepRule, eligibleCount: number): boolean {
  return eligibleCount >= requiredApprovals(rule, eligibleCount);
}
