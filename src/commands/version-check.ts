/**
 * The daily safety net for lost `updated:page` events: Forge delivers product events without a
 * guarantee, and an edit the app never heard of would leave an edited page Approved. Pages whose
 * approval an edit would change are compared, 250 at a time, with the version Confluence reports;
 * a page that moved past the version the app knows is handled as the event would have been.
 */
import { getCurrentVersions, PAGE_IDS_PER_CALL } from '../confluence/page-versions';
import { type ApprovalRequest } from '../domain/request';
import { onlyAppVersionsSince } from '../storage/app-versions';
import { getPageStates } from '../storage/page-state';
import { pageEdited } from './page-edited';

/** What one check did: pages found edited and handled, and failures (each logged where it happened). */
export interface VersionCheckResult {
  edited: number;
  failed: number;
}

/** Requests an unseen edit would change: a standing approval, or a review that restarts on edits. */
export function isWatchedForEdits(request: ApprovalRequest): boolean {
  if (request.status === 'approved') return request.outdatedByVersion === undefined;
  return request.status === 'inApproval' && request.workflow.options.onEditDuringReview === 'restart';
}

/** Collects watched pages and checks them a full Confluence call at a time. */
export class VersionCheck {
  private pending = new Set<string>();
  private readonly result: VersionCheckResult = { edited: 0, failed: 0 };

  async watch(request: ApprovalRequest): Promise<void> {
    if (!isWatchedForEdits(request)) return;
    this.pending.add(request.pageId);
    if (this.pending.size >= PAGE_IDS_PER_CALL) await this.flush();
  }

  async finish(): Promise<VersionCheckResult> {
    await this.flush();
    return { ...this.result };
  }

  private async flush(): Promise<void> {
    const pageIds = [...this.pending];
    this.pending = new Set();
    if (pageIds.length === 0) return;
    let confluence: Awaited<ReturnType<typeof getCurrentVersions>>;
    let known: Awaited<ReturnType<typeof getPageStates>>;
    try {
      [confluence, known] = await Promise.all([getCurrentVersions(pageIds), getPageStates(pageIds)]);
    } catch (error) {
      // The next run checks these pages again.
      console.error(`version check of ${pageIds.length} pages skipped`, error);
      this.result.failed += pageIds.length;
      return;
    }
    for (const pageId of pageIds) {
      const current = confluence.get(pageId);
      const knownVersion = known.get(pageId)?.currentVersion;
      if (current === undefined || knownVersion === undefined || current.number <= knownVersion) continue;
      try {
        // Versions the app made itself (a title action) carry the approval, as their self-generated trigger event does.
        const byApp = await onlyAppVersionsSince(pageId, knownVersion, current.number);
        await pageEdited({ pageId, newVersion: current.number, editorId: current.authorId, title: current.title, byApp });
        this.result.edited += 1;
      } catch (error) {
        console.error(`page ${pageId}: version ${current.number} found by the daily check could not be recorded`, error);
        this.result.failed += 1;
      }
    }
  }
}
