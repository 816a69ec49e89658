import { validateWorkflow, type ValidationIssue } from '../../../src/domain/workflow-validation';
import { type WorkflowInputDraft, workflowSchema } from '../../../src/shared/workflow';

function input(overrides: Partial<WorkflowInputDraft> = {}): WorkflowInputDraft {
  return {
    spaceId: 'space-1',
    name: 'Legal review',
    steps: [
      {
        id: 's1',
        name: 'Editor',
        approvers: [
          { type: 'user', accountId: 'bob' },
          { type: 'user', accountId: 'carol' },
        ],
        rule: { kind: 'any' },
      },
    ],
    ...overrides,
  };
}

function issuesOf(value: unknown, groupSizes?: Record<string, number>): ValidationIssue[] {
  const result = validateWorkflow(value, { groupSizes });
  if (result.ok) throw new Error('expected validation issues');
  return result.issues;
}

describe('validateWorkflow: the schema', () => {
  it('accepts a minimal workflow and fills in the defaults', () => {
    const result = validateWorkflow(input());
    expect(result).toEqual({
      ok: true,
      value: expect.objectContaining({
        description: '',
        owners: [],
        enabled: true,
        options: { selfApproval: false, autoSubmitOnEdit: false, validityDays: null, onEditDuringReview: 'keep', editsThatOutdate: 'every' },
        actions: { inApproval: [], approved: [], changesRequested: [], expired: [], draft: [] },
      }),
    });
    expect(result.ok && result.value.steps[0]?.rejectionsToFail).toBe(1);
  });

  it('forbids self-approval unless the workflow allows it', () => {
    const result = validateWorkflow(input());
    expect(result.ok && result.value.options.selfApproval).toBe(false);
  });

  it('trims the name and requires 1 to 80 characters', () => {
    expect(issuesOf(input({ name: '   ' }))).toEqual([{ path: ['name'], message: 'Workflow name is required' }]);
    expect(issuesOf(input({ name: 'x'.repeat(81) }))).toEqual([
      { path: ['name'], message: 'Workflow name must be at most 80 characters' },
    ]);
    const ok = validateWorkflow(input({ name: `  ${'x'.repeat(80)}  ` }));
    expect(ok.ok && ok.value.name).toBe('x'.repeat(80));
  });

  it('requires between 1 and 10 steps', () => {
    expect(issuesOf(input({ steps: [] }))).toEqual([{ path: ['steps'], message: 'Add at least one step' }]);
    const many = Array.from({ length: 11 }, (_, i) => ({
      id: `s${i}`,
      name: `Step ${i}`,
      approvers: [{ type: 'user' as const, accountId: 'bob' }],
      rule: { kind: 'any' as const },
    }));
    expect(issuesOf(input({ steps: many }))).toEqual([{ path: ['steps'], message: 'A workflow can have at most 10 steps' }]);
  });

  it('names the step in field messages and points at the field', () => {
    const issues = issuesOf(
      input({
        steps: [
          { id: 's1', name: 'A', approvers: [{ type: 'user', accountId: 'bob' }], rule: { kind: 'any' } },
          { id: 's2', name: 'B', approvers: [], rule: { kind: 'atLeast', count: 0 }, rejectionsToFail: 0, dueDays: 1.5 },
        ],
      }),
    );
    expect(issues).toEqual([
      { path: ['steps', 1, 'approvers'], message: 'Step 2: add at least one approver' },
      { path: ['steps', 1, 'rule', 'count'], message: 'Step 2: at least 1 approval is required' },
      { path: ['steps', 1, 'rejectionsToFail'], message: 'Step 2: rejections to fail must be at least 1' },
      { path: ['steps', 1, 'dueDays'], message: 'Step 2: due days must be a whole number' },
    ]);
  });

  it('rejects unknown approver and rule kinds with a readable message', () => {
    const issues = issuesOf(
      input({
        steps: [
          {
            id: 's1',
            name: 'A',
            approvers: [{ type: 'robot', accountId: 'x' } as never],
            rule: { kind: 'most' } as never,
          },
        ],
      }),
    );
    expect(issues.map((i) => i.message)).toEqual([
      'Step 1: an approver must be a user or a group',
      "Step 1: the rule must be 'any', 'all' or 'at least N'",
    ]);
  });

  it('checks options', () => {
    const issues = issuesOf(input({ options: { validityDays: 0, onEditDuringReview: 'pause' as never } }));
    expect(issues).toEqual([
      { path: ['options', 'validityDays'], message: 'Validity must be at least 1 day' },
      { path: ['options', 'onEditDuringReview'], message: "Choose 'keep' or 'restart'" },
    ]);
    const ok = validateWorkflow(input({ options: { validityDays: 365, onEditDuringReview: 'restart', autoSubmitOnEdit: true } }));
    expect(ok.ok && ok.value.options).toEqual({
      selfApproval: false,
      autoSubmitOnEdit: true,
      validityDays: 365,
      onEditDuringReview: 'restart',
      editsThatOutdate: 'every',
    });
  });

  it('parses every kind of state-entry action', () => {
    const result = validateWorkflow(
      input({
        actions: {
          inApproval: [
            { type: 'addRestrictions', operation: 'update', principals: [{ type: 'variable', variable: '@reviewers' }] },
            { type: 'title', mode: 'prefix', value: '[REVIEW] ' },
          ],
          approved: [
            { type: 'removeRestrictions' },
            { type: 'notify', recipients: [{ type: 'variable', variable: '@author' }, { type: 'group', groupId: 'g', name: 'QA' }], message: 'Approved' },
            { type: 'labels', add: ['Approved'], remove: ['in-review'] },
            { type: 'setOfficialVersion' },
            { type: 'publish', target: { type: 'variable', name: 'publishTarget' }, includeLabels: true },
            { type: 'title', mode: 'regex', pattern: '^\\[REVIEW\\] ', value: '' },
          ],
          expired: [{ type: 'publish', target: { type: 'space', spaceKey: 'DOCS' } }],
        },
      }),
    );
    if (!result.ok) throw new Error(JSON.stringify(result.issues));
    expect(result.value.actions.approved[2]).toEqual({ type: 'labels', add: ['approved'], remove: ['in-review'] });
    expect(result.value.actions.approved[4]).toEqual({
      type: 'publish',
      target: { type: 'variable', name: 'publishTarget' },
      includeDescendants: false,
      includeAttachments: false,
      includeLabels: true,
      updateExisting: true,
    });
    expect(result.value.actions.changesRequested).toEqual([]);
  });

  it('rejects malformed actions with messages that say which state and action', () => {
    const issues = issuesOf(
      input({
        actions: {
          approved: [
            { type: 'notify', recipients: [], message: ' ' },
            { type: 'labels', add: ['has space'] },
            { type: 'publish', target: { type: 'space', spaceKey: 'not a key' } },
            { type: 'explode' } as never,
          ],
          changesRequested: [{ type: 'addRestrictions', operation: 'delete' as never, principals: [{ type: 'variable', variable: '@everyone' as never }] }],
        },
      }),
    );
    expect(issues).toEqual([
      { path: ['actions', 'approved', 0, 'recipients'], message: 'On Approved, action 1: add at least one recipient' },
      { path: ['actions', 'approved', 0, 'message'], message: 'On Approved, action 1: message is required' },
      {
        path: ['actions', 'approved', 1, 'add', 0],
        message: 'On Approved, action 2: a label cannot contain spaces or any of : ; , . ? & [ ] ( ) # ^ * @ !',
      },
      {
        path: ['actions', 'approved', 2, 'target', 'spaceKey'],
        message: 'On Approved, action 3: a space key has only letters and digits (or ~ and an account id for a personal space)',
      },
      { path: ['actions', 'approved', 3, 'type'], message: 'On Approved, action 4: unknown action type' },
      { path: ['actions', 'changesRequested', 0, 'operation'], message: "On Changes Requested, action 1: choose whether to restrict viewing, editing or both" },
      {
        path: ['actions', 'changesRequested', 0, 'principals', 0, 'variable'],
        message: 'On Changes Requested, action 1: unknown variable: use @author, @reviewers, @lastEditor or @owners',
      },
    ]);
  });

  it('reports type errors of a malformed payload without crashing', () => {
    expect(issuesOf(null)).toEqual([{ path: [], message: expect.stringMatching(/expected object/) }]);
    expect(issuesOf({ ...input(), name: 42 })).toEqual([{ path: ['name'], message: 'Workflow name is required' }]);
  });
});

describe('validateWorkflow: rules across fields', () => {
  it('refuses more required approvals than approvers who can approve', () => {
    const issues = issuesOf(
      input({
        steps: [
          { id: 's1', name: 'Editor', approvers: [{ type: 'user', accountId: 'bob' }], rule: { kind: 'any' } },
          {
            id: 's2',
            name: 'Legal',
            approvers: [
              { type: 'user', accountId: 'bob' },
              { type: 'user', accountId: 'carol' },
            ],
            rule: { kind: 'atLeast', count: 3 },
          },
        ],
      }),
    );
    expect(issues).toEqual([
      { path: ['steps', 1, 'rule', 'count'], message: 'Step 2: at least 3 approvals required but only 2 approvers can approve' },
    ]);
  });

  it('counts a user listed twice once, and says the duplicate is a mistake', () => {
    const issues = issuesOf(
      input({
        steps: [
          {
            id: 's1',
            name: 'Editor',
            approvers: [
              { type: 'user', accountId: 'bob' },
              { type: 'user', accountId: 'bob' },
            ],
            rule: { kind: 'atLeast', count: 2 },
          },
        ],
      }),
    );
    expect(issues).toEqual([
      { path: ['steps', 0, 'approvers', 1], message: 'Step 1: the same user is listed more than once' },
      { path: ['steps', 0, 'rule', 'count'], message: 'Step 1: at least 2 approvals required but only 1 approver can approve' },
    ]);
  });

  it('counts a group by its resolved size, and lets an unknown group size pass', () => {
    const step = {
      id: 's1',
      name: 'Legal',
      approvers: [
        { type: 'user' as const, accountId: 'bob' },
        { type: 'group' as const, groupId: 'g-legal', name: 'legal' },
      ],
      rule: { kind: 'atLeast' as const, count: 4 },
      rejectionsToFail: 4,
    };
    expect(validateWorkflow(input({ steps: [step] })).ok).toBe(true);
    expect(validateWorkflow(input({ steps: [step] }), { groupSizes: { other: 1 } }).ok).toBe(true);
    expect(validateWorkflow(input({ steps: [step] }), { groupSizes: { 'g-legal': 3 } }).ok).toBe(true);
    expect(issuesOf(input({ steps: [step] }), { 'g-legal': 2 })).toEqual([
      { path: ['steps', 0, 'rule', 'count'], message: 'Step 1: at least 4 approvals required but only 3 approvers can approve' },
      { path: ['steps', 0, 'rejectionsToFail'], message: 'Step 1: rejections to fail (4) cannot exceed the number of approvers (3)' },
    ]);
  });

  it('refuses a step whose only groups are empty', () => {
    const issues = issuesOf(
      input({ steps: [{ id: 's1', name: 'Legal', approvers: [{ type: 'group', groupId: 'g', name: 'legal' }], rule: { kind: 'all' } }] }),
      { g: 0 },
    );
    expect(issues).toEqual([{ path: ['steps', 0, 'approvers'], message: 'Step 1: nobody can approve: the groups of this step have no members' }]);
  });

  it('refuses more rejections to fail than approvers', () => {
    const issues = issuesOf(
      input({
        steps: [
          {
            id: 's1',
            name: 'Editor',
            approvers: [
              { type: 'user', accountId: 'bob' },
              { type: 'user', accountId: 'carol' },
            ],
            rule: { kind: 'all' },
            rejectionsToFail: 3,
          },
        ],
      }),
    );
    expect(issues).toEqual([
      { path: ['steps', 0, 'rejectionsToFail'], message: 'Step 1: rejections to fail (3) cannot exceed the number of approvers (2)' },
    ]);
  });

  it('refuses the same group twice in a step', () => {
    const g = { type: 'group' as const, groupId: 'g', name: 'Legal team' };
    expect(issuesOf(input({ steps: [{ id: 's1', name: 'A', approvers: [g, g], rule: { kind: 'any' } }] }))).toEqual([
      { path: ['steps', 0, 'approvers', 1], message: "Step 1: group 'Legal team' is listed more than once" },
    ]);
  });

  it('refuses duplicate step names (ignoring case) and duplicate step ids', () => {
    const approvers = [{ type: 'user' as const, accountId: 'bob' }];
    const issues = issuesOf(
      input({
        steps: [
          { id: 's1', name: 'Review', approvers, rule: { kind: 'any' } },
          { id: 's2', name: 'Sign-off', approvers, rule: { kind: 'any' } },
          { id: 's1', name: 'review', approvers, rule: { kind: 'any' } },
        ],
      }),
    );
    expect(issues).toEqual([
      { path: ['steps', 2, 'id'], message: 'Step 3: has the same id as step 1' },
      { path: ['steps', 2, 'name'], message: "Step 3: step 1 is already named 'Review'" },
    ]);
  });

  it('requires a compiling pattern for a regex title action and text for prefix and suffix', () => {
    const issues = issuesOf(
      input({
        actions: {
          approved: [
            { type: 'title', mode: 'regex', value: 'x', pattern: '([unclosed' },
            { type: 'title', mode: 'regex', value: 'x' },
            { type: 'title', mode: 'suffix', value: '  ' },
          ],
        },
      }),
    );
    expect(issues).toEqual([
      {
        path: ['actions', 'approved', 0, 'pattern'],
        message: expect.stringMatching(/^On Approved, action 1: the pattern is not a valid regular expression \(.+\)$/),
      },
      { path: ['actions', 'approved', 1, 'pattern'], message: 'On Approved, action 2: a regular expression pattern is required' },
      { path: ['actions', 'approved', 2, 'value'], message: 'On Approved, action 3: enter the text to add to the title' },
    ]);
  });

  it('requires a label action to change something, and not to add and remove the same label', () => {
    const issues = issuesOf(
      input({ actions: { expired: [{ type: 'labels' }, { type: 'labels', add: ['Draft', 'final'], remove: ['draft'] }] } }),
    );
    expect(issues).toEqual([
      { path: ['actions', 'expired', 0, 'add'], message: 'On Expired, action 1: add or remove at least one label' },
      { path: ['actions', 'expired', 1, 'remove', 0], message: "On Expired, action 2: label 'draft' cannot be both added and removed" },
    ]);
  });

  it('sets the official version only on entering Approved and publishes nothing a withdrawal took back', () => {
    const issues = issuesOf(
      input({
        actions: {
          inApproval: [{ type: 'setOfficialVersion' }, { type: 'publish', target: { type: 'space', spaceKey: 'REVIEW' } }],
          expired: [{ type: 'publish', target: { type: 'space', spaceKey: 'ARCHIVE' } }],
          draft: [{ type: 'publish', target: { type: 'variable', name: 'publishTarget' } }],
        },
      }),
    );
    expect(issues).toEqual([
      {
        path: ['actions', 'inApproval', 0, 'type'],
        message: 'On In Approval, action 1: the official version can be set only on entering Approved, the state that has a version just approved',
      },
      { path: ['actions', 'draft', 0, 'type'], message: 'On Draft, action 1: a withdrawn page is not published: its author took it back' },
    ]);
  });

  it('refuses two publish actions of one state to the same place', () => {
    const issues = issuesOf(
      input({
        actions: {
          approved: [
            { type: 'publish', target: { type: 'space', spaceKey: 'PUB' } },
            { type: 'publish', target: { type: 'space', spaceKey: 'PUB', parentPageId: '900' } },
            { type: 'publish', target: { type: 'variable', name: 'publishTarget' } },
            { type: 'publish', target: { type: 'space', spaceKey: 'PUB' }, includeLabels: true },
            { type: 'publish', target: { type: 'variable', name: 'PUBLISHTARGET' } },
          ],
        },
      }),
    );
    expect(issues).toEqual([
      { path: ['actions', 'approved', 3, 'target'], message: 'On Approved, action 4: action 1 already publishes to the same place' },
      { path: ['actions', 'approved', 4, 'target'], message: 'On Approved, action 5: action 3 already publishes to the same place' },
    ]);
  });
});

describe('workflowSchema', () => {
  it('adds the server-owned fields to the input', () => {
    const base = validateWorkflow(input());
    if (!base.ok) throw new Error('invalid');
    const stored = { ...base.value, id: 'wf', createdBy: 'alice', createdAt: '2026-11-22T10:00:00Z', updatedAt: '2026-11-22T10:00:00Z', revision: 0 };
    expect(workflowSchema.parse(stored)).toEqual(stored);
    expect(workflowSchema.safeParse({ ...stored, createdAt: 'yesterday' }).success).toBe(false);
  });
});
