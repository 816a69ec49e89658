/**
 * What a new page version does to the page's latest request: an approval becomes outdated (and
 * may submit the new version) unless the workflow lets the edit keep it, a review keeps going or restarts, and versions the app made itself
 * stay covered by the request.
 */
import { type PageEditedCommand } from './commands';
import { fail } from './errors';
import { type EditKeptReason, type EventDraft } from './events';
import { commit, identityOf } from './evolve';
import { type ApprovalRequest } from './request';
import { submit } from './submission';
import { type TransitionResult, unchanged } from './transition-result';

export function pageEdited(request: ApprovalRequest | null, command: PageEditedCommand, now: string): TransitionResult {
  if (request === null) return fail('NOT_FOUND', 'This page has no approval request');
  if (!Number.isInteger(command.newVersion) || command.newVersion < 1) {
    return fail('VALIDATION', 'A page version is a positive whole number');
  }
  // At-least-once delivery: a version already known is a repeat and changes nothing.
  if (command.newVersion <= request.coveredVersion) return unchanged(request);
  if (command.byApp === true) return carryForward(request, command, now);
  switch (request.status) {
    case 'approved':
      return approvedPageEdited(request, command, now);
    case 'inApproval':
      return request.workflow.options.onEditDuringReview === 'restart' ? restartReview(request, command, now) : unchanged(request);
    default:
      return unchanged(request);
  }
}

function carryForward(request: ApprovalRequest, command: PageEditedCommand, now: string): TransitionResult {
  if (request.status !== 'approved' && request.status !== 'inApproval') return unchanged(request);
  // A person's edit already outdated the approval: the app's later version must not make it current again.
  if (request.outdatedByVersion !== undefined) return unchanged(request);
  const changed = commit(
    request,
    identityOf(request),
    [
      {
        type: 'request.versionCarried',
        actorId: null,
        details: { fromVersion: request.coveredVersion, toVersion: command.newVersion },
      },
    ],
    now,
  );
  return { ok: true, ...changed };
}

function resubmit(request: ApprovalRequest, command: PageEditedCommand, now: string, trigger: 'autoSubmitOnEdit' | 'restartOnEdit') {
  return submit(
    {
      requestId: command.requestId,
      actorId: command.editorId,
      page: {
        id: request.pageId,
        spaceId: request.spaceId,
        version: command.newVersion,
        title: command.title ?? request.pageTitle,
        status: 'current',
      },
      workflow: command.workflow ?? request.workflow,
      previous: request,
      trigger,
    },
    now,
  );
}

/**
 * The page becomes Outdated once; if the workflow submits edits automatically, the new version is
 * submitted too. A submission that cannot start (say, the editor is the only approver) is recorded
 * with the outdated event rather than failing the edit, which has already happened.
 */
function approvedPageEdited(request: ApprovalRequest, command: PageEditedCommand, now: string): TransitionResult {
  const kept = request.outdatedByVersion === undefined ? keptBecause(request, command) : null;
  if (kept !== null) {
    const draft: EventDraft = {
      type: 'page.editKept',
      actorId: command.editorId,
      details: { approvedVersion: request.pageVersion, version: command.newVersion, reason: kept },
    };
    return { ok: true, ...commit(request, identityOf(request), [draft], now) };
  }
  const autoSubmit = (command.workflow ?? request.workflow).options.autoSubmitOnEdit;
  const attempt = autoSubmit ? resubmit(request, command, now, 'autoSubmitOnEdit') : null;
  const drafts: EventDraft[] =
    request.outdatedByVersion === undefined
      ? [
          {
            type: 'page.outdated',
            actorId: command.editorId,
            details: {
              approvedVersion: request.pageVersion,
              currentVersion: command.newVersion,
              ...(attempt !== null && !attempt.ok ? { autoSubmitError: attempt.error.message } : {}),
            },
          },
        ]
      : [];
  const outdated = commit(request, identityOf(request), drafts, now);
  if (attempt === null || !attempt.ok) return { ok: true, ...outdated };
  return {
    ok: true,
    request: outdated.request,
    events: [...outdated.events, ...attempt.events],
    resubmission: attempt.request,
  };
}

/**
 * Why the workflow's "Edits that outdate an approval" lets this edit keep the approval, or null
 * when it outdates it. A fact the command could not read is undefined and outdates: keeping an
 * approval wrongly is the worse mistake.
 */
export function keptBecause(request: ApprovalRequest, command: PageEditedCommand): EditKeptReason | null {
  switch ((command.workflow ?? request.workflow).options.editsThatOutdate) {
    case 'exceptMinor':
      return command.minorEdit === true ? 'minorEdit' : null;
    case 'bodyChanges':
      return command.bodyChanged === false ? 'bodyUnchanged' : null;
    default:
      return null;
  }
}

/** A restart that cannot start fails as a whole, so the current review simply continues. */
function restartReview(request: ApprovalRequest, command: PageEditedCommand, now: string): TransitionResult {
  const restarted = resubmit(request, command, now, 'restartOnEdit');
  if (!restarted.ok) {
    return fail('PRECONDITION', `The review could not restart on version ${command.newVersion}: ${restarted.error.message}`);
  }
  if (restarted.superseded === undefined) throw new Error('A restarted review must supersede the request in approval');
  return { ok: true, request: restarted.superseded, events: restarted.events, resubmission: restarted.request };
}
