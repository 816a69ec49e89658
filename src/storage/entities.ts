/**
 * The custom entities of manifest.yml (`app.storage.entities`) as TypeScript: entity and
 * index names, and the shape of one row of each. Every query in the app goes through one
 * of these indexes; a new query pattern starts with a new index in the manifest.
 */
import { type AuditBody } from '../domain/audit-body';
import { type ApprovalRequest } from '../domain/request';
import { type WorkflowEdits } from '../domain/workflow-edits';
import { type WorkflowAssignment } from '../domain/workflow-resolution';
import { type SpaceVariable } from '../shared/space-variables';
import { type PageStatus } from '../shared/status';
import { type Workflow, type WorkflowCreators } from '../shared/workflow';

export const ENTITY = {
  pageState: 'page-state',
  request: 'approval-request',
  task: 'approver-task',
  auditEvent: 'audit-event',
  workflow: 'workflow',
  workflowName: 'workflow-name',
  workflowEditor: 'workflow-editor',
  spaceSettings: 'space-settings',
  analyticsRollup: 'analytics-rollup',
  actionRun: 'action-run',
} as const;

export const INDEX = {
  request: {
    bySpaceStatus: 'by-space-status',
    bySpaceSubmitter: 'by-space-submitter',
    bySpaceWorkflow: 'by-space-workflow',
    byPage: 'by-page',
    byStatusExpiry: 'by-status-expiry',
  },
  task: { byApproverSpace: 'by-approver-space', byRequest: 'by-request', byStateDue: 'by-state-due' },
  auditEvent: { bySpaceSeq: 'by-space-seq', byPage: 'by-page', bySealedAt: 'by-sealed-at' },
  workflow: { bySpace: 'by-space' },
  analyticsRollup: { bySpaceDay: 'by-space-day' },
} as const;

/**
 * Entity string attributes must not be empty, so "none" is spelled out. A page at the top
 * of its space has the space as parent: `parentId` is then `space:<spaceId>`.
 */
export const NONE = '-';
export const spaceParent = (spaceId: string): string => `space:${spaceId}`;

/** Key: pageId. The per-page lock (`revision`) and the status summary of the page. */
export interface PageStateRow {
  spaceId: string;
  parentId: string;
  status: PageStatus;
  latestRequestId: string;
  latestApprovedRequestId: string;
  currentVersion: number;
  revision: number;
  updatedAt: string;
}

/** Key: requestId. */
export interface RequestRow {
  spaceId: string;
  pageId: string;
  pageVersion: number;
  workflowId: string;
  status: ApprovalRequest['status'];
  submittedBy: string;
  submittedAt: string;
  updatedAt: string;
  /** `NONE` while the request has no expiry. */
  expiresAt: string;
  body: ApprovalRequest;
}

export type TaskState = 'open' | 'done';

/** Key: `${requestId}:${stepIndex}:${approverId}`. */
export interface TaskRow {
  requestId: string;
  spaceId: string;
  pageId: string;
  approverId: string;
  stepIndex: number;
  state: TaskState;
  createdAt: string;
  /** `NONE` when the step has no due date. */
  dueAt: string;
}

/**
 * Key: for request events `${requestId}:${revision}` (unique because every event bumps the
 * request's revision); other entries choose a key that a retry reproduces.
 * Written unsealed (`sealed: false`, `seq: 0`, `hash: NONE`) in the transaction of the change;
 * sealing gives it the next `seq` of its space's chain and its `hash`.
 */
export interface AuditRow {
  spaceId: string;
  /** `NONE` for entries about no page (workflow changes). */
  pageId: string;
  sealed: boolean;
  seq: number;
  at: string;
  type: string;
  actorId: string;
  hash: string;
  body: AuditBody;
}

/** Key: workflowId. `revision` equals `body.revision`; it is the attribute updates are conditioned on. */
export interface WorkflowRow {
  spaceId: string;
  name: string;
  enabled: boolean;
  updatedAt: string;
  /** Who made the last change: the editor's "changed by X since you opened it". */
  updatedBy: string;
  revision: number;
  body: Workflow;
}

/** Key: `${spaceId}:${SHA-256 of the normalised name}`. Which workflow holds a name in its space. */
export interface WorkflowNameRow {
  spaceId: string;
  workflowId: string;
}

/** Key: `${spaceId}:${accountId}`. When that person last changed each workflow of the space; `revision` is the lock of their changes. */
export interface WorkflowEditorRow {
  revision: number;
  body: WorkflowEdits;
}

/** A space's default workflow, its page/subtree assignments (pageId → assignment) and who may create workflows. */
export interface SpaceAssignments {
  defaultWorkflowId: string | null;
  pages: Record<string, WorkflowAssignment>;
  /** Absent in rows saved before the setting existed: everyone. */
  workflowCreators?: WorkflowCreators;
  /** Whether page views show readers the approved-version banner; absent: shown. */
  readersBanner?: boolean;
  /** Named publish targets (shared/space-variables.ts), read when an action runs; absent: none. */
  variables?: SpaceVariable[];
}

/** Key: spaceId. The space's default workflow and assignments; `revision` is the lock of admin edits. */
export interface SpaceSettingsRow {
  revision: number;
  updatedAt: string;
  body: SpaceAssignments;
}
