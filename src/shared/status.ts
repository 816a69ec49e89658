/**
 * A page's approval status: the statuses there are, the one name each goes by on every screen,
 * report and message, and what the byline and the dialog know of a status to present it.
 * The lowest of the status modules: colours (status-colours.ts) and the byline's words
 * (byline-text.ts) build on it.
 */
import { countOf } from './wording';

export const PAGE_STATUSES = ['draft', 'inApproval', 'approved', 'changesRequested', 'outdated', 'expired'] as const;
export type PageStatus = (typeof PAGE_STATUSES)[number];

/** Every status anything is labelled with: a page's, plus the two only requests have (analytics counts withdrawn ones). */
export type LabelledStatus = PageStatus | 'withdrawn' | 'superseded';

export const STATUS_LABELS: Record<LabelledStatus, string> = {
  draft: 'Draft',
  inApproval: 'In Approval',
  approved: 'Approved',
  changesRequested: 'Changes Requested',
  outdated: 'Outdated',
  expired: 'Expired',
  withdrawn: 'Withdrawn',
  superseded: 'Superseded',
};

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
  /** People's edits the workflow let keep the approval, and the version approved before them: "Approved v7 (+1 minor edit)". */
  keptEdits?: { count: number; approvedVersion: number };
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
