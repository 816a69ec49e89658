/**
 * What one run of a state's actions knows, and what each action answers. A run is the entry of one
 * request into one state at one revision (the event that moved it there): the runner
 * (run-actions.ts) builds it once, resolves nothing early, and hands it to each executor
 * (execute/*.ts). Executors call Confluence as the app: the workflow's actions grant
 * (domain/action-grant.ts) is what authorises them, checked before the run.
 */
import { type ApprovalRequest } from '../domain/request';
import { type VariableValues } from '../domain/state-actions';
import { type ContentType } from '../shared/content';
import { type SpaceVariable } from '../shared/space-variables';
import { type ActionState, type Workflow, type WorkflowAction } from '../shared/workflow';

export interface ActionRun {
  requestId: string;
  /** The request's revision after the event that entered the state: with requestId, the run's identity. */
  revision: number;
  state: ActionState;
  spaceId: string;
  spaceKey: string;
  pageId: string;
  contentType: ContentType;
  /** The page version the request is about (the approved version, on entering Approved). */
  pageVersion: number;
  request: ApprovalRequest;
  workflow: Workflow;
  /** Who @author, @reviewers, @lastEditor and @owners name, read when the run starts. */
  values: VariableValues;
  /** The space's variables as they are when the run starts (the publish target may name one). */
  spaceVariables: readonly SpaceVariable[];
}

/** One action's result: `message` is what a space admin reads in the page history and the audit trail. */
export interface ActionOutcome {
  ok: boolean;
  message: string;
}

export type ActionExecutor<A extends WorkflowAction = WorkflowAction> = (run: ActionRun, action: A) => Promise<ActionOutcome>;
