/**
 * Sizing a submission against the page's earlier approval, once: the effects job of a
 * `request.submitted` event reads both versions' bodies as the app and stores the counts for the
 * approval comment and the queue. A redelivered job finds the row and leaves it, so the comment
 * it may render again says the same words.
 */
import { AS_APP } from '../confluence/http';
import { compareVersions } from '../confluence/version-changes';
import { type DomainEvent } from '../domain/events';
import { AppError } from '../shared/errors';
import { type ChangeSize, getChangeSizes, saveChangeSize } from '../storage/change-sizes';
import { contentTypeOf, getPageRecord } from '../storage/page-state';

/** The size to store for a submission, or null when the page had no approval before it. */
async function sizeOf(event: DomainEvent): Promise<ChangeSize | null> {
  const record = await getPageRecord(event.pageId);
  const request = record?.latest?.id === event.requestId ? record.latest : null;
  // Only while the submission is still the page's latest is its earlier approval the record's.
  const approval = record?.earlierApproval?.status === 'approved' ? record.earlierApproval : null;
  if (record === undefined || request === null || approval === null || approval.coveredVersion >= request.pageVersion) return null;
  const versions = { from: approval.coveredVersion, to: request.pageVersion };
  try {
    const changes = await compareVersions(AS_APP, event.pageId, contentTypeOf(record), versions);
    return { fromVersion: versions.from, toVersion: versions.to, counts: changes.counts };
  } catch (error) {
    // Restricted from the app or deleted: the comment and the queue then say nothing of size.
    if (!(error instanceof AppError && (error.code === 'NOT_FOUND' || error.code === 'FORBIDDEN'))) throw error;
    return { fromVersion: versions.from, toVersion: versions.to, counts: null };
  }
}

/** Stores the sizes of the job's submissions not sized yet; returns every stored size of these requests. */
export async function recordChangeSizes(events: readonly DomainEvent[], requestIds: readonly string[]): Promise<Map<string, ChangeSize>> {
  const sizes = await getChangeSizes(requestIds);
  for (const event of events) {
    if (event.type !== 'request.submitted' || sizes.has(event.requestId)) continue;
    const size = await sizeOf(event);
    if (size === null) continue;
    await saveChangeSize(event.requestId, size);
    sizes.set(event.requestId, size);
  }
  return sizes;
}
