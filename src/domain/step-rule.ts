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
  undecided: number;
  required: number;
  verdict: StepVerdict;
}

/**
 * Rejections are looked at first so that a step whose rejections reached the threshold can never
 * advance. A step that can no longer collect enough approvals fails too: otherwise an "all" step
 * with one rejection and a higher rejection threshold would wait forever.
 */
export function tallyStep(definition: Step, state: StepState): StepTally {
  const eligible = new Set(state.eligibleApprovers);
  const decided = state.decisions.filter((d) => eligible.has(d.approverId));
  const approvals = decided.filter((d) => d.decision === 'approve').length;
  const rejections = decided.length - approvals;
  const undecided = eligible.size - decided.length;
  const required = requiredApprovals(definition.rule, eligible.size);
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
