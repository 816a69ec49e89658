/**
 * The byline lozenge: Confluence renders it from a content property, so after every change the
 * app writes the page's current status there. Writing the latest state (not the change) makes
 * the effect idempotent and order-free: a late or repeated job writes the same value again,
 * which is skipped as unchanged.
 */
import { derivePageStatus } from '../domain/page-status';
import { readersBanner } from '../domain/readers-banner';
import { type ApprovalRequest } from '../domain/request';
import { AppError } from '../shared/errors';
import { bylineProperties } from '../shared/byline-text';
import { type ApprovalSummary, type PageStatusSummary } from '../shared/status';
import { type ContentType } from '../shared/content';
import { type ReadersBanner } from '../shared/readers-banner';
import { getSpaceAssignments, readersBannerShown } from '../storage/assignments';
import { contentTypeOf, getPageRecord, latestApproved, type PageRecord } from '../storage/page-state';
import { writeBylineProperty } from './byline-property';
import { type PeopleDirectory } from './people-directory';

/** Everyone the byline tooltip may name. */
function peopleIn(summary: PageStatusSummary): string[] {
  const ids: string[] = [];
  if (summary.request !== undefined) ids.push(summary.request.submittedBy);
  if ('approval' in summary) ids.push(...summary.approval.approverIds);
  if ('rejection' in summary) ids.push(...summary.rejection.rejecterIds);
  if ('withdrawal' in summary && summary.withdrawal !== undefined) ids.push(summary.withdrawal.actorId);
  if ('override' in summary && summary.override !== undefined) ids.push(summary.override.actorId);
  return ids;
}

const failedWith = (error: unknown, code: AppError['code']): boolean => error instanceof AppError && error.code === code;

export interface BylineUpdate {
  pageId: string;
  spaceId: string;
  /** Where the property lives: a page's and a blog post's properties have their own paths. */
  contentType: ContentType;
  /** The page-state revision the summary describes. */
  revision: number;
  summary: PageStatusSummary;
  /** The page's standing approval, which the readers' banner links to when it is not the current version. */
  approval: ApprovalSummary | null;
  /** Everyone the tooltip may name: their display names must be loaded before writing. */
  people: string[];
  /** Everyone the byline dialog names for the page's latest request: submitter, approvers, deciders. */
  dialogPeople: string[];
}

function peopleOnRequest(request: ApprovalRequest | null): string[] {
  if (request === null) return [];
  return [
    request.submittedBy,
    ...request.steps.flatMap((step) => [...step.eligibleApprovers, ...step.decisions.map((d) => d.approverId)]),
    ...request.workflow.steps.flatMap((step) => step.approvers.flatMap((a) => (a.type === 'user' ? [a.accountId] : []))),
  ];
}

/** The page's status as it is now, or null for a page without approval state. */
export async function planByline(pageId: string): Promise<BylineUpdate | null> {
  const record = await getPageRecord(pageId);
  return record === undefined ? null : bylineOfRecord(record);
}

/** The standing approval as the status summary presents it (a rejection or a review hides it there). */
function standingApproval(record: PageRecord): ApprovalSummary | null {
  const approved = latestApproved(record);
  if (approved === null) return null;
  const summary = derivePageStatus({ latest: approved, currentVersion: record.currentVersion });
  return 'approval' in summary ? summary.approval : null;
}

export function bylineOfRecord(record: PageRecord): BylineUpdate {
  const { pageId } = record;
  const summary = derivePageStatus({ latest: record.latest, latestApproved: latestApproved(record), currentVersion: record.currentVersion });
  const approval = standingApproval(record);
  const people = [...peopleIn(summary), ...(approval?.approverIds ?? [])];
  return { pageId, spaceId: record.spaceId, contentType: contentTypeOf(record), revision: record.revision, summary, approval, people, dialogPeople: peopleOnRequest(record.latest) };
}

/**
 * What the byline of a page the app has no approval state for says: Draft, at revision 0. A byline
 * check writes it over a forged value on such a page (someone made an untracked page look approved).
 */
export function untrackedByline(page: { pageId: string; spaceId: string; contentType: ContentType }): BylineUpdate {
  return { ...page, revision: 0, summary: derivePageStatus({ latest: null, currentVersion: 0 }), approval: null, people: [], dialogPeople: [] };
}

/**
 * What the readers' banner of the update shows, or undefined for none: the space's setting is read
 * here, at the write, because a page view must not invoke the app to learn it.
 */
export async function bannerOf({ spaceId, summary, approval }: BylineUpdate, people: PeopleDirectory): Promise<ReadersBanner | undefined> {
  const banner = readersBanner(summary, approval, people.displayName);
  if (banner === undefined) return undefined;
  return readersBannerShown(await getSpaceAssignments(spaceId)) ? banner : undefined;
}

/** Writes the page's status (and its readers' banner) into its byline property, as the app. */
export async function writeBylineUpdate(update: BylineUpdate, people: PeopleDirectory): Promise<void> {
  const { pageId, spaceId, contentType, revision, summary } = update;
  try {
    const banner = await bannerOf(update, people);
    await writeBylineProperty({ pageId, spaceId, type: contentType }, { ...bylineProperties(summary, people.displayName), ...(banner === undefined ? {} : { banner }) }, revision);
  } catch (error) {
    // A deleted page has no byline to show, and page restrictions that leave the app out refuse
    // it as they refuse any user: retrying for a day would change nothing. The dialog still
    // writes the property as the person acting, who may edit the page.
    if (!failedWith(error, 'NOT_FOUND') && !failedWith(error, 'FORBIDDEN')) throw error;
    console.warn(`byline of page ${pageId} not written: the page no longer exists, or its restrictions do not include ApprovalFlow`);
  }
}
