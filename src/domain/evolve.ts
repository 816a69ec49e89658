/**
 * How an event changes a request. `transition` applies its own events with this function, so a
 * request rebuilt from its events is, by construction, the request that was stored.
 */
import { type DomainEvent, type EventDraft, type EventIdentity, stampEvents } from './events';
import { type ApprovalRequest, cloneJson, commentExcerpt, type StepOutcome, type StepState } from './request';

export class ReplayError extends Error {
  override readonly name = 'ReplayError';
}

export function applyEvent(request: ApprovalRequest | null, event: DomainEvent): ApprovalRequest {
  if (event.type === 'request.submitted') {
    if (request !== null) throw new ReplayError(`Request ${event.requestId} is submitted twice`);
    if (event.revision !== 1) throw new ReplayError(`A submission starts at revision 1, not ${event.revision}`);
    return submitted(event);
  }
  if (request === null) throw new ReplayError(`Event ${event.type} arrives before request ${event.requestId} was submitted`);
  if (event.requestId !== request.id) throw new ReplayError(`Event of request ${event.requestId} applied to request ${request.id}`);
  if (event.revision !== request.revision + 1) {
    throw new ReplayError(`Request ${request.id}: expected revision ${request.revision + 1}, got ${event.revision}`);
  }
  const next = cloneJson(request);
  next.revision = event.revision;
  switch (event.type) {
    case 'decision.recorded': {
      const { comment, forGroup } = event.details;
      stepAt(next, event.details.stepIndex).decisions.push({
        approverId: actor(event),
        decision: event.details.decision,
        at: event.at,
        ...(comment === undefined ? {} : { comment: commentExcerpt(comment) }),
        ...(forGroup === undefined ? {} : { forGroup }),
      });
      return next;
    }
    case 'step.advanced': {
      complete(stepAt(next, event.details.fromStepIndex), event.at, 'approved');
      const started: StepState = {
        stepId: event.details.stepId,
        eligibleApprovers: [...event.details.eligibleApprovers],
        approverGroups: cloneJson(event.details.approverGroups),
        decisions: [],
        startedAt: event.at,
      };
      if (event.details.dueAt !== undefined) started.dueAt = event.details.dueAt;
      next.steps.push(started);
      next.currentStepIndex = event.details.toStepIndex;
      return next;
    }
    case 'request.approved':
      complete(stepAt(next, event.details.stepIndex), event.at, 'approved');
      next.status = 'approved';
      next.decidedAt = event.at;
      if (event.details.expiresAt !== undefined) next.expiresAt = event.details.expiresAt;
      return next;
    case 'request.changesRequested':
      complete(stepAt(next, event.details.stepIndex), event.at, 'rejected');
      next.status = 'changesRequested';
      next.decidedAt = event.at;
      return next;
    case 'request.withdrawn':
      next.status = 'withdrawn';
      next.withdrawal = { actorId: actor(event), at: event.at, byAdmin: event.details.byAdmin };
      return next;
    case 'request.overridden': {
      const { fromStatus, toStatus, reason, expiresAt } = event.details;
      next.status = toStatus;
      next.override = { actorId: actor(event), at: event.at, reason, fromStatus, toStatus };
      delete next.expiresAt;
      delete next.expiredAt;
      if (toStatus !== 'withdrawn') next.decidedAt = event.at;
      if (expiresAt !== undefined) next.expiresAt = expiresAt;
      return next;
    }
    case 'request.expired':
      next.status = 'expired';
      next.expiredAt = event.at;
      return next;
    case 'request.superseded':
      next.status = 'superseded';
      next.supersededBy = event.details.byRequestId;
      return next;
    case 'page.outdated':
      next.outdatedByVersion = event.details.currentVersion;
      return next;
    case 'request.versionCarried':
      next.coveredVersion = event.details.toVersion;
      return next;
    case 'page.editKept':
      next.coveredVersion = event.details.version;
      next.keptEdits = (next.keptEdits ?? 0) + 1;
      return next;
  }
}

/** Rebuilds one request from its events, oldest first. */
export function replay(events: readonly DomainEvent[]): ApprovalRequest {
  const request = events.reduce<ApprovalRequest | null>(applyEvent, null);
  if (request === null) throw new ReplayError('No events to replay');
  return request;
}

function submitted(event: Extract<DomainEvent, { type: 'request.submitted' }>): ApprovalRequest {
  const { details } = event;
  const firstStep: StepState = {
    stepId: firstStepId(event),
    eligibleApprovers: [...details.firstStep.eligibleApprovers],
    approverGroups: cloneJson(details.firstStep.approverGroups),
    decisions: [],
    startedAt: event.at,
  };
  if (details.firstStep.dueAt !== undefined) firstStep.dueAt = details.firstStep.dueAt;
  const request: ApprovalRequest = {
    id: event.requestId,
    pageId: event.pageId,
    spaceId: event.spaceId,
    pageVersion: event.pageVersion,
    coveredVersion: event.pageVersion,
    pageTitle: details.pageTitle,
    workflow: cloneJson(details.workflow),
    submittedBy: details.submittedBy,
    submittedAt: event.at,
    trigger: details.trigger,
    status: 'inApproval',
    currentStepIndex: 0,
    steps: [firstStep],
    revision: event.revision,
  };
  if (details.supersedes !== undefined) request.supersedes = details.supersedes;
  return request;
}

function firstStepId(event: Extract<DomainEvent, { type: 'request.submitted' }>): string {
  const step = event.details.workflow.steps[0];
  if (step === undefined) throw new ReplayError(`Request ${event.requestId} was submitted with a workflow without steps`);
  return step.id;
}

function stepAt(request: ApprovalRequest, index: number): StepState {
  const step = request.steps[index];
  if (step === undefined) throw new ReplayError(`Request ${request.id} has no started step ${index + 1}`);
  return step;
}

function complete(step: StepState, at: string, outcome: StepOutcome): void {
  step.completedAt = at;
  step.outcome = outcome;
}

function actor(event: DomainEvent): string {
  if (event.actorId === null) throw new ReplayError(`Event ${event.type} of request ${event.requestId} needs an actor`);
  return event.actorId;
}

export function identityOf(request: ApprovalRequest): EventIdentity {
  return {
    requestId: request.id,
    pageId: request.pageId,
    spaceId: request.spaceId,
    workflowId: request.workflow.id,
    pageVersion: request.pageVersion,
  };
}

/** Stamps the decided events of one request and applies them: the request and its events stay in step. */
export function commit(
  request: ApprovalRequest | null,
  identity: EventIdentity,
  drafts: readonly EventDraft[],
  at: string,
): { request: ApprovalRequest; events: DomainEvent[] } {
  const events = stampEvents(identity, request?.revision ?? 0, at, drafts);
  const next = events.reduce<ApprovalRequest | null>(applyEvent, request);
  if (next === null) throw new ReplayError(`Request ${identity.requestId} needs a submission first`);
  return { request: next, events };
}
