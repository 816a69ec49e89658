/**
 * What can happen to an approval request. Commands are built by resolvers, triggers and the REST
 * API after authentication: `actorId` is the calling user, `isAdmin` comes from Confluence.
 */
import { type Workflow } from '../shared/workflow';
import { type ApprovalRequest, type OverrideTarget } from './request';
import { type WorkflowEdits } from './workflow-edits';

export interface PageRef {
  id: string;
  spaceId: string;
  version: number;
  title: string;
  status: 'current' | 'draft';
}

export interface SubmitCommand {
  type: 'submit';
  /** Chosen by the caller so a retried submission cannot create a second request. */
  requestId: string;
  actorId: string;
  page: PageRef;
  workflow: Workflow;
  /** The page's latest request, if any. */
  previous?: ApprovalRequest | null;
  /** A note for the approvers, kept with the submission event. */
  comment?: string;
}

export interface ApproveCommand {
  type: 'approve';
  actorId: string;
  comment?: string;
  /** The step the approver saw; a decision meant for a step that has since ended is refused, or ignored if it repeats. */
  stepIndex?: number;
  /**
   * Which of the current step's groups the actor belongs to, as Confluence says now. Absent when
   * nobody asked (the actor is named on the step, or the step has no groups): then none.
   */
  actorGroupIds?: readonly string[];
  /** The actor's changes to the workflows of the request's space, as stored: none when absent. */
  actorWorkflowEdits?: WorkflowEdits;
}

export interface RejectCommand {
  type: 'reject';
  actorId: string;
  comment: string;
  stepIndex?: number;
  actorGroupIds?: readonly string[];
  actorWorkflowEdits?: WorkflowEdits;
}

export interface WithdrawCommand {
  type: 'withdraw';
  actorId: string;
  isAdmin: boolean;
}

export interface OverrideCommand {
  type: 'override';
  actorId: string;
  isAdmin: boolean;
  targetStatus: OverrideTarget;
  reason: string;
}

export interface PageEditedCommand {
  type: 'pageEdited';
  newVersion: number;
  editorId: string;
  /** Id for the request created when the edit submits the new version (auto-submit or restart). */
  requestId: string;
  /** The page title of the new version; the request's title when absent. */
  title?: string;
  /** True when the app made the version itself (a title action): the request then carries over to it. */
  byApp?: boolean;
  /** The workflow as it is now, for the new request; the request's snapshot when absent. */
  workflow?: Workflow;
  /** What Confluence says of the new version, read only when the workflow's option needs it; unknown outdates. */
  minorEdit?: boolean;
  /** Whether the body differs from the approved version's, read only when the workflow's option needs it. */
  bodyChanged?: boolean;
}

export interface ExpireCommand {
  type: 'expire';
}

export type RequestCommand =
  | SubmitCommand
  | ApproveCommand
  | RejectCommand
  | WithdrawCommand
  | OverrideCommand
  | PageEditedCommand
  | ExpireCommand;
