/**
 * What a viewer may do on a page now: exactly the buttons the byline dialog shows. Each flag
 * mirrors the rule the command itself enforces, so a shown button never leads to a refusal
 * (other than a race with someone else's change).
 */
import { awaitsDecisionFrom } from '../domain/approver-seat';
import { type ApprovalRequest } from '../domain/request';
import { changedWorkflowSinceSubmission, NO_WORKFLOW_EDITS, type WorkflowEdits } from '../domain/workflow-edits';
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

/** Whether the page's state lets a new version be submitted (the rules of the domain's submission). */
export function submissionOpen(latest: ApprovalRequest | null, pageVersion: number): boolean {
  if (latest === null) return true;
  const newVersion = pageVersion > latest.coveredVersion;
  if (latest.status === 'inApproval') return newVersion && latest.workflow.options.onEditDuringReview === 'restart';
  if (latest.status === 'approved') return newVersion;
  return true;
}

export function allowedActions(latest: ApprovalRequest | null, viewer: ViewerRoles): AllowedActions {
  const { access, accountId, isSpaceAdmin } = viewer;
  const published = access.page.status === 'current';
  const submit = access.canEdit && published && viewer.canSubmitWithSomeWorkflow && submissionOpen(latest, access.page.version);
  const decide =
    access.canView &&
    latest !== null &&
    awaitsDecisionFrom(latest, accountId, viewer.groupIds) &&
    !changedWorkflowSinceSubmission(latest, viewer.workflowEdits ?? NO_WORKFLOW_EDITS);
  const inApproval = latest?.status === 'inApproval';
  return {
    submit,
    resubmit: submit && latest !== null,
    approve: decide,
    reject: decide,
    withdraw: inApproval && (latest.submittedBy === accountId || isSpaceAdmin),
    override: isSpaceAdmin && latest !== null,
  };
}
