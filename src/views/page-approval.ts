/**
 * The byline dialog's use cases on the page it is opened on: show the page's approval, act on
 * it and get the refreshed view back, and page through the history.
 */
import { AppError } from '../shared/errors';
import { type HistoryPageView } from '../shared/contract/common';
import { bylineSigner } from '../auth/byline-signature';
import { type ActedPageView, type PageApprovalView } from '../shared/contract/byline';
import { checkBylineSeen } from '../commands/byline-seen';
import { pageHistory } from '../storage/audit';
import { namesFor } from './page-names';
import { type Actor, type CommandResult, type ContentHint, loadPageContext, type PageContext } from '../commands/page-context';
import { historyView, peopleIn, stepNamesFor } from './page-history';
import { pageApprovalView } from './page-approval-view';

const HISTORY_PAGE = 20;

/**
 * Said when the change was committed but building the answer failed (Confluence or storage busy
 * a moment later): the usual "nothing was changed" would make the person do it again.
 */
export const SAVED_NOT_SHOWN = 'Your change was saved, but its result could not be shown just now. Reload the page to see it.';

/** Runs a command on the page, then answers with the page's view as the command left it, its byline signed for the dialog to store. */
export async function actOnPage(
  actor: Actor,
  pageId: string,
  command: (context: PageContext) => Promise<CommandResult<unknown>>,
  content: ContentHint = {},
): Promise<ActedPageView> {
  // The page's properties come with it at no extra call: the view shows the official version.
  const context = await loadPageContext(actor, pageId, content, { withProperties: true });
  const { record, written } = await command(context);
  try {
    const [view, signer] = await Promise.all([pageApprovalView(context, record, new Date().toISOString(), written), bylineSigner()]);
    return { ...view, byline: signer.sign(pageId, view.byline, view.byline.revision) };
  } catch (error) {
    if (written.length === 0) throw error;
    console.error(`page ${pageId}: the change was committed, but its view could not be built`, error);
    throw new AppError('INTERNAL', SAVED_NOT_SHOWN);
  }
}

/** Also checks the byline property the page came with (no extra call): a forged one is repaired in the background. */
export async function getPageApproval(actor: Actor, pageId: string, content: ContentHint = {}): Promise<PageApprovalView> {
  const context = await loadPageContext(actor, pageId, content, { withProperties: true });
  const view = await pageApprovalView(context, context.record, new Date().toISOString());
  await checkBylineSeen(context, view.byline);
  return view;
}

/** Older history: only for someone who can view the page (Confluence is asked as the caller). */
export async function getPageHistoryPage(actor: Actor, pageId: string, cursor: string | undefined, content: ContentHint = {}): Promise<HistoryPageView> {
  const context = await loadPageContext(actor, pageId, content);
  if (!context.access.canView) throw new AppError('NOT_FOUND', "This page doesn't exist, or you don't have permission to view it.");
  const page = await pageHistory(pageId, cursor, HISTORY_PAGE);
  const [names, steps] = await Promise.all([namesFor(context.cache, pageId, peopleIn(page.rows)), stepNamesFor(page.rows, context.record?.stepNames ?? {})]);
  await context.cache.flush();
  return historyView(page, names, steps);
}
