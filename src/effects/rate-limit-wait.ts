/**
 * How long a queue job the installation's rate limits turned away waits before its next delivery
 * (the job returns an `InvocationError` with `retryAfter`, as the async events docs describe,
 * rather than failing into the platform's own backoff). Confluence says how long in `Retry-After`;
 * without it the wait doubles with each attempt. Storage counts its units per minute, so the job
 * comes back after the minute.
 */
import { ConfluenceBusyError } from '../confluence/http';
import { isStorageRateLimited, STORAGE_RATE_WINDOW_SECONDS } from '../storage/rate-limited';

/** Without a service's own wait: 10, 20, 40, 80 s… over a job's retries (the queue caps a delay at 900 s). */
export const retryBackoffSeconds = (retryCount: number): number => Math.min(900, 10 * 2 ** retryCount);

/** Seconds to wait, or undefined when the error is not a rate limit. */
export function rateLimitWait(error: unknown, retryCount: number): number | undefined {
  if (error instanceof ConfluenceBusyError) return error.retryAfterSeconds ?? retryBackoffSeconds(retryCount);
  return isStorageRateLimited(error) ? STORAGE_RATE_WINDOW_SECONDS : undefined;
}

/** A rate limit stops the whole job at once: every further call would be turned away too. */
export const isRateLimit = (error: unknown): boolean => rateLimitWait(error, 0) !== undefined;
