import { ForgeKvsAPIError } from '@forge/kvs';

/**
 * Forge storage turned the call away for the installation's rate limits (429 `RATE_LIMIT_EXCEEDED`,
 * limits-kvs-ce): its read and write units are counted per minute, so trying again within the
 * minute is refused too.
 */
export const isStorageRateLimited = (error: unknown): boolean => error instanceof ForgeKvsAPIError && error.responseDetails.status === 429;

/** How long to wait before storage takes the work again: its units are counted per minute. */
export const STORAGE_RATE_WINDOW_SECONDS = 60;
