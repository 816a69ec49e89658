/**
 * Notify: a reply on the request's approval comment (the thread the submission opened) that
 * mentions the people the action names, resolved when it runs, with the configured message.
 * Confluence e-mails the people mentioned. Groups are named in the text, not mentioned, as in the
 * approval thread itself (effects/notice-text.ts): a mention addresses one account. When the
 * approval comment is gone (deleted, or never posted), the reply becomes a new comment on the page.
 *
 * Posted once per run: a marker per run and action (storage/action-notices.ts) says whether the
 * reply went out; a run that stopped between sending and recording looks for its reply, with the
 * same words and mentions and posted after the attempt began, before sending again.
 */
import { createHash } from 'node:crypto';
import { type AdfDocument, type AdfNode, type CommentParent, commentFingerprint, listFooterComments, postFooterComment } from '../../confluence/comments';
import { AS_APP } from '../../confluence/http';
import { getPeople } from '../../confluence/people';
import { resolvePrincipals } from '../../domain/state-actions';
import { AppError } from '../../shared/errors';
import { STATUS_LABELS } from '../../shared/status';
import { listWords } from '../../shared/wording';
import { type WorkflowAction } from '../../shared/workflow';
import { getApprovalThread } from '../../storage/approval-threads';
import { getActionNotice, markActionNotice } from '../../storage/action-notices';
import { UNKNOWN_PERSON } from '../../storage/display-names';
import { type ActionExecutor, type ActionOutcome, type ActionRun } from '../action-run';
import { PAGE_REFUSALS, refusalOutcome } from './failure';

type NotifyAction = Extract<WorkflowAction, { type: 'notify' }>;

/** How far back, in pages of 100 comments, a resumed run looks for the reply it may have posted. */
const RECONCILE_PAGES = 3;
/** Confluence's clock and the app's may differ a little: a reply this much older than the attempt still counts. */
const CLOCK_SKEW_MS = 60_000;

const text = (value: string): AdfNode => ({ type: 'text', text: value });
const paragraph = (...content: AdfNode[]): AdfNode => ({ type: 'paragraph', content });

/** Tells the notify actions of one run apart: the same action configured twice is one notice. */
const actionKeyOf = (action: NotifyAction): string => createHash('sha256').update(JSON.stringify(action)).digest('base64url').slice(0, 16);

export const notify: ActionExecutor<NotifyAction> = async (run, action) => {
  const resolved = resolvePrincipals(action.recipients, run.values);
  if (resolved.accountIds.length === 0 && resolved.groups.length === 0) {
    const variables = action.recipients.flatMap((recipient) => (recipient.type === 'variable' ? [recipient.variable] : []));
    return { ok: false, message: `${variables.join(', ')} named nobody when the action ran, so no one was notified` };
  }
  const actionKey = actionKeyOf(action);
  const marker = await getActionNotice(run.requestId, run.revision, actionKey);
  if (marker?.state === 'posted') return { ok: true, message: 'the notification was already posted' };
  try {
    const people = await getPeople(resolved.accountIds);
    const document = noticeDocument(run, action, resolved.accountIds, (id) => people.get(id)?.displayName ?? UNKNOWN_PERSON, resolved.groups.map((group) => group.name));
    const thread = await getApprovalThread(run.requestId);
    const page: CommentParent = run.contentType === 'blogpost' ? { blogPostId: run.pageId } : { pageId: run.pageId };
    const parents: CommentParent[] = thread === undefined ? [page] : [{ parentCommentId: thread }, page];
    if (marker?.state === 'posting') {
      for (const parent of parents) {
        const existing = await findPosted(parent, document, marker.at);
        if (existing !== undefined) {
          await markActionNotice(run.requestId, run.revision, actionKey, { state: 'posted', commentId: existing });
          return sentOutcome(resolved.accountIds.length, parent);
        }
      }
    } else {
      await markActionNotice(run.requestId, run.revision, actionKey, { state: 'posting', at: new Date().toISOString() });
    }
    const [commentId, parent] = await postFirstReachable(parents, document);
    await markActionNotice(run.requestId, run.revision, actionKey, { state: 'posted', commentId });
    return sentOutcome(resolved.accountIds.length, parent);
  } catch (error) {
    return refusalOutcome(error, { ...PAGE_REFUSALS, forbidden: 'ApprovalFlow may not comment on the page: the space does not let it add comments' });
  }
};

/** Posts on the first parent that still exists: the thread, else the page. */
async function postFirstReachable(parents: CommentParent[], document: AdfDocument): Promise<[string, CommentParent]> {
  for (const [i, parent] of parents.entries()) {
    try {
      return [await postFooterComment(AS_APP, parent, document), parent];
    } catch (error) {
      // A deleted approval comment answers 404: the page itself is the next place to tell people.
      if (!(error instanceof AppError && error.code === 'NOT_FOUND') || i === parents.length - 1) throw error;
    }
  }
  throw new Error('no place to post the notification');
}

function sentOutcome(mentioned: number, parent: CommentParent): ActionOutcome {
  const who = mentioned === 1 ? '1 person' : `${mentioned} people`;
  const where = 'parentCommentId' in parent ? 'replied to the approval comment' : 'posted a comment on the page (its approval comment is gone)';
  return { ok: true, message: mentioned === 0 ? where : `${where}, mentioning ${who}` };
}

function noticeDocument(run: ActionRun, action: NotifyAction, accountIds: string[], displayName: (id: string) => string, groupNames: string[]): AdfDocument {
  const mentions = accountIds.flatMap((id): AdfNode[] => [{ type: 'mention', attrs: { id, text: `@${displayName(id)}` } }, text(' ')]);
  const state = STATUS_LABELS[run.state];
  return {
    type: 'doc',
    version: 1,
    content: [
      paragraph(...mentions, text(action.message)),
      ...(groupNames.length === 0 ? [] : [paragraph(text(`For the ${groupNames.length === 1 ? 'group' : 'groups'} ${listWords(groupNames, 'and')}.`))]),
      paragraph(text(`Sent by the workflow ${run.workflow.name} on entering ${state} (version ${run.pageVersion}).`)),
    ],
  };
}

/** The reply this run may have posted before it stopped: same words and mentions, posted since the attempt began. */
async function findPosted(parent: CommentParent, document: AdfDocument, since: string): Promise<string | undefined> {
  const wanted = commentFingerprint(document);
  const earliest = Date.parse(since) - CLOCK_SKEW_MS;
  let cursor: string | undefined;
  for (let page = 0; page < RECONCILE_PAGES; page += 1) {
    const listed = await listFooterComments(AS_APP, parent, cursor);
    const match = listed.comments.find((comment) => Date.parse(comment.createdAt) >= earliest && comment.document !== null && commentFingerprint(comment.document) === wanted);
    if (match !== undefined) return match.id;
    cursor = listed.cursor;
    if (cursor === undefined) return undefined;
  }
  return undefined;
}
