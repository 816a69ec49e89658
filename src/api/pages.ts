/**
 * A page's (or blog post's) approval over the REST API: read it and its history, submit, decide
 * and withdraw. Each route runs the byline dialog's own use case as the token's user, so the API
 * can do exactly what that person could do in the dialog; the answer says which type the id is.
 */
import { z } from 'zod';
import { decideInContext } from '../commands/decide';
import { actOnPage, getPageApproval, getPageHistoryPage } from '../views/page-approval';
import { type PageContext } from '../commands/page-context';
import { submitInContext } from '../commands/submit';
import { withdrawInContext } from '../commands/withdraw';
import { bylineContract, type AllowedActions, type PageApprovalView, type RequestView } from '../shared/contract/byline';
import { cursorSchema, type HistoryPageView } from '../shared/contract/common';
import { contentIdSchema } from '../shared/contract/ids';
import { type ContentType } from '../shared/content';
import { type OfficialVersion } from '../shared/official-version';
import { AppError } from '../shared/errors';
import { type PageStatus } from '../shared/status';
import { handOutCursor, readFrom, takeBackCursor } from '../views/list-cursor';
import { apiRoute, NO_BODY, NO_QUERY, type RouteResult } from './define';

/** A page's approval as the API answers it: the dialog's view without what only a screen needs (lozenge, byline, choices). */
export interface PageApprovalResource {
  page: { id: string; type: ContentType; title: string; spaceId: string; currentVersion: number };
  status: PageStatus;
  approvedVersion: number | null;
  officialVersion: OfficialVersion | null;
  request: RequestView | null;
  /** What the token's user may do on it now. */
  actions: AllowedActions;
}

function resource(view: PageApprovalView): PageApprovalResource {
  return { page: view.page, status: view.status, approvedVersion: view.approvedVersion, officialVersion: view.officialVersion, request: view.request, actions: view.actions };
}

const pageParams = z.object({ pageId: contentIdSchema });

/** The history's cursor is the app's token around the store's, as the dialog's (list-cursor.ts). */
const HISTORY_LIST = 'api-page-history';

function historyWithToken({ cursor, ...rest }: HistoryPageView): HistoryPageView {
  const token = handOutCursor(HISTORY_LIST, cursor);
  return token === undefined ? rest : { ...rest, cursor: token };
}

const submissionBody = z
  .object({ workflowId: bylineContract.submit.shape.workflowId, note: bylineContract.submit.shape.comment })
  .strict()
  .optional();

const decisionBody = z.discriminatedUnion(
  'decision',
  [bylineContract.approve.extend({ decision: z.literal('approve') }).strict(), bylineContract.reject.extend({ decision: z.literal('reject') }).strict()],
  { error: "decision must be 'approve' or 'reject'" },
);

const withdrawalBody = z.object({ requestId: bylineContract.withdraw.shape.requestId.optional() }).strict().optional();

/** The request a withdrawal without a requestId means: the page's running one. */
function runningRequestId(context: PageContext): string {
  const latest = context.record?.latest;
  if (latest === undefined || latest === null || latest.status !== 'inApproval') {
    throw new AppError('CONFLICT', 'This page has no request in approval to withdraw.');
  }
  return latest.id;
}

const ok = (body: unknown, status = 200): RouteResult => ({ status, body });

export const pageRoutes = [
  apiRoute({
    method: 'GET',
    path: '/pages/{pageId}/approval',
    params: pageParams,
    query: NO_QUERY,
    body: NO_BODY,
    handle: async ({ params, accountId }) => ok(resource(await getPageApproval({ accountId }, params.pageId))),
  }),
  apiRoute({
    method: 'GET',
    path: '/pages/{pageId}/approval/history',
    params: pageParams,
    query: z.object({ cursor: cursorSchema }).strict(),
    body: NO_BODY,
    handle: async ({ params, query, accountId }) => {
      const after = takeBackCursor(HISTORY_LIST, query.cursor);
      return ok(historyWithToken(await readFrom(after, () => getPageHistoryPage({ accountId }, params.pageId, after))));
    },
  }),
  apiRoute({
    method: 'POST',
    path: '/pages/{pageId}/approval/submissions',
    params: pageParams,
    body: submissionBody,
    query: NO_QUERY,
    handle: async ({ params, body, accountId }) => {
      const input = { ...(body?.workflowId === undefined ? {} : { workflowId: body.workflowId }), ...(body?.note === undefined ? {} : { comment: body.note }) };
      return ok(resource(await actOnPage({ accountId }, params.pageId, (context) => submitInContext(context, input))), 201);
    },
  }),
  apiRoute({
    method: 'POST',
    path: '/pages/{pageId}/approval/decisions',
    params: pageParams,
    body: decisionBody,
    query: NO_QUERY,
    handle: async ({ params, body, accountId }) => ok(resource(await actOnPage({ accountId }, params.pageId, (context) => decideInContext(context, body)))),
  }),
  apiRoute({
    method: 'POST',
    path: '/pages/{pageId}/approval/withdrawal',
    params: pageParams,
    body: withdrawalBody,
    query: NO_QUERY,
    handle: async ({ params, body, accountId }) =>
      ok(resource(await actOnPage({ accountId }, params.pageId, (context) => withdrawInContext(context, body?.requestId ?? runningRequestId(context))))),
  }),
];
