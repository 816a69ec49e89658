/**
 * A step's rule as people read it, the same in the byline dialog and the workflow screens:
 * "Any one approver", "All approvers", "At least 2 approvals".
 */
import { type StepRule } from './workflow';
import { countOf } from './wording';

export function ruleSentence(rule: StepRule): string {
  switch (rule.kind) {
    case 'any':
      return 'Any one approver';
    case 'all':
      return 'All approvers';
    case 'atLeast':
      return `At least ${countOf(rule.count, 'approval')}`;
  }
}
