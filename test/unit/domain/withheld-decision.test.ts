import { NO_WORKFLOW_EDITS, withWorkflowEdit } from '../../../src/domain/workflow-edits';
import { SELF_APPROVAL_WITHHELD, WORKFLOW_EDITOR_WITHHELD, withheldDecision } from '../../../src/domain/withheld-decision';
import { approve, at, group, run, step, submitted, user, workflow } from './fixtures';

describe('why an approver of the current step is not offered the decision', () => {
  const peerReview = workflow([step('review', [user('author'), user('bob'), group('g-legal', 'legal')]), step('sign-off', [user('carol')])]);

  it('tells the author named on the step, or in one of its groups, that they cannot approve their own page', () => {
    const request = submitted(peerReview);
    expect(withheldDecision(request, 'author', [], NO_WORKFLOW_EDITS)).toBe(SELF_APPROVAL_WITHHELD);
    const byGroup = submitted(workflow([step('review', [user('bob'), group('g-legal', 'legal')])]));
    expect(withheldDecision(byGroup, 'author', ['g-legal'], NO_WORKFLOW_EDITS)).toBe(SELF_APPROVAL_WITHHELD);
    expect(withheldDecision(byGroup, 'author', [], NO_WORKFLOW_EDITS)).toBeNull();
  });

  it('says nothing where self-approval is in force, to other approvers, to non-approvers, or once the step has moved on', () => {
    const selfAllowed = submitted(workflow([step('review', [user('author'), user('bob')])], { selfApproval: true }));
    expect(withheldDecision(selfAllowed, 'author', [], NO_WORKFLOW_EDITS)).toBeNull();
    const request = submitted(peerReview);
    expect(withheldDecision(request, 'bob', [], NO_WORKFLOW_EDITS)).toBeNull();
    expect(withheldDecision(request, 'dave', [], NO_WORKFLOW_EDITS)).toBeNull();
    expect(withheldDecision(run(request, [approve('bob')]), 'author', [], NO_WORKFLOW_EDITS)).toBeNull();
    expect(withheldDecision(null, 'author', [], NO_WORKFLOW_EDITS)).toBeNull();
  });

  it('tells an approver who changed the workflow after the submission, not one who changed it before', () => {
    const request = submitted(peerReview);
    expect(withheldDecision(request, 'bob', [], withWorkflowEdit(NO_WORKFLOW_EDITS, peerReview.id, at(5)))).toBe(WORKFLOW_EDITOR_WITHHELD);
    expect(withheldDecision(request, 'bob', [], withWorkflowEdit(NO_WORKFLOW_EDITS, peerReview.id, at(-5)))).toBeNull();
  });
});
