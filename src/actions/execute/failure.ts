/**
 * How an executor answers when Confluence refuses: a refusal that a retry cannot change becomes
 * an outcome a space admin can act on; anything else is thrown. A 429 (ConfluenceBusyError) must
 * reach the runner, which waits for Retry-After and runs the action again; a 5xx or a network
 * failure is worth the queue's retry too.
 */
import { ConfluenceBusyError } from '../../confluence/http';
import { AppError } from '../../shared/errors';
import { type ActionOutcome } from '../action-run';

/** What a refusal means for this action, by the code Confluence's status maps to (confluence/http.ts). */
export interface RefusalMessages {
  /** 404: the content is gone, or view restrictions leave the app out (Confluence answers both alike). */
  notFound: string;
  /** 403: edit restrictions or space permissions leave the app out. */
  forbidden: string;
  /** 400: Confluence rejected the input (a group deleted, a title taken); Confluence's reason follows. */
  rejected?: string;
}

const PAGE_GONE = 'the page was deleted, or its view restrictions leave ApprovalFlow out';
const APP_BARRED = "ApprovalFlow may not edit the page: its edit restrictions or the space's permissions leave the app out";

/** The refusals most actions share: the page is gone, or the app may not change it. */
export const PAGE_REFUSALS: RefusalMessages = { notFound: PAGE_GONE, forbidden: APP_BARRED };

/** The outcome for a permanent refusal; rethrows what a retry may cure. */
export function refusalOutcome(error: unknown, messages: RefusalMessages): ActionOutcome {
  if (error instanceof ConfluenceBusyError || !(error instanceof AppError)) throw error;
  const detail = confluenceDetail(error);
  switch (error.code) {
    case 'NOT_FOUND':
      return { ok: false, message: messages.notFound };
    case 'FORBIDDEN':
      return { ok: false, message: messages.forbidden };
    case 'VALIDATION':
      return { ok: false, message: `${messages.rejected ?? 'Confluence rejected the change'}${detail === '' ? '' : `: ${detail}`}` };
    default:
      throw error;
  }
}

/** Confluence's own words about a 400 (its `message`), short enough for a history entry. */
function confluenceDetail(error: AppError): string {
  const details = error.details as { confluence?: unknown } | undefined;
  if (typeof details?.confluence !== 'string' || details.confluence === '') return '';
  try {
    const parsed = JSON.parse(details.confluence) as { message?: unknown; errors?: { title?: unknown }[] };
    const message = typeof parsed.message === 'string' ? parsed.message : parsed.errors?.[0]?.title;
    return typeof message === 'string' ? message.slice(0, 200) : '';
  } catch {
    return details.confluence.slice(0, 200);
  }
}
