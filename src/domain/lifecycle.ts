/**
 * The ways a request ends other than by its approvers: withdrawal, an admin's override, expiry.
 */
import { type ExpireCommand, type OverrideCommand, type WithdrawCommand } from './commands';
import { fail, type Failure } from './errors';
import { commit, identityOf } from './evolve';
import { type ApprovalRequest, requestStatusName } from './request';
import { addDays, isBefore } from './time';
import { COMMENT_MAX } from '../shared/limits';
import { OVERRIDE_CHOICES, OVERRIDE_TARGETS, REQUEST_STATUS_OF_TARGET } from '../shared/override-targets';
import { type TransitionResult, unchanged } from './transition-result';

/** The person who submitted a request may withdraw it, and a space admin any request. */
function withdrawsAs(request: ApprovalRequest, actorId: string, isAdmin: boolean): boolean {
  return actorId === request.submittedBy || isAdmin;
}

/** Whether `withdraw` would accept this person's withdrawal of the request now. */
export function mayWithdraw(request: ApprovalRequest | null, actorId: string, isAdmin: boolean): boolean {
  return request !== null && request.status === 'inApproval' && withdrawsAs(request, actorId, isAdmin);
}

/** Why an override of the request cannot happen whatever its target, or null when it can. */
function overrideRefusal(request: ApprovalRequest, isAdmin: boolean): Failure | null {
  if (!isAdmin) return fail('FORBIDDEN', "Only a space admin can override a page's status");
  if (request.status === 'superseded') {
    return fail('PRECONDITION', "This request was replaced by a newer submission: override the page's latest request");
  }
  return null;
}

/** Whether this person may override the request's status (to some target other than its own). */
export function mayOverride(request: ApprovalRequest | null, isAdmin: boolean): boolean {
  return request !== null && overrideRefusal(request, isAdmin) === null;
}

export function withdraw(request: ApprovalRequest | null, command: WithdrawCommand, now: string): TransitionResult {
  if (request === null) return fail('NOT_FOUND', 'This approval request does not exist');
  if (!withdrawsAs(request, command.actorId, command.isAdmin)) {
    return fail('FORBIDDEN', 'Only the person who submitted the page or a space admin can withdraw it');
  }
  if (request.status === 'withdrawn') return unchanged(request);
  if (request.status !== 'inApproval') {
    return fail(
      'PRECONDITION',
      `Only a request in approval can be withdrawn; this one is ${requestStatusName(request.status)}. A space admin can override the page's status`,
    );
  }
  const changed = commit(
    request,
    identityOf(request),
    [{ type: 'request.withdrawn', actorId: command.actorId, details: { byAdmin: command.actorId !== request.submittedBy } }],
    now,
  );
  return { ok: true, ...changed };
}

export function override(request: ApprovalRequest | null, command: OverrideCommand, now: string): TransitionResult {
  const reason = command.reason.trim();
  if (!OVERRIDE_TARGETS.includes(command.targetStatus)) {
    return fail('VALIDATION', `The status can be overridden to ${OVERRIDE_CHOICES} only`);
  }
  if (reason === '') return fail('VALIDATION', 'Give a reason for the override: it is kept in the audit trail');
  if (reason.length > COMMENT_MAX) return fail('VALIDATION', `A reason must be at most ${COMMENT_MAX} characters`);
  if (request === null) return fail('NOT_FOUND', 'This page has no approval request whose status could be overridden');
  const refused = overrideRefusal(request, command.isAdmin);
  if (refused !== null) return refused;
  // An override to the status the request already has is recorded too: the page enters that state
  // again, and its workflow actions run again (domain/state-entry.ts).
  const toStatus = REQUEST_STATUS_OF_TARGET[command.targetStatus];
  const { validityDays } = request.workflow.options;
  const changed = commit(
    request,
    identityOf(request),
    [
      {
        type: 'request.overridden',
        actorId: command.actorId,
        details: {
          target: command.targetStatus,
          fromStatus: request.status,
          toStatus,
          reason,
          submittedAt: request.submittedAt,
          ...(toStatus === 'approved' && validityDays !== null ? { expiresAt: addDays(now, validityDays) } : {}),
        },
      },
    ],
    now,
  );
  return { ok: true, ...changed };
}

/** Whether an approval's validity has ended by `now`: the daily job's test before it queues the expiry. */
export function isDueToExpire(request: ApprovalRequest, now: string): boolean {
  return request.status === 'approved' && request.expiresAt !== undefined && !isBefore(now, request.expiresAt);
}

export function expire(request: ApprovalRequest | null, _command: ExpireCommand, now: string): TransitionResult {
  if (request === null) return fail('NOT_FOUND', 'This approval request does not exist');
  if (request.status === 'expired') return unchanged(request);
  if (request.status !== 'approved') {
    return fail('PRECONDITION', `Only an approved request can expire; this one is ${requestStatusName(request.status)}`);
  }
  const { expiresAt } = request;
  if (expiresAt === undefined) return fail('PRECONDITION', 'This approval has no validity period and never expires');
  if (!isDueToExpire(request, now)) return fail('PRECONDITION', `This approval is valid until ${expiresAt}`);
  const changed = commit(
    request,
    identityOf(request),
    [{ type: 'request.expired', actorId: null, details: { expiresAt } }],
    now,
  );
  return { ok: true, ...changed };
}
