/**
 * Submitting a page version: which submissions are allowed, and the new request they start.
 */
import { type Step, type Workflow } from '../shared/workflow';
import { capitalise } from '../shared/wording';
import { type PageRef } from './commands';
import { fail, type Failure } from './errors';
import { type EventDraft } from './events';
import { commit, identityOf } from './evolve';
import { type ApprovalRequest, approverGroupsOf, cloneJson, describeStep, resolveEligibleApprovers, type SubmissionTrigger } from './request';
import { selfApprovalInForce } from './self-approval';
import { isFeasible, requiredApprovals } from './step-rule';
import { addDays } from './time';
import { type TransitionResult } from './transition-result';

export interface Submission {
  requestId: string;
  actorId: string;
  page: PageRef;
  workflow: Workflow;
  previous: ApprovalRequest | null;
  trigger: SubmissionTrigger;
  comment?: string;
}

/** Only a published version can be submitted: a draft is not what the page's readers see. */
export function isPublished(page: { status: string }): boolean {
  return page.status === 'current';
}

export function unpublishedRefusal(page: { status: string }): Failure | null {
  return isPublished(page) ? null : fail('PRECONDITION', 'Only published pages can be submitted for approval: publish the page first.');
}

/**
 * Whether the page's latest request lets a version be submitted: a running request only gives
 * way to a newer version where its workflow restarts on edits, an approval only to a newer version.
 */
export function submissionOpen(latest: ApprovalRequest | null, pageVersion: number): boolean {
  if (latest === null) return true;
  const newVersion = pageVersion > latest.coveredVersion;
  if (latest.status === 'inApproval') return newVersion && latest.workflow.options.onEditDuringReview === 'restart';
  if (latest.status === 'approved') return newVersion;
  return true;
}

export function submit(submission: Submission, now: string): TransitionResult {
  const { requestId, actorId, page, workflow, previous } = submission;
  if (requestId.trim() === '' || actorId.trim() === '') return fail('VALIDATION', 'A submission needs a request id and an actor');
  const [firstStep] = workflow.steps;
  if (firstStep === undefined) return fail('VALIDATION', `Workflow '${workflow.name}' has no steps`);
  if (workflow.spaceId !== page.spaceId) {
    return fail('VALIDATION', `Workflow '${workflow.name}' belongs to another space than this page`);
  }
  const unpublished = unpublishedRefusal(page);
  if (unpublished !== null) return unpublished;
  if (!workflow.enabled) return fail('PRECONDITION', `Workflow '${workflow.name}' is disabled and cannot be used`);
  const blocked = previous === null ? null : previousBlocks(previous, submission);
  if (blocked !== null) return blocked;

  const infeasible = infeasibleStep(workflow, actorId);
  if (infeasible !== null) return infeasible;

  const replaced = previous !== null && previous.status === 'inApproval' ? supersede(previous, submission, now) : null;
  const created = startRequest(submission, firstStep, replaced === null ? null : previous, now);
  return replaced === null
    ? { ok: true, ...created }
    : { ok: true, request: created.request, events: [...replaced.events, ...created.events], superseded: replaced.request };
}

function supersede(previous: ApprovalRequest, { requestId, actorId, page }: Submission, now: string) {
  return commit(
    previous,
    identityOf(previous),
    [{ type: 'request.superseded', actorId, details: { byRequestId: requestId, newVersion: page.version } }],
    now,
  );
}

function startRequest(
  { requestId, actorId, page, workflow, trigger, comment }: Submission,
  firstStep: Step,
  superseded: ApprovalRequest | null,
  now: string,
) {
  const submitted: EventDraft = {
    type: 'request.submitted',
    actorId,
    details: {
      pageTitle: page.title,
      submittedBy: actorId,
      trigger,
      workflow: cloneJson(workflow),
      firstStep: {
        eligibleApprovers: resolveEligibleApprovers(firstStep, actorId, selfApprovalInForce(workflow)),
        approverGroups: approverGroupsOf(firstStep),
        ...(firstStep.dueDays === undefined ? {} : { dueAt: addDays(now, firstStep.dueDays) }),
      },
      ...(superseded === null ? {} : { supersedes: superseded.id }),
      ...(comment === undefined || comment.trim() === '' ? {} : { comment: comment.trim() }),
    },
  };
  const identity = { requestId, pageId: page.id, spaceId: page.spaceId, workflowId: workflow.id, pageVersion: page.version };
  return commit(null, identity, [submitted], now);
}

/** Why the page's latest request stops this submission, or null when it does not. */
function previousBlocks(previous: ApprovalRequest, submission: Submission): Failure | null {
  const { page, requestId } = submission;
  if (previous.pageId !== page.id) return fail('VALIDATION', 'The previous request belongs to another page');
  if (previous.id === requestId) return fail('CONFLICT', 'This submission was already recorded');
  if (page.version < previous.pageVersion) {
    return fail(
      'CONFLICT',
      `Version ${page.version} is older than version ${previous.pageVersion}, which was already submitted: reload the page`,
    );
  }
  if (submissionOpen(previous, page.version)) return null;
  if (previous.status === 'inApproval') {
    return fail(
      'CONFLICT',
      `Version ${previous.pageVersion} of this page is already in approval, at ${describeStep(previous.workflow, previous.currentStepIndex)}: withdraw it before submitting again`,
    );
  }
  return fail('CONFLICT', `Version ${previous.coveredVersion} of this page is already approved`);
}

/**
 * Every step is checked now, so that a request can never reach a step its named people cannot
 * complete. A step with groups is not refused here: how many members a group has (and whether
 * the author is the only one) is not asked at submission, so that a group of any size costs
 * nothing; the workflow editor checks group sizes when the workflow is saved.
 */
function infeasibleStep(workflow: Workflow, authorId: string): Failure | null {
  for (const [index, step] of workflow.steps.entries()) {
    if (approverGroupsOf(step).length > 0) continue;
    const eligible = resolveEligibleApprovers(step, authorId, selfApprovalInForce(workflow));
    if (isFeasible(step.rule, eligible.length)) continue;
    const authorExcluded = resolveEligibleApprovers(step, authorId, true).includes(authorId);
    const required = requiredApprovals(step.rule, eligible.length);
    const who =
      eligible.length === 0
        ? 'nobody can approve it'
        : `needs ${required} approvals but only ${eligible.length} ${eligible.length === 1 ? 'person' : 'people'} can approve it`;
    const why = authorExcluded ? ' (the submitter cannot approve their own page in this workflow)' : '';
    return fail('PRECONDITION', `${capitalise(describeStep(workflow, index))}: ${who}${why}. Ask a workflow owner to add approvers`);
  }
  return null;
}
