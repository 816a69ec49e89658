/**
 * An approval request: one submission of one page version through one workflow. The request
 * keeps a snapshot of the workflow, so later edits of it do not change a running request. Group
 * approvers are kept as groups, never as their members: a group may have tens of thousands of
 * members, and whether someone belongs to it is asked when they decide. Requests are plain JSON
 * (no undefined values) so they round-trip through storage unchanged.
 */
import { COMMENT_EXCERPT_BYTES } from '../shared/limits';
import { STATUS_LABELS } from '../shared/status';
import { type Step, type Workflow } from '../shared/workflow';

export const REQUEST_STATUSES = [
  'inApproval',
  'approved',
  'changesRequested',
  'withdrawn',
  'expired',
  'superseded',
] as const;
export type RequestStatus = (typeof REQUEST_STATUSES)[number];

/** How messages name a request's status: a withdrawn request leaves its page a Draft. */
export function requestStatusName(status: RequestStatus): string {
  return STATUS_LABELS[status === 'withdrawn' ? 'draft' : status];
}

export type DecisionKind = 'approve' | 'reject';

export interface Decision {
  approverId: string;
  decision: DecisionKind;
  /** The comment's start (see `commentExcerpt`); the decision's history entry has all of it. */
  comment?: string;
  at: string;
  /** The group the decision was made for, when the approver is not named on the step themselves. */
  forGroup?: string;
}

/** A group approver of a started step: any member may decide (see `decisions.ts` for the "all" rule). */
export interface ApproverGroup {
  groupId: string;
  name: string;
}

/** How a step ended by its own rule; a step cut short (withdrawal, override, restart) has none. */
export type StepOutcome = 'approved' | 'rejected';

export interface StepState {
  stepId: string;
  /** The people named on this step, as it started (the author is left out when self-approval is off). */
  eligibleApprovers: string[];
  /** The groups named on this step: their members may decide too, checked when they do. */
  approverGroups: ApproverGroup[];
  decisions: Decision[];
  startedAt: string;
  dueAt?: string;
  completedAt?: string;
  outcome?: StepOutcome;
}

export type { OverrideTarget } from '../shared/override-targets';

export interface OverrideRecord {
  actorId: string;
  at: string;
  reason: string;
  fromStatus: RequestStatus;
  toStatus: RequestStatus;
}

export interface WithdrawalRecord {
  actorId: string;
  at: string;
  byAdmin: boolean;
}

/** Why a request exists: the author asked, or an edit of the page started it. */
export type SubmissionTrigger = 'manual' | 'autoSubmitOnEdit' | 'restartOnEdit';

export interface ApprovalRequest {
  id: string;
  pageId: string;
  spaceId: string;
  /** The page version submitted: the version that is reviewed and, in the end, approved. */
  pageVersion: number;
  /**
   * The latest page version the request speaks for. It moves past `pageVersion` only when the
   * app itself edits the page (a title action), which must not make the approval outdated, or
   * when the workflow lets a person's edit keep the approval (`keptEdits`).
   */
  coveredVersion: number;
  /** How many people's edits kept this approval (a minor edit, a title-only edit): "Approved v7 (+1 minor edit)". */
  keptEdits?: number;
  pageTitle: string;
  workflow: Workflow;
  submittedBy: string;
  submittedAt: string;
  trigger: SubmissionTrigger;
  status: RequestStatus;
  currentStepIndex: number;
  /** One entry per started step, in order; the last one is the current step. */
  steps: StepState[];
  decidedAt?: string;
  expiresAt?: string;
  expiredAt?: string;
  withdrawal?: WithdrawalRecord;
  override?: OverrideRecord;
  supersedes?: string;
  supersededBy?: string;
  /** Set when an approved page was edited: the first version that is no longer covered by the approval. */
  outdatedByVersion?: number;
  /** Incremented on every change; storage uses it for optimistic concurrency. */
  revision: number;
}

/**
 * Requests are plain JSON by design, so a JSON round trip is a faithful deep copy, and unlike
 * structuredClone it builds objects of the calling realm (test runners compare prototypes).
 */
export function cloneJson<T>(value: T): T {
  return JSON.parse(JSON.stringify(value)) as T;
}

export function currentStep(request: ApprovalRequest): { definition: Step; state: StepState } {
  const definition = request.workflow.steps[request.currentStepIndex];
  const state = request.steps[request.currentStepIndex];
  if (definition === undefined || state === undefined) {
    throw new Error(`Request ${request.id} has no step ${request.currentStepIndex + 1}`);
  }
  return { definition, state };
}

/** "step 2 of 3 (Legal)", or "step 2" where the workflow's step names are not known: how people name a step in messages. */
export function stepPhrase(index: number, names?: readonly string[]): string {
  if (names === undefined) return `step ${index + 1}`;
  const name = names[index];
  return `step ${index + 1} of ${names.length}${name === undefined ? '' : ` (${name})`}`;
}

export function describeStep(workflow: Workflow, index: number): string {
  return stepPhrase(index, workflow.steps.map((step) => step.name));
}

const ELLIPSIS = '…';
const utf8 = new TextEncoder();

/** What a text adds to a stored JSON value: its UTF-8 bytes once escaped, without the quotes. */
function storedBytes(text: string): number {
  return utf8.encode(JSON.stringify(text)).length - 2;
}

/**
 * The part of a decision's comment the request keeps: a request records up to hundreds of
 * decisions, and full comments would take it past what one stored value may hold. Measured as
 * stored, so that no script or escaped character makes it longer; cut between characters.
 */
export function commentExcerpt(comment: string): string {
  if (storedBytes(comment) <= COMMENT_EXCERPT_BYTES) return comment;
  const budget = COMMENT_EXCERPT_BYTES - storedBytes(ELLIPSIS);
  let kept = '';
  let used = 0;
  for (const char of comment) {
    used += storedBytes(char);
    if (used > budget) break;
    kept += char;
  }
  return `${kept.trimEnd()}${ELLIPSIS}`;
}

/** Everyone who approved, in the order they did, across all steps. */
export function approverIds(request: ApprovalRequest): string[] {
  const ids = request.steps.flatMap((step) => step.decisions.filter((d) => d.decision === 'approve').map((d) => d.approverId));
  return [...new Set(ids)];
}

/**
 * The people named on a step, each once, in the order configured. The author is left out when
 * self-approval is forbidden, so that "all" and "at least N" count only people who can approve.
 */
export function resolveEligibleApprovers(step: Step, authorId: string, selfApproval: boolean): string[] {
  const ids = step.approvers.flatMap((approver) => (approver.type === 'user' ? [approver.accountId] : []));
  return [...new Set(ids)].filter((id) => selfApproval || id !== authorId);
}

/** The groups named on a step, each once, in the order configured. */
export function approverGroupsOf(step: Step): ApproverGroup[] {
  const groups = new Map<string, ApproverGroup>();
  for (const approver of step.approvers) {
    if (approver.type === 'group' && !groups.has(approver.groupId)) groups.set(approver.groupId, { groupId: approver.groupId, name: approver.name });
  }
  return [...groups.values()];
}
