/**
 * The largest workflow the editor's validation accepts: steps, approvers, owners and actions at
 * their limits, names at theirs, and notification messages as long as the workflow's byte limit
 * leaves room for (every request copies the workflow, whichever fields its bytes are in). Each step has one group and 24 named people
 * and needs 25 approvals with 10 rejections to fail, so a request through it records the most
 * decisions a step can take (9 rejections and 25 approvals, all from group members).
 */
import {
  DESCRIPTION_MAX,
  DUE_DAYS_MAX,
  GROUP_ID_MAX,
  GROUP_NAME_MAX,
  MAX_ACTIONS_PER_STATE,
  MAX_APPROVERS_PER_STEP,
  MAX_OWNERS,
  MAX_REJECTIONS_TO_FAIL,
  MAX_REQUIRED_APPROVALS,
  MAX_STEPS,
  STEP_ID_MAX,
  STEP_NAME_MAX,
  MESSAGE_MAX,
  VALIDITY_DAYS_MAX,
  WORKFLOW_NAME_MAX,
} from '../../../src/shared/limits';
import { ACTION_STATES, type WorkflowInputDraft } from '../../../src/shared/workflow';

/** Atlassian's account id format ("712020:" and a UUID), the longest Confluence issues. */
export const accountId = (tag: string, n: number): string => `712020:${tag.padEnd(8, '0').slice(0, 8)}-0000-4000-8000-${String(n).padStart(12, '0')}`;
export const stepGroupId = (step: number): string => `g-${step}-`.padEnd(GROUP_ID_MAX, 'g');
/** Three-byte characters make a group name as large as a name can be. */
const groupName = (step: number) => `審査${step}`.padEnd(GROUP_NAME_MAX, '審');

export function largestWorkflow(spaceId: string, messageLength: number): WorkflowInputDraft {
  const named = MAX_APPROVERS_PER_STEP - 1;
  return {
    spaceId,
    name: 'W'.repeat(WORKFLOW_NAME_MAX),
    description: 'D'.repeat(DESCRIPTION_MAX),
    owners: Array.from({ length: MAX_OWNERS }, (_, n) => accountId('owner', n)),
    steps: Array.from({ length: MAX_STEPS }, (_, s) => ({
      id: `step-${s}-`.padEnd(STEP_ID_MAX, 's'),
      name: `${s} `.padEnd(STEP_NAME_MAX, '名'),
      approvers: [
        { type: 'group' as const, groupId: stepGroupId(s), name: groupName(s) },
        ...Array.from({ length: named }, (_, n) => ({ type: 'user' as const, accountId: accountId(`step${s}`, n) })),
      ],
      rule: { kind: 'atLeast' as const, count: MAX_REQUIRED_APPROVALS },
      rejectionsToFail: MAX_REJECTIONS_TO_FAIL,
      dueDays: DUE_DAYS_MAX,
    })),
    options: { validityDays: VALIDITY_DAYS_MAX },
    actions: Object.fromEntries(
      ACTION_STATES.map((state) => [
        state,
        Array.from({ length: MAX_ACTIONS_PER_STATE }, () => ({
          type: 'notify' as const,
          recipients: [{ type: 'variable' as const, variable: '@author' as const }],
          message: 'M'.repeat(messageLength),
        })),
      ]),
    ),
  };
}

/** The workflow with the longest messages `accepts` takes (found by halving), and its stored size. */
export function largestAcceptedWorkflow(spaceId: string, accepts: (draft: WorkflowInputDraft) => boolean): { draft: WorkflowInputDraft; bytes: number } {
  let low = 0;
  let high = MESSAGE_MAX;
  while (low < high) {
    const mid = Math.ceil((low + high) / 2);
    if (accepts(largestWorkflow(spaceId, mid))) low = mid;
    else high = mid - 1;
  }
  const draft = largestWorkflow(spaceId, low);
  if (low === 0 || !accepts(draft)) throw new Error('the limits accept no workflow with every list at its limit');
  return { draft, bytes: Buffer.byteLength(JSON.stringify(draft), 'utf8') };
}
