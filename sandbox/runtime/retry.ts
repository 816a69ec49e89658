import { isRecord } from './types';

/** What a consumer or trigger asked for by returning `new InvocationError(...)` from @forge/events. */
export interface RetryRequest {
  retryAfterSeconds: number;
  retryReason: string;
  retryData: unknown;
}

export const MAX_RETRY_AFTER_SECONDS = 900;

/** `InvocationError` serialises to `{_retry: true, retryOptions}` (see @forge/events invocationError.js). */
export function retryRequestOf(value: unknown): RetryRequest | undefined {
  if (!isRecord(value) || value._retry !== true) return undefined;
  const options = isRecord(value.retryOptions) ? value.retryOptions : {};
  const after = typeof options.retryAfter === 'number' && options.retryAfter > 0 ? options.retryAfter : 1;
  return {
    retryAfterSeconds: Math.min(after, MAX_RETRY_AFTER_SECONDS),
    retryReason: typeof options.retryReason === 'string' ? options.retryReason : 'FUNCTION_RETRY_REQUEST',
    retryData: options.retryData,
  };
}

/** Exponential backoff for failed deliveries, "reaching up to approximately 15 minutes". */
export function backoffSeconds(retryCount: number): number {
  return Math.min(2 ** retryCount, MAX_RETRY_AFTER_SECONDS);
}
