/**
 * The one retry policy of every optimistic write in the app (page changes, sealing the audit
 * chain, analytics rollups, workflow and space-settings saves, Confluence content properties):
 * try, and after a lost race wait a random time below a cap that doubles with each attempt
 * ("full jitter"), so writers that collided fall apart instead of colliding again in step.
 * Pure timing, no platform import, so every layer that loops may use it.
 */

/** Attempts a loop makes before it gives up: the same everywhere, except where a loop says why not. */
export const ATTEMPTS = {
  /** A storage write that lost to another writer of the same row: a handful of writers at most. */
  standard: 10,
  /**
   * A page's approval state: twenty approvers deciding at once all land within this many rounds
   * (test/adversarial/races.test.ts), each round letting at least one of them through.
   */
  pageChange: 25,
  /**
   * A person's own record of workflow edits moved on under a save: only the same person's other
   * saves race for it, so a few rounds settle it; anything else is the workflow itself changing,
   * which the editor must see rather than overwrite.
   */
  ownEdits: 3,
  /**
   * A Confluence content property answered 409: each round costs two Confluence calls, and the
   * queue runs the whole job again if the page stays this busy.
   */
  contentProperty: 3,
} as const;

const BACKOFF_BASE_MS = 15;
const BACKOFF_CAP_MS = 250;

/** The pause after the `attempt`-th lost race (1-based). */
export function backOff(attempt: number): Promise<void> {
  const ms = Math.random() * Math.min(BACKOFF_CAP_MS, BACKOFF_BASE_MS * 2 ** attempt);
  return new Promise((resolve) => setTimeout(resolve, ms));
}

/** What a try answers when another writer got there first and nothing was written. */
export const LOST_RACE = Symbol('lost race');

/**
 * Runs `attempt` until it lands, pausing after each lost race; `LOST_RACE` when all `attempts`
 * were lost. Each try re-reads what it decides from: it must not act on what an earlier try read.
 */
export async function retryLostRaces<T>(attempts: number, attempt: (n: number) => Promise<T | typeof LOST_RACE>): Promise<T | typeof LOST_RACE> {
  for (let n = 1; n <= attempts; n += 1) {
    const outcome = await attempt(n);
    if (outcome !== LOST_RACE) return outcome;
    if (n < attempts) await backOff(n);
  }
  return LOST_RACE;
}

/** A rate-limited call that named no wait: Atlassian's rate-limiting guide asks clients to back off, this long to start with. */
const BUSY_WAIT_SECONDS = 10;

/**
 * A service answered "busy, try again in `retryAfterSeconds`": waits that long if the wait ends
 * before `waitUntil` (epoch ms) and answers true; answers false at once when it would not, so the
 * caller hands its work back to the queue, which redelivers it after the wait instead.
 */
export async function waitToRetry(retryAfterSeconds: number | undefined, waitUntil: number): Promise<boolean> {
  const ms = (retryAfterSeconds ?? BUSY_WAIT_SECONDS) * 1000;
  if (Date.now() + ms > waitUntil) return false;
  await new Promise((resolve) => setTimeout(resolve, ms));
  return true;
}
