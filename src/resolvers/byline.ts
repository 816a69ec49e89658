/**
 * The byline dialog's resolver (module `approval-byline`). The page is always the one in the
 * invocation context; every function answers with the page's refreshed view for the caller.
 */
import { type Invocation } from '../auth/invocation';
import { decideInContext } from '../commands/decide';
import { overrideInContext } from '../commands/override';
import { actOnPage, getPageApproval, getPageHistoryPage } from '../views/page-approval';
import { type ContentHint } from '../commands/page-context';
import { submitInContext } from '../commands/submit';
import { withdrawInContext } from '../commands/withdraw';
import { changesSinceApproval } from '../views/what-changed';
import { bylineContract, type PageApprovalView } from '../shared/contract/byline';
import { type HistoryPageView } from '../shared/contract/common';
import { AppError } from '../shared/errors';
import { resolverDefinitions, resolverSpec } from './define';
import { handOutCursor, readFrom, takeBackCursor } from '../views/list-cursor';

/** The page or blog post, its type and whether it is a live doc: all from the invocation context. */
function pageOf(invocation: Invocation): { actor: { accountId: string; spaceId?: string }; pageId: string; content: ContentHint } {
  if (invocation.contentId === undefined) throw new AppError('VALIDATION', 'Open the approval dialog from a page or blog post.');
  return {
    actor: { accountId: invocation.accountId, spaceId: invocation.spaceId },
    pageId: invocation.contentId,
    content: { type: invocation.contentType, liveDoc: invocation.liveDoc },
  };
}

/** The history's cursor the screen gets is the app's token (list-cursor.ts), wherever the history appears. */
const HISTORY_LIST = 'page-history';

function withHistoryToken(history: HistoryPageView): HistoryPageView {
  const { cursor, ...rest } = history;
  const token = handOutCursor(HISTORY_LIST, cursor);
  return token === undefined ? rest : { ...rest, cursor: token };
}

async function viewWithToken(view: Promise<PageApprovalView>): Promise<PageApprovalView> {
  const shown = await view;
  return { ...shown, history: withHistoryToken(shown.history) };
}

export const bylineSpecs = {
  getPageApproval: resolverSpec(bylineContract.getPageApproval, async (_input, invocation) => {
    const { actor, pageId, content } = pageOf(invocation);
    return viewWithToken(getPageApproval(actor, pageId, content));
  }),
  submit: resolverSpec(bylineContract.submit, async (input, invocation) => {
    const { actor, pageId, content } = pageOf(invocation);
    return viewWithToken(actOnPage(actor, pageId, (context) => submitInContext(context, input), content));
  }),
  approve: resolverSpec(bylineContract.approve, async (input, invocation) => {
    const { actor, pageId, content } = pageOf(invocation);
    return viewWithToken(actOnPage(actor, pageId, (context) => decideInContext(context, { ...input, decision: 'approve' }), content));
  }),
  reject: resolverSpec(bylineContract.reject, async (input, invocation) => {
    const { actor, pageId, content } = pageOf(invocation);
    return viewWithToken(actOnPage(actor, pageId, (context) => decideInContext(context, { ...input, decision: 'reject' }), content));
  }),
  withdraw: resolverSpec(bylineContract.withdraw, async (input, invocation) => {
    const { actor, pageId, content } = pageOf(invocation);
    return viewWithToken(actOnPage(actor, pageId, (context) => withdrawInContext(context, input.requestId), content));
  }),
  override: resolverSpec(bylineContract.override, async (input, invocation) => {
    const { actor, pageId, content } = pageOf(invocation);
    return viewWithToken(actOnPage(actor, pageId, (context) => overrideInContext(context, input), content));
  }),
  getPageHistory: resolverSpec(bylineContract.getPageHistory, async (input, invocation) => {
    const { actor, pageId, content } = pageOf(invocation);
    const after = takeBackCursor(HISTORY_LIST, input.cursor);
    return withHistoryToken(await readFrom(after, () => getPageHistoryPage(actor, pageId, after, content)));
  }),
  getChangesSinceApproval: resolverSpec(bylineContract.getChangesSinceApproval, async (_input, invocation) => {
    const { pageId, content } = pageOf(invocation);
    return changesSinceApproval(pageId, content);
  }),
};

export const bylineResolver = resolverDefinitions(bylineSpecs);
