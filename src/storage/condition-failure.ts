import { ForgeKvsAPIError } from '@forge/kvs';

/**
 * A transaction refused because one of its conditions no longer held: someone else changed
 * the row first. Branch on the HTTP status, as the storage documentation advises, not on
 * the error code text.
 */
export function isConditionFailure(error: unknown): boolean {
  return error instanceof ForgeKvsAPIError && error.responseDetails.status === 409;
}
