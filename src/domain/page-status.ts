/**
 * A page's approval status, derived from its latest request, its latest approved request and its
 * current version. Nothing stores "Outdated": it follows from versions, so it can never go stale.
 */
import { type ApprovalSummary, type OverrideSummary, type PageStatusSummary, type RequestSummary } from '../shared/status';
import { type ApprovalRequest, approverIds, currentStep, type OverrideRecord } from './request';

export interface PageStatusInput {
  latest: ApprovalRequest | null;
  /** The page's most recent request with status 'approved', if any (may be `latest` itself). */
  latestApproved?: ApprovalRequest | null;
  currentVersion: number;
}

export function derivePageStatus({ latest, latestApproved = null, currentVersion }: PageStatusInput): PageStatusSummary {
  if (latest === null) return { status: 'draft', currentVersion };
  const request = requestSummary(latest);
  switch (latest.status) {
    case 'inApproval':
      return {
        status: 'inApproval',
        currentVersion,
        request,
        step: {
          number: latest.currentStepIndex + 1,
          count: latest.workflow.steps.length,
          name: currentStep(latest).definition.name,
        },
      };
    case 'approved':
      return approvedOrOutdated(latest, request, currentVersion);
    case 'changesRequested':
      return {
        status: 'changesRequested',
        currentVersion,
        request,
        rejection: { rejecterIds: rejecters(latest), at: latest.decidedAt ?? latest.submittedAt },
        ...(latest.override?.toStatus === 'changesRequested' ? { override: overrideSummary(latest.override) } : {}),
      };
    case 'expired':
      return {
        status: 'expired',
        currentVersion,
        request,
        approval: { ...approvalSummary(latest), expiredAt: latest.expiredAt ?? latest.submittedAt },
      };
    case 'withdrawn':
    case 'superseded':
      return notInReview(latest, request, latestApproved, currentVersion);
  }
}

/**
 * A withdrawn submission leaves the page as it was before: Approved or Outdated if an earlier
 * version was approved (a page with an approval must not look as if it never had one), else
 * Draft. An admin who sets the page to Draft gets Draft.
 */
function notInReview(
  latest: ApprovalRequest,
  request: RequestSummary,
  latestApproved: ApprovalRequest | null,
  currentVersion: number,
): PageStatusSummary {
  const draftOverride = latest.override?.toStatus === 'withdrawn' ? latest.override : undefined;
  if (draftOverride === undefined && latestApproved !== null && latestApproved.status === 'approved' && latestApproved.id !== latest.id) {
    return approvedOrOutdated(latestApproved, requestSummary(latestApproved), currentVersion);
  }
  return {
    status: 'draft',
    currentVersion,
    request,
    ...(latest.withdrawal === undefined ? {} : { withdrawal: { actorId: latest.withdrawal.actorId, at: latest.withdrawal.at } }),
    ...(draftOverride === undefined ? {} : { override: overrideSummary(draftOverride) }),
  };
}

function approvedOrOutdated(approved: ApprovalRequest, request: RequestSummary, currentVersion: number): PageStatusSummary {
  return {
    status: currentVersion > approved.coveredVersion ? 'outdated' : 'approved',
    currentVersion,
    request,
    approval: approvalSummary(approved),
  };
}

function requestSummary(request: ApprovalRequest): RequestSummary {
  return {
    id: request.id,
    version: request.pageVersion,
    submittedBy: request.submittedBy,
    submittedAt: request.submittedAt,
    workflowName: request.workflow.name,
  };
}

function approvalSummary(request: ApprovalRequest): ApprovalSummary {
  const override = request.override?.toStatus === 'approved' ? request.override : undefined;
  return {
    requestId: request.id,
    version: request.coveredVersion,
    approverIds: override === undefined ? approverIds(request) : [override.actorId],
    byOverride: override !== undefined,
    approvedAt: request.decidedAt ?? request.submittedAt,
    ...(request.expiresAt === undefined ? {} : { expiresAt: request.expiresAt }),
    ...(request.expiredAt === undefined ? {} : { expiredAt: request.expiredAt }),
    ...(request.keptEdits === undefined ? {} : { keptEdits: { count: request.keptEdits, approvedVersion: request.pageVersion } }),
  };
}

/** Who rejected on the step that ended the review. */
function rejecters(request: ApprovalRequest): string[] {
  return currentStep(request)
    .state.decisions.filter((d) => d.decision === 'reject')
    .map((d) => d.approverId);
}

function overrideSummary({ actorId, at, reason }: OverrideRecord): OverrideSummary {
  return { actorId, at, reason };
}
