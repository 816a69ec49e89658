/** Workflows the core tests share: small, in ENG, named after what they check. */
import { type WorkflowDraft } from '../support/app';

export const user = (accountId: string) => ({ type: 'user' as const, accountId });

export const ENG_PAGE = '10020'; // Release Process, v4; Alice and Bob edit ENG, Grace only views it

/** One step, Bob decides alone. */
export function singleStep(options: WorkflowDraft['options'] = {}): WorkflowDraft {
  return {
    name: 'Quick review',
    steps: [{ id: 'review', name: 'Review', approvers: [user('u-bob')], rule: { kind: 'any' } }],
    options,
  };
}
