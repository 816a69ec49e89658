/**
 * What a viewer may do on a page now: exactly the buttons the byline dialog shows. Each flag asks
 * the domain's own rule, the one its command enforces, so a shown button never leads to a refusal
 * (other than a race with someone else's change).
 */
import { mayDecide } from '../domain/decisions';
import { mayOverride, mayWithdraw } from '../domain/lifecycle';
import { type ApprovalRequest } from '../domain/request';
import { isPublished, submissionOpen } from '../domain/submission';
import { type WorkflowEdits } from '../domain/workflow-edits';
import { type AllowedActions } from '../shared/contract/byline';
import { type PageAccess } from './page-access';

export interface ViewerRoles {
  accountId: string;
  access: PageAccess;
  isSpaceAdmin: boolean;
  /** Some workflow applies to the page, so a submission can start. */
  canSubmitWithSomeWorkflow: boolean;
  /** The viewer's groups among the current step's groups; empty when that step names none. */
  groupIds: readonly string[];
  /** When the viewer changed the space's workflows: none when absent. */
  workflowEdits?: WorkflowEdits;
}

export function allowedActions(latest: ApprovalRequest | null, viewer: ViewerRoles): AllowedActions {
  const { access, accountId, isSpaceAdmin } = viewer;
  const submit = access.canEdit && isPublished(access.page) && viewer.canSubmitWithSomeWorkflow && submissionOpen(latest, access.page.version);
  const decide = access.canView && mayDecide(latest, accountId, viewer.groupIds, viewer.workflowEdits);
  return {
    submit,
    resubmit: submit && latest !== null,
    approve: decide,
    reject: decide,
    withdraw: mayWithdraw(latest, accountId, isSpaceAdmin),
    override: mayOverride(latest, isSpaceAdmin),
  };
}
