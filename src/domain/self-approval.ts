/**
 * Segregation of duties: an author approves their own page only where a space admin allowed it.
 * The workflow's switch alone is not enough, since any viewer of a space may create a workflow
 * and name themselves its approver; the grant records the admin who turned it on.
 */
import { type Workflow } from '../shared/workflow';

export function selfApprovalInForce(workflow: Pick<Workflow, 'options' | 'selfApprovalGrant'>): boolean {
  return workflow.options.selfApproval && workflow.selfApprovalGrant !== undefined;
}

/** The person submitted the request and its workflow does not let them approve it, whichever group they are in. */
export function barredAsAuthor(
  request: { submittedBy: string; workflow: Pick<Workflow, 'options' | 'selfApprovalGrant'> },
  actorId: string,
): boolean {
  return actorId === request.submittedBy && !selfApprovalInForce(request.workflow);
}

export type SelfApprovalChange = { ok: true; grant: Workflow['selfApprovalGrant'] } | { ok: false; message: string };

/**
 * The grant a save leaves: on and allowed by an admin before, a non-admin's save keeps it; an
 * admin turning it on (or saving it on) is the new grant; off drops it.
 */
export function selfApprovalOnSave(
  requested: boolean,
  current: Pick<Workflow, 'options' | 'selfApprovalGrant'> | null,
  editor: { accountId: string; isSpaceAdmin: boolean },
  now: string,
): SelfApprovalChange {
  if (!requested) return { ok: true, grant: undefined };
  if (current !== null && selfApprovalInForce(current)) return { ok: true, grant: current.selfApprovalGrant };
  if (editor.isSpaceAdmin) return { ok: true, grant: { by: editor.accountId, at: now } };
  return { ok: false, message: 'Only a space admin can allow self-approval. Turn it off to save, or ask a space admin to turn it on.' };
}
