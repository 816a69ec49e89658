/**
 * How a page's approval status looks: the byline lozenge (title, icon, tooltip) written into a
 * content property so a page view needs no app call, and the Lozenge appearance the UI uses.
 */
import { type BylineProperties } from './byline';
import { STATUS_TONES, type StatusTone, statusColour } from './status-colours';
import { countOf } from './wording';

export const PAGE_STATUSES = ['draft', 'inApproval', 'approved', 'changesRequested', 'outdated', 'expired'] as const;
export type PageStatus = (typeof PAGE_STATUSES)[number];

export const PAGE_STATUS_LABELS: Record<PageStatus, string> = {
  draft: 'Draft',
  inApproval: 'In Approval',
  approved: 'Approved',
  changesRequested: 'Changes Requested',
  outdated: 'Outdated',
  expired: 'Expired',
};

/** The appearances of the Atlassian Lozenge component. */
export type LozengeAppearance = 'default' | 'inprogress' | 'success' | 'removed' | 'moved' | 'new';

/** The Lozenge appearance of each colour role, so a lozenge has its status's colour everywhere. */
const LOZENGE: Record<StatusTone, LozengeAppearance> = {
  neutral: 'default',
  information: 'inprogress',
  success: 'success',
  danger: 'removed',
  warning: 'moved',
  discovery: 'new',
};

export function lozengeAppearance(status: PageStatus): LozengeAppearance {
  return LOZENGE[STATUS_TONES[status]];
}

export interface RequestSummary {
  id: string;
  version: number;
  submittedBy: string;
  submittedAt: string;
  workflowName: string;
}

export interface ApprovalSummary {
  requestId: string;
  /** The version the approval covers. */
  version: number;
  /** The approvers, or the admin when the approval came from an override. */
  approverIds: string[];
  byOverride: boolean;
  approvedAt: string;
  expiresAt?: string;
  expiredAt?: string;
}

export interface OverrideSummary {
  actorId: string;
  at: string;
  reason: string;
}

/** What `derivePageStatus` (src/domain/page-status.ts) knows about a page, enough to present it. */
export type PageStatusSummary =
  | {
      status: 'draft';
      currentVersion: number;
      request?: RequestSummary;
      withdrawal?: { actorId: string; at: string };
      override?: OverrideSummary;
    }
  | {
      status: 'inApproval';
      currentVersion: number;
      request: RequestSummary;
      /** The step waiting for decisions, numbered from 1. */
      step: { number: number; count: number; name: string };
    }
  | { status: 'approved' | 'outdated'; currentVersion: number; request: RequestSummary; approval: ApprovalSummary }
  | {
      status: 'changesRequested';
      currentVersion: number;
      request: RequestSummary;
      rejection: { rejecterIds: string[]; at: string };
      override?: OverrideSummary;
    }
  | {
      status: 'expired';
      currentVersion: number;
      request: RequestSummary;
      approval: ApprovalSummary & { expiredAt: string };
    };

export type DisplayName = (accountId: string) => string;

const WHITE_STROKE = 'fill="none" stroke="#FFFFFF" stroke-width="1.8" stroke-linecap="round" stroke-linejoin="round"';

const GLYPHS: Record<PageStatus, string> = {
  draft: '<circle cx="8" cy="8" r="3" fill="#FFFFFF"/>',
  inApproval:
    '<circle cx="5" cy="8" r="1.2" fill="#FFFFFF"/><circle cx="8" cy="8" r="1.2" fill="#FFFFFF"/><circle cx="11" cy="8" r="1.2" fill="#FFFFFF"/>',
  approved: `<path d="M4.6 8.3l2.3 2.3 4.6-4.8" ${WHITE_STROKE}/>`,
  changesRequested: `<path d="M5.5 5.5l5 5M10.5 5.5l-5 5" ${WHITE_STROKE}/>`,
  outdated: `<path d="M8 4.5v4.2" ${WHITE_STROKE}/><circle cx="8" cy="11.3" r="1.1" fill="#FFFFFF"/>`,
  expired: `<path d="M8 4.8V8l2.3 1.6" ${WHITE_STROKE}/>`,
};

export function statusIcon(status: PageStatus): string {
  const colour = statusColour(status);
  const svg =
    `<svg xmlns="http://www.w3.org/2000/svg" width="16" height="16" viewBox="0 0 16 16">` +
    `<circle cx="8" cy="8" r="7.5" fill="${colour}"/>${GLYPHS[status]}</svg>`;
  return `data:image/svg+xml,${encodeURIComponent(svg)}`;
}

const DATE_FORMAT = new Intl.DateTimeFormat('en-US', { timeZone: 'UTC', day: 'numeric', month: 'short', year: 'numeric' });

/** "22 Nov 2026", in UTC: the byline is written once for every viewer, whatever their time zone. */
export function formatDay(instant: string): string {
  const parts = DATE_FORMAT.formatToParts(new Date(instant));
  const part = (type: Intl.DateTimeFormatPartTypes) => parts.find((p) => p.type === type)?.value ?? '';
  return `${part('day')} ${part('month')} ${part('year')}`;
}

const MAX_NAMED_PEOPLE = 3;

/** "Bob Smith, Carol Diaz and 2 others": tooltips stay short on pages with many approvers. */
export function listPeople(accountIds: readonly string[], displayName: DisplayName): string {
  const names = accountIds.map(displayName);
  if (names.length <= MAX_NAMED_PEOPLE) return names.join(', ');
  const others = names.length - MAX_NAMED_PEOPLE;
  return `${names.slice(0, MAX_NAMED_PEOPLE).join(', ')} and ${countOf(others, 'other')}`;
}

export function bylineTitle(summary: PageStatusSummary): string {
  switch (summary.status) {
    case 'draft':
      return 'Draft';
    case 'inApproval':
      return `In approval · step ${summary.step.number} of ${summary.step.count}`;
    case 'approved':
      return `Approved v${summary.approval.version}`;
    case 'changesRequested':
      return `Changes requested v${summary.request.version}`;
    case 'outdated':
      return `Outdated (approved v${summary.approval.version}, current v${summary.currentVersion})`;
    case 'expired':
      return `Expired v${summary.approval.version}`;
  }
}

function approvers(approval: ApprovalSummary, displayName: DisplayName): string {
  return `${listPeople(approval.approverIds, displayName)}${approval.byOverride ? ' (override)' : ''}`;
}

function overridden(status: PageStatus, override: OverrideSummary, displayName: DisplayName): string {
  return `Set to ${PAGE_STATUS_LABELS[status]} by ${displayName(override.actorId)} on ${formatDay(override.at)} (override: ${override.reason})`;
}

export function bylineTooltip(summary: PageStatusSummary, displayName: DisplayName): string {
  switch (summary.status) {
    case 'draft':
      if (summary.override !== undefined) return overridden(summary.status, summary.override, displayName);
      return summary.withdrawal === undefined
        ? 'Not submitted for approval'
        : `Withdrawn by ${displayName(summary.withdrawal.actorId)} on ${formatDay(summary.withdrawal.at)}`;
    case 'inApproval': {
      const { request, step } = summary;
      return `Version ${request.version} submitted by ${displayName(request.submittedBy)} on ${formatDay(request.submittedAt)}; waiting for step ${step.number} of ${step.count} (${step.name})`;
    }
    case 'approved':
      return `Approved by ${approvers(summary.approval, displayName)} on ${formatDay(summary.approval.approvedAt)}`;
    case 'changesRequested':
      if (summary.override !== undefined) return overridden(summary.status, summary.override, displayName);
      return `Changes requested by ${listPeople(summary.rejection.rejecterIds, displayName)} on ${formatDay(summary.rejection.at)}`;
    case 'outdated': {
      const { approval } = summary;
      return `Version ${approval.version} was approved by ${approvers(approval, displayName)} on ${formatDay(approval.approvedAt)}; version ${summary.currentVersion} has not been approved`;
    }
    case 'expired':
      return `The approval of version ${summary.approval.version} expired on ${formatDay(summary.approval.expiredAt)}`;
  }
}

/** The icon is a `data:image/svg+xml` URI: byline icons allow those without any egress permission. */
export function bylineProperties(summary: PageStatusSummary, displayName: DisplayName): BylineProperties {
  return { title: bylineTitle(summary), icon: statusIcon(summary.status), tooltip: bylineTooltip(summary, displayName) };
}
