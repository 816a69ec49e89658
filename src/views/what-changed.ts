/**
 * "What changed since v7" in the byline dialog: the approved version of a page under review
 * against the submitted one. Both are read as the viewer, so Confluence decides whether they may
 * see them; the comparison itself is the domain's.
 */
import { asUser } from '../confluence/http';
import { getPage } from '../confluence/pages';
import { getLabelNames } from '../confluence/labels';
import { compareVersions } from '../confluence/version-changes';
import { AppError } from '../shared/errors';
import { type VersionChanges } from '../shared/what-changed';
import { contentTypeOf, getPageRecord, latestApproved, type PageRecord } from '../storage/page-state';
import { getSubmittedLabels } from '../storage/submitted-labels';
import { type ContentHint } from '../commands/page-context';

const NOTHING_TO_COMPARE = 'This page is not under review after an earlier approval, so there is no approved version to compare with.';

/**
 * The two versions to compare while a new version is under review after an earlier approval: the
 * latest version that approval covers (past the app's own title edits and kept minor edits) and
 * the one submitted. Null when there is no such pair.
 */
export function comparedVersions(record: PageRecord | undefined): { from: number; to: number } | null {
  const review = record?.latest?.status === 'inApproval' ? record.latest : null;
  const approval = record === undefined ? null : latestApproved(record);
  if (review === null || approval === null || approval.coveredVersion >= review.pageVersion) return null;
  return { from: approval.coveredVersion, to: review.pageVersion };
}

export async function changesSinceApproval(pageId: string, content: ContentHint = {}): Promise<VersionChanges> {
  const record = await getPageRecord(pageId);
  const versions = comparedVersions(record);
  if (record === undefined || versions === null) {
    // Someone who cannot see the page learns nothing of its approvals: Confluence answers 404 first.
    await getPage(asUser(), pageId, content.type);
    throw new AppError('PRECONDITION', NOTHING_TO_COMPARE);
  }
  const type = content.type ?? contentTypeOf(record);
  const approval = latestApproved(record);
  const [changes, approvedLabels, labelsNow] = await Promise.all([
    compareVersions(asUser(), pageId, type, versions),
    approval === null ? undefined : getSubmittedLabels(approval.id),
    getLabelNames(asUser(), pageId, type),
  ]);
  if (approvedLabels === undefined) return changes;
  const before = new Set(approvedLabels);
  const now = new Set(labelsNow);
  return { ...changes, labels: { added: labelsNow.filter((name) => !before.has(name)), removed: approvedLabels.filter((name) => !now.has(name)) } };
}
