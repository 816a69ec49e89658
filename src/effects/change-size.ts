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
import { getSubmittedLabels, saveSubmittedLabels } from '../storage/submitted-labels';
import { getLabelNames } from '../confluence/labels';
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

/**
 * Records the page's labels for each submission of the job, once: the approved version's labels,
 * should this submission be approved, for a later "What changed". Restricted from the app: none.
 */
export async function recordSubmittedLabels(events: readonly DomainEvent[]): Promise<void> {
  for (const event of events) {
    if (event.type !== 'request.submitted' || (await getSubmittedLabels(event.requestId)) !== undefined) continue;
    const record = await getPageRecord(event.pageId);
    try {
      await saveSubmittedLabels(event.requestId, await getLabelNames(AS_APP, event.pageId, record === undefined ? 'page' : contentTypeOf(record)));
    } catch (error) {
      if (!(error instanceof AppError && (error.code === 'NOT_FOUND' || error.code === 'FORBIDDEN'))) throw error;
    }
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
