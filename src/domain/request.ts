/**
 * An approval request: one submission of one page version through one workflow. The request
 * keeps a snapshot of the workflow and of group membership, so later edits of either do not
 * change a running request. Requests are plain JSON (no undefined values) so they round-trip
 * through storage unchanged.
 */
import { type GroupMembership, type Step, type Workflow } from '../shared/workflow';

export const REQUEST_STATUSES = [
  'inApproval',
  'approved',
  'changesRequested',
  'withdrawn',
  'expired',
  'superseded',
] as const;
export type RequestStatus = (typeof REQUEST_STATUSES)[number];

/** How messages name a request's status; a withdrawn request leaves its page a Draft. */
export const REQUEST_STATUS_NAMES: Record<RequestStatus, string> = {
  inApproval: 'In Approval',
  approved: 'Approved',
  changesRequested: 'Changes Requested',
  withdrawn: 'Draft',
  expired: 'Expired',
  superseded: 'Superseded',
};

export type DecisionKind = 'approve' | 'reject';

export interface Decision {
  approverId: string;
  decision: DecisionKind;
  comment?: string;
  at: string;
}

/** How a step ended by its own rule; a step cut short (withdrawal, override, restart) has none. */
export type StepOutcome = 'approved' | 'rejected';

export interface StepState {
  stepId: string;
  /** Who may decide on this step, resolved when it started (the author is left out when self-approval is off). */
  eligibleApprovers: string[];
  decisions: Decision[];
  startedAt: string;
  dueAt?: string;
  completedAt?: string;
  outcome?: StepOutcome;
}

/** The statuses an admin can force a page into. */
export const OVERRIDE_TARGETS = ['draft', 'approved', 'changesRequested'] as const;
export type OverrideTarget = (typeof OVERRIDE_TARGETS)[number];

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
   * app itself edits the page (a title action), which must not make the approval outdated.
   */
  coveredVersion: number;
  pageTitle: string;
  workflow: Workflow;
  /** Members of the workflow's groups at submission; later steps resolve their approvers from it. */
  membership: Record<string, string[]>;
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

/** "step 2 of 3 (Legal)": how people name a step in messages. */
export function describeStep(workflow: Workflow, index: number): string {
  const name = workflow.steps[index]?.name;
  return `step ${index + 1} of ${workflow.steps.length}${name === undefined ? '' : ` (${name})`}`;
}

/** Everyone who approved, in the order they did, across all steps. */
export function approverIds(request: ApprovalRequest): string[] {
  const ids = request.steps.flatMap((step) => step.decisions.filter((d) => d.decision === 'approve').map((d) => d.approverId));
  return [...new Set(ids)];
}

/** Restricts a membership map to the groups a workflow names, so the snapshot stays small. */
export function membershipSnapshot(workflow: Workflow, membership: GroupMembership): Record<string, string[]> {
  const snapshot: Record<string, string[]> = {};
  for (const step of workflow.steps) {
    for (const approver of step.approvers) {
      if (approver.type === 'group') snapshot[approver.groupId] = [...new Set(membership[approver.groupId] ?? [])];
    }
  }
  return snapshot;
}

/**
 * The people who may decide on a step: its users and the members of its groups, each once, in
 * the order configured. The author is left out when self-approval is forbidden, so that "all"
 * and "at least N" count only people who can actually approve.
 */
export function resolveEligibleApprovers(
  step: Step,
  membership: GroupMembership,
  authorId: string,
  selfApproval: boolean,
): string[] {
  const ids = step.approvers.flatMap((approver) =>
    approver.type === 'user' ? [approver.accountId] : [...(membership[approver.groupId] ?? [])],
  );
  return [...new Set(ids)].filter((id) => selfApproval || id !== authorId);
}
