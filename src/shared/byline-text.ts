/**
 * The byline's words for a page's status: the lozenge title, the tooltip, and with the icon the
 * {title, icon, tooltip} written into the content property, so a page view needs no app call.
 */
import { type BylineProperties } from './byline';
import {
  type ApprovalSummary,
  type DisplayName,
  formatDay,
  listPeople,
  type OverrideSummary,
  type PageStatus,
  type PageStatusSummary,
  STATUS_LABELS,
} from './status';
import { STATUS_ICONS } from './status-icons.generated';
import { countOf } from './wording';

export function bylineTitle(summary: PageStatusSummary): string {
  switch (summary.status) {
    case 'draft':
      return 'Draft';
    case 'inApproval':
      return `In approval · step ${summary.step.number} of ${summary.step.count}`;
    case 'approved': {
      const { version, keptEdits } = summary.approval;
      return keptEdits === undefined ? `Approved v${version}` : `Approved v${keptEdits.approvedVersion} (+${countOf(keptEdits.count, 'minor edit')})`;
    }
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
  return `Set to ${STATUS_LABELS[status]} by ${displayName(override.actorId)} on ${formatDay(override.at)} (override: ${override.reason})`;
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
  return { title: bylineTitle(summary), icon: STATUS_ICONS[summary.status], tooltip: bylineTooltip(summary, displayName) };
}
