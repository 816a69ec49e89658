/**
 * The product limits: the validation accepts the largest workflow they allow and refuses one past
 * each of them with a message at the field; a request keeps only the start of a long comment.
 */
import { commentExcerpt } from '../../../src/domain/request';
import { validateWorkflow, type ValidationIssue } from '../../../src/domain/workflow-validation';
import { COMMENT_EXCERPT_BYTES, WORKFLOW_MAX_BYTES } from '../../../src/shared/limits';
import { type WorkflowInputDraft } from '../../../src/shared/workflow';
import { largestAcceptedWorkflow, largestWorkflow } from './largest-workflow';

const accepts = (draft: WorkflowInputDraft) => validateWorkflow(draft).ok;

function issuesOf(draft: WorkflowInputDraft): ValidationIssue[] {
  const result = validateWorkflow(draft);
  if (result.ok) throw new Error('expected validation issues');
  return result.issues;
}

const user = (n: number) => ({ type: 'user' as const, accountId: `u-${n}` });
const small = (overrides: Partial<WorkflowInputDraft> = {}): WorkflowInputDraft => ({
  spaceId: 'space-1',
  name: 'Policy review',
  steps: [{ id: 's1', name: 'Review', approvers: [user(1), user(2)], rule: { kind: 'any' } }],
  ...overrides,
});
const withStep = (step: Partial<NonNullable<WorkflowInputDraft['steps']>[number]>) => {
  const [first] = small().steps;
  return small({ steps: [{ ...first, ...step }] });
};
const onApproved = (action: NonNullable<WorkflowInputDraft['actions']>['approved']) => small({ actions: { approved: action } });

describe('the largest workflow', () => {
  it('is accepted with every list at its limit, and refused one message character later', () => {
    const { draft, bytes } = largestAcceptedWorkflow('space-1', accepts);
    expect(bytes).toBeLessThanOrEqual(WORKFLOW_MAX_BYTES);
    expect(bytes).toBeGreaterThan(WORKFLOW_MAX_BYTES - 1024);
    const message = draft.actions?.approved?.[0];
    const longer = largestWorkflow('space-1', (message?.type === 'notify' ? message.message.length : 0) + 1);
    expect(issuesOf(longer)).toEqual([
      {
        path: [],
        message: 'This workflow needs 41 KB, more than the 40 KB a workflow can take: shorten messages, descriptions or names, or remove approvers or actions',
      },
    ]);
  });
});

describe('one past each limit', () => {
  const many = <T>(count: number, make: (n: number) => T) => Array.from({ length: count }, (_, n) => make(n));

  it.each<[string, WorkflowInputDraft, ValidationIssue]>([
    [
      'steps',
      small({ steps: many(11, (n) => ({ id: `s${n}`, name: `Step ${n}`, approvers: [user(1)], rule: { kind: 'any' } })) }),
      { path: ['steps'], message: 'A workflow can have at most 10 steps' },
    ],
    [
      'approvers of a step',
      withStep({ approvers: many(26, user) }),
      { path: ['steps', 0, 'approvers'], message: 'Step 1: a step can have at most 25 approvers (people and groups): add a group instead of more people' },
    ],
    [
      '"at least" approvals',
      withStep({ approvers: [{ type: 'group', groupId: 'g-1', name: 'Reviewers' }], rule: { kind: 'atLeast', count: 26 } }),
      { path: ['steps', 0, 'rule', 'count'], message: 'Step 1: a step can require at most 25 approvals' },
    ],
    ['rejections to fail', withStep({ rejectionsToFail: 11 }), { path: ['steps', 0, 'rejectionsToFail'], message: 'Step 1: rejections to fail must be at most 10' }],
    ['owners', small({ owners: many(21, (n) => `u-${n}`) }), { path: ['owners'], message: 'A workflow can have at most 20 owners' }],
    [
      'actions of a state',
      onApproved(many(11, () => ({ type: 'removeRestrictions' as const }))),
      { path: ['actions', 'approved'], message: 'A state can run at most 10 actions' },
    ],
    [
      'recipients of a notification',
      onApproved([{ type: 'notify', recipients: many(26, user), message: 'Approved' }]),
      { path: ['actions', 'approved', 0, 'recipients'], message: 'On Approved, action 1: a notification can have at most 25 recipients: add a group instead of more people' },
    ],
    [
      'principals of a restriction',
      onApproved([{ type: 'addRestrictions', operation: 'update', principals: many(26, user) }]),
      { path: ['actions', 'approved', 0, 'principals'], message: 'On Approved, action 1: a restriction can name at most 25 users, groups or variables: add a group instead of more people' },
    ],
    [
      'labels added',
      onApproved([{ type: 'labels', add: many(21, (n) => `label-${n}`) }]),
      { path: ['actions', 'approved', 0, 'add'], message: 'On Approved, action 1: add at most 20 labels' },
    ],
    [
      'labels removed',
      onApproved([{ type: 'labels', remove: many(21, (n) => `label-${n}`) }]),
      { path: ['actions', 'approved', 0, 'remove'], message: 'On Approved, action 1: remove at most 20 labels' },
    ],
    [
      'an account id',
      withStep({ approvers: [{ type: 'user', accountId: 'a'.repeat(129) }] }),
      { path: ['steps', 0, 'approvers', 0, 'accountId'], message: 'Step 1: an account id must be at most 128 characters' },
    ],
    [
      'a group id',
      withStep({ approvers: [{ type: 'group', groupId: 'g'.repeat(65), name: 'Reviewers' }] }),
      { path: ['steps', 0, 'approvers', 0, 'groupId'], message: 'Step 1: a group id must be at most 64 characters' },
    ],
    [
      'a group name',
      withStep({ approvers: [{ type: 'group', groupId: 'g-1', name: 'n'.repeat(256) }] }),
      { path: ['steps', 0, 'approvers', 0, 'name'], message: 'Step 1: a group name must be at most 255 characters' },
    ],
    ['a step id', withStep({ id: 's'.repeat(65) }), { path: ['steps', 0, 'id'], message: 'Step 1: a step id must be at most 64 characters' }],
    [
      'a title pattern',
      onApproved([{ type: 'title', mode: 'regex', value: '', pattern: 'x'.repeat(256) }]),
      { path: ['actions', 'approved', 0, 'pattern'], message: 'On Approved, action 1: the pattern must be at most 255 characters' },
    ],
    [
      'a publish space variable name',
      onApproved([{ type: 'publish', target: { type: 'variable', name: 'v'.repeat(41) } }]),
      { path: ['actions', 'approved', 0, 'target', 'name'], message: 'On Approved, action 1: a variable name must be at most 40 characters' },
    ],
  ])('refuses one more than the limit of %s, at the field', (_what, draft, issue) => {
    expect(issuesOf(draft)).toEqual([issue]);
  });

  it('accepts each list at its limit', () => {
    expect(accepts(withStep({ approvers: many(25, user), rejectionsToFail: 10 }))).toBe(true);
    expect(accepts(small({ owners: many(20, (n) => `u-${n}`) }))).toBe(true);
    expect(accepts(withStep({ approvers: [{ type: 'group', groupId: 'g'.repeat(64), name: 'n'.repeat(255) }], rule: { kind: 'atLeast', count: 25 } }))).toBe(true);
  });
});

describe('commentExcerpt', () => {
  const stored = (text: string) => Buffer.byteLength(JSON.stringify(text), 'utf8') - 2;

  it('keeps a comment that fits whole', () => {
    const comment = 'x'.repeat(COMMENT_EXCERPT_BYTES);
    expect(commentExcerpt(comment)).toBe(comment);
  });

  it.each([
    ['plain text', 'Looks good to me. '.repeat(120)],
    ['a three-byte script', '承認します。'.repeat(300)],
    ['characters stored escaped', '"\\\n\u0001'.repeat(500)],
    ['emoji (surrogate pairs)', '👍'.repeat(1000)],
  ])('cuts %s between characters, within the budget, with an ellipsis', (_what, comment) => {
    const excerpt = commentExcerpt(comment);
    expect(stored(excerpt)).toBeLessThanOrEqual(COMMENT_EXCERPT_BYTES);
    expect(excerpt.endsWith('…')).toBe(true);
    expect(comment.startsWith(excerpt.slice(0, -1))).toBe(true);
    expect(stored(excerpt)).toBeGreaterThan(COMMENT_EXCERPT_BYTES - 12);
  });
});
