/**
 * Whether a failed event handler should ask Forge to deliver the event again. Only failures that
 * a later attempt can cure are retried: Confluence or storage being busy or down, a request that
 * timed out, a page too contended to commit. Anything else (a page gone, bad data) fails the same
 * way every time, so it is logged and dropped.
 */
import { InvocationErrorCode } from '@forge/events';
import { ForgeKvsAPIError } from '@forge/kvs';
import { ConfluenceBusyError } from '../confluence/http';
import { retryBackoffSeconds } from '../effects/rate-limit-wait';
import { AppError } from '../shared/errors';

export interface RetryAdvice {
  retryAfter: number;
  retryReason: InvocationErrorCode;
  why: string;
}

const isServerFailure = (status: unknown): boolean => typeof status === 'number' && (status === 429 || status >= 500);

function statusOf(details: unknown): unknown {
  return typeof details === 'object' && details !== null && 'status' in details ? details.status : undefined;
}

/** undici's network error: no answer in time, or no connection at all. */
function isNetworkFailure(error: unknown): boolean {
  return error instanceof TypeError && error.message === 'fetch failed';
}

export function retryAdviceFor(error: unknown, retryCount: number): RetryAdvice | undefined {
  const later = retryBackoffSeconds(retryCount);
  if (error instanceof ConfluenceBusyError) {
    return { retryAfter: error.retryAfterSeconds ?? later, retryReason: InvocationErrorCode.FUNCTION_UPSTREAM_RATE_LIMITED, why: 'Confluence is rate limiting the app' };
  }
  if (error instanceof AppError) {
    const status = statusOf(error.details);
    if (isServerFailure(status)) return { retryAfter: later, retryReason: InvocationErrorCode.FUNCTION_RETRY_REQUEST, why: `Confluence answered ${String(status)}` };
    // A conflict without an HTTP status is the commit loop giving up on a page many people change at once.
    if (error.code === 'CONFLICT' && status === undefined) return { retryAfter: later, retryReason: InvocationErrorCode.FUNCTION_RETRY_REQUEST, why: 'the page was too busy to commit' };
    return undefined;
  }
  if (error instanceof ForgeKvsAPIError && isServerFailure(error.responseDetails.status)) {
    const limited = error.responseDetails.status === 429;
    return {
      retryAfter: later,
      retryReason: limited ? InvocationErrorCode.FUNCTION_UPSTREAM_RATE_LIMITED : InvocationErrorCode.FUNCTION_RETRY_REQUEST,
      why: `storage answered ${error.responseDetails.status}`,
    };
  }
  if (isNetworkFailure(error)) return { retryAfter: later, retryReason: InvocationErrorCode.FUNCTION_RETRY_REQUEST, why: 'a request timed out' };
  return undefined;
}
