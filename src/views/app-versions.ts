/**
 * The app's own page versions as the views see them. A "modify title" action saves a new version
 * as the app; Confluence shows it at once while the page-updated event that records it is still
 * on its way (or lost: the daily check then records it). Such versions carry the approval, so a
 * view that compares Confluence's version with the record must not call the page Outdated meanwhile.
 */
import { type ApprovalRequest } from '../domain/request';
import { transition } from '../domain/request-machine';
import { onlyAppVersionsSince } from '../storage/app-versions';
import { type PageRecord } from '../storage/page-state';

/**
 * The record as the domain will make it once the app's versions up to `confluenceVersion` are
 * recorded; the record itself when the page moved on by anyone else's hand, or did not move.
 */
export async function withAppVersions(record: PageRecord | undefined, confluenceVersion: number, now: string): Promise<PageRecord | undefined> {
  if (record === undefined || confluenceVersion <= record.currentVersion) return record;
  if (!(await onlyAppVersionsSince(record.pageId, record.currentVersion, confluenceVersion))) return record;
  const carried = (request: ApprovalRequest | null): ApprovalRequest | null => {
    if (request === null) return null;
    // The same rule the page-edited command applies to an edit by the app (domain/page-edits.ts).
    const result = transition(request, { type: 'pageEdited', newVersion: confluenceVersion, editorId: '', requestId: '', byApp: true }, now);
    return result.ok ? result.request : request;
  };
  return { ...record, currentVersion: confluenceVersion, latest: carried(record.latest), earlierApproval: carried(record.earlierApproval) };
}
