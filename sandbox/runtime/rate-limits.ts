/**
 * Forge's per-installation rate limits, modelled as token buckets so that an app which fans
 * work out in parallel meets the same 429s it would meet on Forge, instead of finishing in one
 * simulated instant.
 *
 * Storage (KVS, custom entities, secrets: one service), developer.atlassian.com/platform/forge/
 * limits-kvs-ce "Operation limits per installation": 1,000 requests per second; reads and writes
 * each 4,000 units per minute, a unit being 10 KB of payload rounded up (a request of 10 KB or
 * less is one unit); a transaction is one write. Over a limit the service answers 429
 * `RATE_LIMIT_EXCEEDED` (storage-reference/handling-errors-customentities, "Quota and limit
 * handling").
 *
 * Confluence, developer.atlassian.com/cloud/confluence/rate-limiting ("Points-based rate
 * limiting"): every call costs a base of 1 point, a read 1 more point per object it returns, a
 * write only the base; over the quota Confluence answers 429 with `Retry-After` in seconds. The
 * hourly quota and the per-second burst are not in the sources we have: see "undocumented"
 * in docs/sandbox-runtime.md for the figures we assume.
 */
import { jsonResponse } from './http';

export interface StorageLimits {
  requestsPerSecond: number;
  /** 10 KB units read per minute. */
  readUnitsPerMinute: number;
  /** 10 KB units written per minute. */
  writeUnitsPerMinute: number;
}

export interface ConfluenceLimits {
  pointsPerHour: number;
  requestsPerSecond: number;
}

export interface RateLimitOptions {
  storage: StorageLimits;
  confluence: ConfluenceLimits;
}

export const FORGE_RATE_LIMITS: RateLimitOptions = {
  storage: { requestsPerSecond: 1000, readUnitsPerMinute: 4000, writeUnitsPerMinute: 4000 },
  confluence: { pointsPerHour: 65_000, requestsPerSecond: 100 },
};

/** Storage requests are counted in 10 KB units, rounded up, at least one. */
export const STORAGE_UNIT_BYTES = 10 * 1024;

const SECOND = 1000;
const MINUTE = 60 * SECOND;
const HOUR = 60 * MINUTE;

const READ_OPERATIONS = new Set(['get', 'query', 'batch/get']);

export const storageUnits = (bytes: number): number => Math.max(1, Math.ceil(bytes / STORAGE_UNIT_BYTES));

/**
 * A bucket that holds up to `capacity` tokens and refills evenly over `periodMs`. A cost taken
 * after the fact (a read's size is known only from its answer) may drive it below zero: then
 * nothing more is admitted until the refill has paid the debt.
 */
export class TokenBucket {
  private tokens: number;
  private at: number | undefined;

  constructor(
    private readonly capacity: number,
    private readonly periodMs: number,
  ) {
    this.tokens = capacity;
  }

  private refill(now: number): void {
    if (this.at !== undefined && now > this.at) this.tokens = Math.min(this.capacity, this.tokens + ((now - this.at) * this.capacity) / this.periodMs);
    if (this.at === undefined || now > this.at) this.at = now;
  }

  /**
   * Milliseconds until `cost` tokens could be taken (0: now). A caller whose clock is behind the
   * bucket's (its invocation began before another one charged the bucket at a later simulated
   * time) waits for the bucket's time as well: only then does the refill it waits for begin.
   */
  waitFor(cost: number, now: number): number {
    this.refill(now);
    const missing = Math.min(cost, this.capacity) - this.tokens;
    if (missing <= 0) return 0;
    const behind = this.at !== undefined && this.at > now ? this.at - now : 0;
    return behind + Math.ceil((missing * this.periodMs) / this.capacity);
  }

  take(cost: number, now: number): void {
    this.refill(now);
    this.tokens -= cost;
  }
}

export type LimitedService = 'storage' | 'confluence';

export interface LimitedCall {
  service: LimitedService;
  /** Storage operation (`get`, `transaction`…) or the HTTP method for Confluence. */
  operation: string;
  requestBytes: number;
}

/** Which limit refused a call, and when the caller may try again. */
export interface RateLimitRefusal {
  limit: string;
  retryAfterMs: number;
}

/** Objects a Confluence answer carries: the items of a list, or the one object it returns. */
function confluenceObjects(body: string): number {
  try {
    const parsed: unknown = JSON.parse(body);
    if (typeof parsed === 'object' && parsed !== null && 'results' in parsed && Array.isArray(parsed.results)) return parsed.results.length;
    return 1;
  } catch {
    return 0;
  }
}

/** One installation's buckets. Time is the platform's simulated clock, in milliseconds. */
export class RateLimiter {
  private readonly storageRequests: TokenBucket;
  private readonly storageReads: TokenBucket;
  private readonly storageWrites: TokenBucket;
  private readonly confluenceRequests: TokenBucket;
  private readonly confluencePoints: TokenBucket;
  private refused = 0;

  constructor(readonly limits: RateLimitOptions) {
    this.storageRequests = new TokenBucket(limits.storage.requestsPerSecond, SECOND);
    this.storageReads = new TokenBucket(limits.storage.readUnitsPerMinute, MINUTE);
    this.storageWrites = new TokenBucket(limits.storage.writeUnitsPerMinute, MINUTE);
    this.confluenceRequests = new TokenBucket(limits.confluence.requestsPerSecond, SECOND);
    this.confluencePoints = new TokenBucket(limits.confluence.pointsPerHour, HOUR);
  }

  /** Calls refused so far: a bench reports it, a test asserts a fan-out stayed under the limits. */
  get refusals(): number {
    return this.refused;
  }

  /**
   * Admits the call (taking what is known of its cost now) or says which limit refuses it. A
   * refused call takes nothing: the service turned it away before doing any work.
   */
  admit(call: LimitedCall, now: number): RateLimitRefusal | undefined {
    const checks: Array<[string, TokenBucket, number]> =
      call.service === 'storage'
        ? READ_OPERATIONS.has(call.operation)
          ? [
              ['storage requests per second', this.storageRequests, 1],
              ['storage read units per minute', this.storageReads, 1],
            ]
          : [
              ['storage requests per second', this.storageRequests, 1],
              ['storage write units per minute', this.storageWrites, storageUnits(call.requestBytes)],
            ]
        : [
            ['Confluence requests per second', this.confluenceRequests, 1],
            ['Confluence points per hour', this.confluencePoints, 1],
          ];
    for (const [limit, bucket, cost] of checks) {
      const retryAfterMs = bucket.waitFor(cost, now);
      if (retryAfterMs > 0) {
        this.refused += 1;
        return { limit, retryAfterMs };
      }
    }
    for (const [, bucket, cost] of checks) bucket.take(cost, now);
    return undefined;
  }

  /** Charges what only the answer tells: a storage read's size beyond its first unit, a Confluence read's objects. */
  settle(call: LimitedCall, status: number, responseBody: string, now: number): void {
    if (status >= 400) return;
    if (call.service === 'storage') {
      if (READ_OPERATIONS.has(call.operation)) this.storageReads.take(storageUnits(Buffer.byteLength(responseBody, 'utf8')) - 1, now);
      return;
    }
    if (call.operation === 'GET') this.confluencePoints.take(confluenceObjects(responseBody), now);
  }
}

/** The storage service's refusal (429 `RATE_LIMIT_EXCEEDED`), which `@forge/kvs` raises as a ForgeKvsAPIError. */
export function storageRateLimited(refusal: RateLimitRefusal): Response {
  return jsonResponse(429, { code: 'RATE_LIMIT_EXCEEDED', message: `Rate limit exceeded: ${refusal.limit}` });
}

/** Confluence's refusal: 429 with `Retry-After` in whole seconds. */
export function confluenceRateLimited(refusal: RateLimitRefusal): Response {
  const retryAfter = Math.max(1, Math.ceil(refusal.retryAfterMs / SECOND));
  return jsonResponse(
    429,
    { errors: [{ status: 429, code: 'TOO_MANY_REQUESTS', title: 'Too Many Requests', detail: `Rate limit exceeded: ${refusal.limit}` }] },
    { 'retry-after': String(retryAfter) },
  );
}
