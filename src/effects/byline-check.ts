/**
 * Byline checks: is the byline property of these pages the app's, for their current state? Run
 * from the effects queue, as the app, when the dialog saw a property it did not vouch for, and
 * for every tracked page by the daily job. A property that carries the app's signature for the
 * page's current revision (or a later one) is left alone at the cost of one read; anything else
 * gets the true status written: a stale signed value silently (the effects write it anyway), an
 * unsigned or wrongly signed one as a repair, recorded in the audit trail (byline-property.ts).
 * A signed value whose readers' banner is there when the space's setting hides it (or missing when
 * it is shown) is written again too: that is how a change of the setting reaches pages that see no
 * approval change (docs/readers.md).
 * Each page is checked on its own: one that fails never stops the others.
 */
import { bylineSigner } from '../auth/byline-signature';
import { AS_APP } from '../confluence/http';
import { getPageProperty } from '../confluence/properties';
import { BYLINE_PROPERTY_KEY } from '../shared/byline';
import { type ContentType } from '../shared/content';
import { AppError } from '../shared/errors';
import { readersBanner } from '../domain/readers-banner';
import { getSpaceAssignments, readersBannerShown } from '../storage/assignments';
import { readBatch } from '../storage/batch-read';
import { contentTypeOf, pageRecordKey, pageRecordOf, type PageRecord, type StoredPageRecord } from '../storage/page-state';
import { type BylineUpdate, bylineOfRecord, untrackedByline, writeBylineUpdate } from './byline-effect';
import { PeopleDirectory } from './people-directory';
import { isRateLimit } from './rate-limit-wait';

export interface BylineCheckJob {
  [field: string]: unknown;
  check: 'byline';
  spaceId: string;
  /** At most 25 (one batch read of their records); `contentType` for a page the app has no record of. */
  pages: { pageId: string; contentType?: ContentType }[];
}

/** Gone, or restricted from the app: there is no byline the app could write, now or on a retry. */
const unreachable = (error: unknown): boolean => error instanceof AppError && (error.code === 'NOT_FOUND' || error.code === 'FORBIDDEN');

/** The byline update a page needs, or null when its property is the app's for its current state (or there is nothing to protect). */
async function neededUpdate(job: BylineCheckJob, page: BylineCheckJob['pages'][number], record: PageRecord | undefined, bannerShown: boolean): Promise<BylineUpdate | null> {
  const contentType = record === undefined ? (page.contentType ?? 'page') : contentTypeOf(record);
  const stored = await getPageProperty<unknown>(AS_APP, page.pageId, BYLINE_PROPERTY_KEY, contentType);
  if (stored === undefined && record === undefined) return null;
  const authentic = stored === undefined ? undefined : (await bylineSigner()).verified(page.pageId, stored.value);
  const update = record === undefined ? untrackedByline({ pageId: page.pageId, spaceId: job.spaceId, contentType }) : bylineOfRecord(record);
  const wantsBanner = bannerShown && readersBanner(update.summary, update.approval, () => '') !== undefined;
  if (authentic !== undefined && authentic.revision >= (record?.revision ?? 0) && (authentic.banner !== undefined) === wantsBanner) return null;
  return update;
}

/**
 * Checks every page of the job. A rate limit (Confluence's or storage's) stops the job at once (the
 * consumer asks the queue to come back once it allows); other failures are logged and, once every page had
 * its turn, fail the job so the queue runs it again (pages already right cost one read then).
 */
export async function runBylineCheck(job: BylineCheckJob): Promise<void> {
  const [values, settings] = await Promise.all([readBatch(job.pages.map((page) => pageRecordKey(page.pageId))), getSpaceAssignments(job.spaceId)]);
  const bannerShown = readersBannerShown(settings);
  let failed = 0;
  for (const page of job.pages) {
    try {
      const record = await pageRecordOf(values<StoredPageRecord>(pageRecordKey(page.pageId)));
      const update = await neededUpdate(job, page, record, bannerShown);
      if (update === null) continue;
      const people = new PeopleDirectory();
      await people.load(update.people);
      await writeBylineUpdate(update, people);
    } catch (error) {
      if (isRateLimit(error)) throw error;
      if (unreachable(error)) continue;
      console.error(`byline check of page ${page.pageId} failed; the job runs again`, error);
      failed += 1;
    }
  }
  if (failed > 0) throw new Error(`byline check: ${failed} of ${job.pages.length} page(s) failed`);
}
