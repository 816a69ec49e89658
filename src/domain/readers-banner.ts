/**
 * When readers get a banner, and what it says (src/shared/readers-banner.ts): a review runs, or
 * the current version is not the approved one. Approved pages and pages no workflow touched get
 * none, so the banner module draws nothing on them.
 */
import { type ReadersBanner } from '../shared/readers-banner';
import { type ApprovalSummary, type DisplayName, listPeople, type PageStatusSummary } from '../shared/status';

/**
 * The banner of a page in `summary`'s state whose latest standing approval is `approval` (null
 * when none stands), or undefined when readers need none.
 */
export function readersBanner(summary: PageStatusSummary, approval: ApprovalSummary | null, displayName: DisplayName): ReadersBanner | undefined {
  if (summary.status === 'approved' || summary.currentVersion < 1) return undefined;
  const approved =
    approval === null || approval.version >= summary.currentVersion
      ? undefined
      : { version: approval.version, by: `${listPeople(approval.approverIds, displayName)}${approval.byOverride ? ' (override)' : ''}`, at: approval.approvedAt };
  if (summary.status === 'inApproval') return { version: summary.currentVersion, inReviewSince: summary.request.submittedAt, ...(approved === undefined ? {} : { approved }) };
  return approved === undefined ? undefined : { version: summary.currentVersion, approved };
}
