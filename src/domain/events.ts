/**
 * Domain events: every change of a request is one event, ready for the audit trail. An event
 * carries everything needed to rebuild the request (see `replay`), so the audit trail is also a
 * complete history of each request.
 */
import { type Workflow } from '../shared/workflow';
import {
  type ApproverGroup,
  type DecisionKind,
  type OverrideTarget,
  type RequestStatus,
  type SubmissionTrigger,
} from './request';

interface EventOf<T extends string, D> {
  type: T;
  requestId: string;
  pageId: string;
  spaceId: string;
  workflowId: string;
  /** The page version the request was submitted for. */
  pageVersion: number;
  /** Who caused the change; null when the app itself did (scheduled expiry, its own page edits). */
  actorId: string | null;
  at: string;
  /** The request's revision once this event is applied: 1 for the submission, then +1 per event. */
  revision: number;
  details: D;
}

export type RequestSubmitted = EventOf<
  'request.submitted',
  {
    pageTitle: string;
    submittedBy: string;
    trigger: SubmissionTrigger;
    workflow: Workflow;
    firstStep: { eligibleApprovers: string[]; approverGroups: ApproverGroup[]; dueAt?: string };
    supersedes?: string;
    /** What the submitter wrote for the approvers; the notification comment carries it. */
    comment?: string;
  }
>;

export type DecisionRecorded = EventOf<
  'decision.recorded',
  /** `forGroup`: the group the decision counts for, when the approver is not named on the step. */
  { stepIndex: number; stepId: string; decision: DecisionKind; comment?: string; forGroup?: string }
>;

export type StepAdvanced = EventOf<
  'step.advanced',
  {
    fromStepIndex: number;
    toStepIndex: number;
    stepId: string;
    eligibleApprovers: string[];
    approverGroups: ApproverGroup[];
    dueAt?: string;
  }
>;

export type RequestApproved = EventOf<'request.approved', { stepIndex: number; submittedAt: string; expiresAt?: string }>;

/** 'ruleUnreachable': too few approvers are left undecided for the rule to be met. */
export type ChangesRequestedReason = 'rejections' | 'ruleUnreachable';

export type RequestChangesRequested = EventOf<
  'request.changesRequested',
  { stepIndex: number; reason: ChangesRequestedReason; submittedAt: string }
>;

export type RequestWithdrawn = EventOf<'request.withdrawn', { byAdmin: boolean }>;

export type RequestOverridden = EventOf<
  'request.overridden',
  {
    target: OverrideTarget;
    fromStatus: RequestStatus;
    toStatus: RequestStatus;
    reason: string;
    submittedAt: string;
    expiresAt?: string;
  }
>;

export type RequestExpired = EventOf<'request.expired', { expiresAt: string }>;

export type RequestSuperseded = EventOf<'request.superseded', { byRequestId: string; newVersion: number }>;

export type PageOutdated = EventOf<
  'page.outdated',
  { approvedVersion: number; currentVersion: number; autoSubmitError?: string }
>;

export type VersionCarried = EventOf<'request.versionCarried', { fromVersion: number; toVersion: number }>;

/** Why an edit of an approved page kept the approval: its workflow's "Edits that outdate an approval". */
export type EditKeptReason = 'minorEdit' | 'bodyUnchanged';

/** A person's edit the workflow lets keep the approval; the request then covers `version` too. */
export type EditKept = EventOf<'page.editKept', { approvedVersion: number; version: number; reason: EditKeptReason }>;

export type DomainEvent =
  | RequestSubmitted
  | DecisionRecorded
  | StepAdvanced
  | RequestApproved
  | RequestChangesRequested
  | RequestWithdrawn
  | RequestOverridden
  | RequestExpired
  | RequestSuperseded
  | PageOutdated
  | VersionCarried
  | EditKept;

export type DomainEventType = DomainEvent['type'];

type DistributiveOmit<T, K extends PropertyKey> = T extends unknown ? Omit<T, K> : never;

/** The fields every event of one request shares. */
export type EventIdentity = Pick<DomainEvent, 'requestId' | 'pageId' | 'spaceId' | 'workflowId' | 'pageVersion'>;

/** What a command decides; `stampEvents` adds identity, time and revision. */
export type EventDraft = DistributiveOmit<DomainEvent, keyof EventIdentity | 'at' | 'revision'>;

export function stampEvents(
  identity: EventIdentity,
  previousRevision: number,
  at: string,
  drafts: readonly EventDraft[],
): DomainEvent[] {
  return drafts.map((draft, index) => ({ ...identity, at, revision: previousRevision + index + 1, ...draft }) as DomainEvent);
}
