/**
 * Segregation of duties across a running review: whoever changed a workflow after a page was
 * submitted on it does not decide on that request, even though the request keeps the workflow it
 * was submitted with. What counts is when the person last changed the workflow, whatever the change.
 */
import { type ApprovalRequest } from './request';

/** One person's changes to the workflows of one space: workflowId → when they last changed it. */
export interface WorkflowEdits {
  lastEdits: Record<string, string>;
  /**
   * Set once the oldest entries were dropped to keep the record bounded: any workflow not listed
   * counts as changed at this time (a refusal too many rather than one too few).
   */
  droppedUpTo?: string;
}

export const NO_WORKFLOW_EDITS: WorkflowEdits = { lastEdits: {} };

/** Far more workflows than one person changes in one space; the record stays a few KiB. */
export const WORKFLOW_EDITS_KEPT = 200;

function lastEditOf(edits: WorkflowEdits, workflowId: string): string | undefined {
  return Object.hasOwn(edits.lastEdits, workflowId) ? edits.lastEdits[workflowId] : edits.droppedUpTo;
}

/** A change at the very moment of submission counts as after it. Times are ISO strings in UTC. */
export function changedWorkflowSinceSubmission(request: Pick<ApprovalRequest, 'workflow' | 'submittedAt'>, edits: WorkflowEdits): boolean {
  const last = lastEditOf(edits, request.workflow.id);
  return last !== undefined && last >= request.submittedAt;
}

/** The record after a change at `at`, the oldest entries dropped past the bound. */
export function withWorkflowEdit(edits: WorkflowEdits, workflowId: string, at: string): WorkflowEdits {
  const lastEdits: Record<string, string> = { ...edits.lastEdits, [workflowId]: at };
  const byAge = Object.entries(lastEdits).sort(([, a], [, b]) => (a < b ? -1 : a > b ? 1 : 0));
  const dropped = byAge.slice(0, Math.max(0, byAge.length - WORKFLOW_EDITS_KEPT));
  if (dropped.length === 0) return { ...edits, lastEdits };
  for (const [id] of dropped) delete lastEdits[id];
  const newestDropped = dropped[dropped.length - 1][1];
  const droppedUpTo = edits.droppedUpTo !== undefined && edits.droppedUpTo > newestDropped ? edits.droppedUpTo : newestDropped;
  return { lastEdits, droppedUpTo };
}
