/**
 * Posting the approval thread's comments, each exactly once although jobs run at least once.
 *
 * Per audit entry a marker records the notice: `posting` before the comment is sent, `posted`
 * (with the comment id) after. A marker `posted` means done. A marker `posting` means an earlier
 * attempt stopped between sending and recording, so the comment may exist: the retry looks for
 * it in the thread (same words, same mentions) before sending again. That closes the crash
 * window. What remains: a comment Confluence accepted but did not list yet when the retry
 * looked (a queue retry comes seconds to minutes later), or a person renamed between the two
 * attempts (the words then differ); either costs one duplicate comment, never a lost one.
 *
 * The thread's root comment id is kept per request (no expiry: an approval can expire a year
 * later and still reply). A reply whose thread is missing (its submission job failed and has not
 * been retried yet) starts the thread itself from the request's submission entry, which then
 * counts as notified; replies never go unthreaded.
 */
import { kvs } from '@forge/kvs';
import { type AdfDocument, type CommentParent, commentFingerprint, listFooterComments, postFooterComment } from '../confluence/comments';
import { AS_APP } from '../confluence/http';
import { AppError } from '../shared/errors';
import { mapWithConcurrency } from '../shared/parallel';
import { threadKey, type ThreadRecord } from '../storage/approval-threads';
import { type AuditEntry, getAuditEntries } from '../storage/audit';
import { BATCH_LIMIT, readBatch, type StoredKey } from '../storage/batch-read';
import { type ChangeSizeLookup } from '../storage/change-sizes';
import { contentTypeOf, getPageRecord } from '../storage/page-state';
import { type NoticeDraft, noticeFor, type RequestLookup } from './notice-text';
import { type PeopleDirectory } from './people-directory';

/** `gone`: the page or its thread was deleted, so there is nobody left to tell. */
type NoticeMarker = { state: 'posting'; at: string } | { state: 'posted'; commentId: string } | { state: 'gone' };

/** Threads replied to side by side: one Confluence post each at a time, about 50 calls a second, under Confluence's 100 a second (the bench's model). */
const PARALLEL_THREADS = 8;
/** Markers only have to outlive redelivery: the queue retries a job for 24 hours. */
const MARKER_TTL = { value: 30, unit: 'DAYS' } as const;
/** How far back a retry looks for the comment it may have posted. */
const RECONCILE_PAGES = 5;

const markerKey = (auditKey: string): string => `notice:${auditKey}`;
/** A request's first event (revision 1) is its submission, stored under `${requestId}:1`. */
const submissionKey = (requestId: string): string => `${requestId}:1`;

/** A thread starts on the page or blog post itself: which one, its stored record says. */
async function threadStartOn(pageId: string): Promise<CommentParent> {
  const record = await getPageRecord(pageId);
  return record !== undefined && contentTypeOf(record) === 'blogpost' ? { blogPostId: pageId } : { pageId };
}

export interface PendingNotice {
  auditKey: string;
  pageId: string;
  draft: NoticeDraft;
}

/** What one job knows of markers and threads: read once up front, kept current as it posts. */
class NoticeLedger {
  readonly markers = new Map<string, NoticeMarker>();
  readonly threads = new Map<string, string>();

  async load(auditKeys: string[], requestIds: string[]): Promise<void> {
    const items: StoredKey[] = [...auditKeys.map((key) => ({ key: markerKey(key) })), ...requestIds.map((id) => ({ key: threadKey(id) }))];
    for (let i = 0; i < items.length; i += BATCH_LIMIT) {
      const values = await readBatch(items.slice(i, i + BATCH_LIMIT));
      for (const key of auditKeys) {
        const marker = values<NoticeMarker>({ key: markerKey(key) });
        if (marker !== undefined) this.markers.set(key, marker);
      }
      for (const id of requestIds) {
        const thread = values<ThreadRecord>({ key: threadKey(id) });
        if (thread !== undefined) this.threads.set(id, thread.commentId);
      }
    }
  }

  async markPosting(auditKey: string): Promise<void> {
    const marker: NoticeMarker = { state: 'posting', at: new Date().toISOString() };
    await kvs.set(markerKey(auditKey), marker, { ttl: MARKER_TTL });
    this.markers.set(auditKey, marker);
  }

  async markGone(auditKey: string): Promise<void> {
    const marker: NoticeMarker = { state: 'gone' };
    await kvs.set(markerKey(auditKey), marker, { ttl: MARKER_TTL });
    this.markers.set(auditKey, marker);
  }

  /** The marker and, for a thread's root, the thread record: together or not at all. */
  async markPosted(notice: PendingNotice, commentId: string): Promise<void> {
    const marker: NoticeMarker = { state: 'posted', commentId };
    let transaction = kvs.transact().set(markerKey(notice.auditKey), marker, undefined, { ttl: MARKER_TTL });
    if (notice.draft.startsThread) transaction = transaction.set<ThreadRecord>(threadKey(notice.draft.requestId), { commentId });
    await transaction.execute();
    this.markers.set(notice.auditKey, marker);
    if (notice.draft.startsThread) this.threads.set(notice.draft.requestId, commentId);
  }
}

/** A comment with these exact words among the newest of the thread (or of the page's root comments). */
async function findPosted(parent: CommentParent, document: AdfDocument): Promise<string | undefined> {
  const wanted = commentFingerprint(document);
  let cursor: string | undefined;
  for (let page = 0; page < RECONCILE_PAGES; page += 1) {
    const listed = await listFooterComments(AS_APP, parent, cursor);
    const match = listed.comments.find((comment) => comment.document !== null && commentFingerprint(comment.document) === wanted);
    if (match !== undefined) return match.id;
    cursor = listed.cursor;
    if (cursor === undefined) return undefined;
  }
  return undefined;
}

class NoticeSender {
  private readonly ledger = new NoticeLedger();

  constructor(
    private readonly requests: RequestLookup,
    private readonly people: PeopleDirectory,
    private readonly sizes: ChangeSizeLookup,
  ) {}

  async sendAll(notices: PendingNotice[]): Promise<void> {
    await this.ledger.load(
      notices.map((notice) => notice.auditKey),
      [...new Set(notices.map((notice) => notice.draft.requestId))],
    );
    await this.people.load(notices.flatMap((notice) => notice.draft.people));
    // Each request's notices in order, in its own thread; different threads side by side.
    const byRequest = new Map<string, PendingNotice[]>();
    for (const notice of notices) byRequest.set(notice.draft.requestId, [...(byRequest.get(notice.draft.requestId) ?? []), notice]);
    await mapWithConcurrency([...byRequest.values()], PARALLEL_THREADS, async (thread) => {
      for (const notice of thread) await this.send(notice);
    });
  }

  private async send(notice: PendingNotice): Promise<void> {
    const marker = this.ledger.markers.get(notice.auditKey);
    if (marker?.state === 'posted' || marker?.state === 'gone') return;
    const thread = notice.draft.startsThread ? undefined : await this.threadOf(notice);
    if (thread === null) {
      // The submission comment could not be posted (page deleted, or restricted from the app):
      // there is no thread to reply in.
      await this.ledger.markGone(notice.auditKey);
      return;
    }
    const parent: CommentParent = thread === undefined ? await threadStartOn(notice.pageId) : { parentCommentId: thread };
    const document = notice.draft.render(this.people.displayName);
    if (marker?.state === 'posting') {
      const existing = await findPosted(parent, document);
      if (existing !== undefined) {
        await this.ledger.markPosted(notice, existing);
        return;
      }
    } else {
      await this.ledger.markPosting(notice.auditKey);
    }
    let commentId: string;
    try {
      commentId = await postFooterComment(AS_APP, parent, document);
    } catch (error) {
      // The page (or the thread's comment) was deleted, or view restrictions leave the app out
      // (Confluence answers both with 404): retrying for a day would change nothing.
      if (!(error instanceof AppError && error.code === 'NOT_FOUND')) throw error;
      console.warn(`notice for ${notice.auditKey} not posted: the page or its approval thread no longer exists, or its restrictions do not include ApprovalFlow`);
      await this.ledger.markGone(notice.auditKey);
      return;
    }
    await this.ledger.markPosted(notice, commentId);
  }

  /**
   * The request's thread, started from its submission entry when no job has started it yet;
   * null when the submission's comment is gone for good.
   */
  private async threadOf(notice: PendingNotice): Promise<string | null> {
    const { requestId } = notice.draft;
    const known = this.ledger.threads.get(requestId);
    if (known !== undefined) return known;
    const [submission] = await getAuditEntries([submissionKey(requestId)]);
    const root = submission === undefined ? null : noticeFor(submission, this.requests, this.sizes);
    if (submission === undefined || root === null || !root.startsThread) {
      throw new Error(`Request ${requestId} has no submission entry to start its approval thread from`);
    }
    await this.ledger.load([submission.key], []);
    await this.people.load(root.people);
    await this.send({ auditKey: submission.key, pageId: submission.row.pageId, draft: root });
    if (this.ledger.markers.get(submission.key)?.state === 'gone') return null;
    const started = this.ledger.threads.get(requestId);
    if (started === undefined) throw new Error(`The approval thread of request ${requestId} could not be started`);
    return started;
  }
}

/** The notices the job's entries call for, in chain order. */
export function planNotifications(entries: AuditEntry[], requests: RequestLookup, sizes: ChangeSizeLookup = new Map()): PendingNotice[] {
  return entries.flatMap((entry): PendingNotice[] => {
    const draft = noticeFor(entry, requests, sizes);
    return draft === null ? [] : [{ auditKey: entry.key, pageId: entry.row.pageId, draft }];
  });
}

/**
 * Posts the planned notices in order, each once. `requests` holds the entries' requests as
 * stored now (names of steps, the author). Throws when Confluence or storage fails; the retry
 * then posts only what is still missing.
 */
export async function sendNotifications(notices: PendingNotice[], requests: RequestLookup, people: PeopleDirectory, sizes: ChangeSizeLookup = new Map()): Promise<void> {
  if (notices.length === 0) return;
  await new NoticeSender(requests, people, sizes).sendAll(notices);
}
