/**
 * The dialog's wording, derived from the view the back end answers with. Pure, so every screen
 * state reads the same way wherever it appears.
 */
import { type ApproverView, type PageApprovalView, type RequestView, type StepView } from '../../shared/contract/byline';
import { OVERRIDE_TARGETS, type OverrideTarget, REQUEST_STATUS_OF_TARGET } from '../../shared/override-targets';
import { STATUS_LABELS } from '../../shared/status';
import { type LozengeAppearance } from '../../shared/status-colours';
import { formatDateTime } from '../shared/dates';
import { type ActionKind } from './byline-api';

interface VersionMark {
  label: string;
  version: number;
}

/** "Approved v4 · current v6", "In review v4 · current version", "Current version: v3". */
export function versionLine(view: PageApprovalView): string {
  const current = view.page.currentVersion;
  const marks: VersionMark[] = [];
  if (view.approvedVersion !== null) marks.push({ label: view.status === 'expired' ? 'Expired' : 'Approved', version: view.approvedVersion });
  const request = view.request;
  if (request !== null && request.status === 'inApproval' && request.version !== view.approvedVersion) {
    marks.push({ label: marks.length === 0 ? 'In review' : 'in review', version: request.version });
  }
  if (marks.length === 0) return `Current version: v${current}`;
  const last = marks[marks.length - 1];
  const tail = last.version === current ? 'current version' : `current v${current}`;
  return [...marks.map((mark) => `${mark.label} v${mark.version}`), tail].join(' · ');
}

export interface Badge {
  text: string;
  appearance: LozengeAppearance;
}

/**
 * Where a step stands: done (with its outcome), current or pending. A pending step of a request
 * that has ended (approved by override, withdrawn, sent back) will never start.
 */
export function stepBadge(step: StepView, requestOpen: boolean): Badge {
  switch (step.progress) {
    case 'current':
      return { text: 'In progress', appearance: 'inprogress' };
    case 'pending':
      return requestOpen ? { text: 'Pending', appearance: 'default' } : { text: 'Not reached', appearance: 'default' };
    case 'done':
      if (step.outcome === 'approved') return { text: 'Approved', appearance: 'success' };
      if (step.outcome === 'rejected') return { text: 'Rejected', appearance: 'removed' };
      // The request ended (withdrawn, overridden, replaced) while this step was running.
      return { text: 'Not completed', appearance: 'default' };
  }
}

/** One approver's line on a step: their decision, or what the step still expects of them; `locale` is the viewer's, for the date. */
export function approverStatus(approver: ApproverView, step: StepView, requestOpen: boolean, locale?: string): string {
  if (approver.decision !== undefined) {
    const verb = approver.decision === 'approve' ? 'Approved' : 'Rejected';
    return approver.at === undefined ? verb : `${verb} on ${formatDateTime(approver.at, locale)}`;
  }
  switch (step.progress) {
    case 'current':
      return 'Waiting for a decision';
    case 'pending':
      return requestOpen ? 'Asked when this step starts' : 'Not asked';
    case 'done':
      return 'No decision';
  }
}

/**
 * How a decided request ended. Withdrawn and replaced requests are left out: their `decidedAt`, if
 * any, is an earlier decision that an override or a resubmission undid, and the history says when.
 */
const CLOSED_AS: Partial<Record<RequestView['status'], string>> = {
  approved: 'Approved',
  changesRequested: 'Changes requested',
  expired: 'Approved',
};

/** "Approved on 22 Nov 2026, 10:05" ("Approved on Nov 22, 2026, 10:05 AM" for an en-US viewer). */
export function closedLine(request: RequestView, locale?: string): string | null {
  const closedAs = CLOSED_AS[request.status];
  return closedAs === undefined || request.decidedAt === undefined ? null : `${closedAs} on ${formatDateTime(request.decidedAt, locale)}`;
}

/** "Show history (3)"; "(20+)" while older entries are still to be loaded. */
export function historyToggleLabel(known: number, hasMore: boolean): string {
  return `Show history (${known}${hasMore ? '+' : ''})`;
}

/** The viewer can approve or reject the request now, so the dialog's first screen is their decision. */
export function decidesNow(view: PageApprovalView): boolean {
  const request = view.request;
  return request !== null && request.status === 'inApproval' && (view.actions.approve || view.actions.reject);
}

/**
 * What the dialog holds below its first screen, said on that screen: Confluence's popup is about
 * 400 × 320 px and overlay scrollbars (macOS, headless browsers) do not show that it scrolls.
 * "More below: the request's 2 steps and the history (5)"; null when nothing follows.
 */
export function moreBelow(view: PageApprovalView, historyCount: number, historyHasMore: boolean): string | null {
  const parts: string[] = [];
  if (view.request !== null) parts.push(`the request's ${view.request.steps.length === 1 ? 'step' : `${view.request.steps.length} steps`}`);
  if (historyCount > 0) parts.push(`the history (${historyCount}${historyHasMore ? '+' : ''})`);
  return parts.length === 0 ? null : `More below: ${parts.join(' and ')}`;
}

export function requestHeading(request: RequestView): string {
  return request.status === 'inApproval' ? 'Current request' : 'Latest request';
}

export interface TargetOption {
  label: string;
  value: OverrideTarget;
}

/** The statuses an admin can force the page into: every target but the one the request is in. */
export function overrideOptions(request: RequestView | null): TargetOption[] {
  // Overriding to where the request already is is refused, so that target is not offered.
  return OVERRIDE_TARGETS.filter((target) => request === null || REQUEST_STATUS_OF_TARGET[target] !== request.status).map((target) => ({
    label: STATUS_LABELS[target],
    value: target,
  }));
}

export interface FlagText {
  title: string;
  description: string;
}

/** The confirmation after an action, from the view the action answered with. */
export function flagFor(kind: ActionKind, view: PageApprovalView): FlagText {
  const description = view.byline.tooltip;
  switch (kind) {
    case 'submit':
      return { title: 'Submitted for approval', description };
    case 'resubmit':
      return { title: 'Resubmitted for approval', description };
    case 'approve':
      return { title: view.status === 'approved' ? `${view.page.type === 'blogpost' ? 'Blog post' : 'Page'} approved` : 'Your approval was recorded', description };
    case 'reject':
      return { title: view.status === 'changesRequested' ? 'Changes requested' : 'Your rejection was recorded', description };
    case 'withdraw':
      return { title: 'Withdrawn from approval', description };
    case 'override':
      return { title: `Status set to ${view.lozenge.text}`, description };
  }
}
