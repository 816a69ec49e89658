import { changedWorkflowSinceSubmission, NO_WORKFLOW_EDITS, WORKFLOW_EDITS_KEPT, withWorkflowEdit } from '../../../src/domain/workflow-edits';

const request = (workflowId: string, submittedAt: string) => ({ workflow: { id: workflowId } as never, submittedAt });
const at = (minute: number) => new Date(Date.UTC(2026, 10, 22, 9, 0) + minute * 60_000).toISOString();

describe('changes to a workflow since a submission', () => {
  it('counts the last change of that workflow only, at or after the submission', () => {
    const edits = withWorkflowEdit(withWorkflowEdit(NO_WORKFLOW_EDITS, 'wf-a', at(1)), 'wf-b', at(5));
    expect(changedWorkflowSinceSubmission(request('wf-a', at(2)), edits)).toBe(false);
    expect(changedWorkflowSinceSubmission(request('wf-b', at(2)), edits)).toBe(true);
    expect(changedWorkflowSinceSubmission(request('wf-b', at(5)), edits)).toBe(true);
    expect(changedWorkflowSinceSubmission(request('wf-c', at(0)), edits)).toBe(false);
    expect(changedWorkflowSinceSubmission(request('wf-a', at(2)), withWorkflowEdit(edits, 'wf-a', at(3)))).toBe(true);
  });

  it('keeps a bounded record; a workflow dropped from it counts as changed when the newest dropped change was', () => {
    let edits = NO_WORKFLOW_EDITS;
    for (let i = 0; i <= WORKFLOW_EDITS_KEPT + 1; i += 1) edits = withWorkflowEdit(edits, `wf-${i}`, at(i));
    expect(Object.keys(edits.lastEdits)).toHaveLength(WORKFLOW_EDITS_KEPT);
    expect(edits.droppedUpTo).toBe(at(1));
    expect(changedWorkflowSinceSubmission(request('wf-0', at(1)), edits)).toBe(true);
    expect(changedWorkflowSinceSubmission(request('wf-0', at(2)), edits)).toBe(false);
    expect(changedWorkflowSinceSubmission(request('wf-2', at(1)), edits)).toBe(true);
  });
});
