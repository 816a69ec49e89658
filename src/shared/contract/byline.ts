/**
 * The byline dialog's resolvers (module `approval-byline`). The page is always the one in
 * the invocation context: a payload never names the page it acts on.
 */
import { z } from 'zod';
import { type BylinePropertyValue, type BylineState } from '../byline';
import { type ContentType } from '../content';
import { type OfficialVersion } from '../official-version';
import { type PublishedFrom } from '../published-copy';
import { type PageStatus } from '../status';
import { type LozengeAppearance } from '../status-colours';
import { type VersionChanges } from '../what-changed';
import {
  commentSchema,
  type HistoryPageView,
  cursorSchema,
  overrideTargetSchema,
  type PersonView,
  requiredCommentSchema,
} from './common';
import { requestIdSchema, workflowIdSchema } from './ids';

export type StepProgress = 'done' | 'current' | 'pending';

export interface ApproverView extends PersonView {
  decision?: 'approve' | 'reject';
  comment?: string;
  at?: string;
}

export interface StepView {
  index: number;
  name: string;
  /** "Any one approver", "All approvers", "At least 2 approvals". */
  rule: string;
  progress: StepProgress;
  outcome?: 'approved' | 'rejected';
  /** Who may decide (resolved when the step started); configured approvers for pending steps. */
  approvers: ApproverView[];
  dueAt?: string;
  overdue: boolean;
}

export interface RequestView {
  id: string;
  workflowId: string;
  workflowName: string;
  version: number;
  status: 'inApproval' | 'approved' | 'changesRequested' | 'withdrawn' | 'expired' | 'superseded';
  submittedBy: PersonView;
  submittedAt: string;
  currentStepIndex: number;
  steps: StepView[];
  decidedAt?: string;
  expiresAt?: string;
}

export interface WorkflowChoice {
  id: string;
  name: string;
  description: string;
}

/** Exactly what this viewer may do now; the dialog shows a button per true flag. */
export interface AllowedActions {
  submit: boolean;
  /** Submit when the page had a request before: the dialog labels it "Resubmit". */
  resubmit: boolean;
  approve: boolean;
  reject: boolean;
  withdraw: boolean;
  override: boolean;
}

export interface PageApprovalView {
  page: { id: string; type: ContentType; title: string; spaceId: string; currentVersion: number };
  /** Why nothing can be done here (a live doc), shown instead of actions; null otherwise. */
  notice: string | null;
  /** When the page is a copy the publish action made: where it came from, shown instead of any action. */
  publishedFrom: PublishedFrom | null;
  status: PageStatus;
  /** The version the workflow's "set official version" action made official, when it did (a value the app signed). */
  officialVersion: OfficialVersion | null;
  lozenge: { text: string; appearance: LozengeAppearance };
  /** The byline of this page state (title, icon, tooltip), as the lozenge should show it. */
  byline: BylineState;
  /** The version the current (or last) approval covers, when there is one. */
  approvedVersion: number | null;
  /** While a new version is under review after an earlier approval, the approved version to compare with ("What changed since v7"). */
  changesSinceVersion: number | null;
  /** The page's latest request, when it has one. */
  request: RequestView | null;
  /** The workflows the viewer can submit with (empty unless `actions.submit`). */
  workflows: WorkflowChoice[];
  actions: AllowedActions;
  /** Why the viewer, an approver of the current step, is not offered the decision; null otherwise. */
  decisionWithheld: string | null;
  history: HistoryPageView;
}

/**
 * What an action answers: the refreshed view, its byline signed, exactly as the effects consumer
 * stores it: the dialog writes it verbatim, so the lozenge changes at once. Opening the dialog
 * writes nothing, so its answer is not signed (reading the key would cost a storage round trip).
 */
export interface ActedPageView extends PageApprovalView {
  byline: BylinePropertyValue;
}

export const bylineContract = {
  getPageApproval: z.object({}),
  submit: z.object({
    workflowId: workflowIdSchema.optional(),
    comment: commentSchema.optional(),
  }),
  approve: z.object({
    requestId: requestIdSchema,
    stepIndex: z.int().min(0),
    comment: commentSchema.optional(),
  }),
  reject: z.object({
    requestId: requestIdSchema,
    stepIndex: z.int().min(0),
    comment: requiredCommentSchema('A comment explaining the rejection'),
  }),
  withdraw: z.object({ requestId: requestIdSchema }),
  override: z.object({
    targetStatus: overrideTargetSchema,
    reason: requiredCommentSchema('A reason for the override'),
  }),
  getPageHistory: z.object({ cursor: cursorSchema }),
  /** On demand (a button): the page under review against its approved version. */
  getChangesSinceApproval: z.object({}),
} as const;

export interface BylineResults {
  getPageApproval: PageApprovalView;
  submit: ActedPageView;
  approve: ActedPageView;
  reject: ActedPageView;
  withdraw: ActedPageView;
  override: ActedPageView;
  getPageHistory: HistoryPageView;
  getChangesSinceApproval: VersionChanges;
}
