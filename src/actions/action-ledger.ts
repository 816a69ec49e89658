/**
 * One delivery's hold on a run of actions, and the run's record as it goes (storage/action-runs.ts).
 * Queue delivery is at least once, and the platform may run two deliveries of one job at once: a
 * delivery first claims the run (a write conditioned on the record's revision), so only one of
 * them runs its actions; the other gives the job back to the queue until the holder is done or
 * can no longer be running. Each action's outcome is stored as it finishes, so a delivery that
 * stops half way (a crash, Confluence rate limiting) is resumed by the next with the rest only.
 */
import { randomUUID } from 'node:crypto';
import { ATTEMPTS, LOST_RACE, retryLostRaces } from '../shared/retry-policy';
import { actionRunKey, type ActionRunRecord, type ActionRunResult, getActionRun, saveActionRun } from '../storage/action-runs';

/** The queue delays a retry by at most this (async events: `retryAfter` up to 900 s). */
const MAX_RETRY_AFTER_SECONDS = 900;

/**
 * Another delivery of the same job holds the run and may still be running it: this one hands the
 * job back to the queue, to come again once the holder has finished or can no longer be running.
 */
export class ActionRunHeldError extends Error {
  constructor(readonly retryAfterSeconds: number) {
    super(`Another delivery is running these workflow actions; trying again in ${retryAfterSeconds} s`);
    this.name = 'ActionRunHeldError';
  }
}

export class ActionLedger {
  /** Record writes of actions finishing together (phase 2) go one after the other: each is conditioned on the last. */
  private writing: Promise<unknown> = Promise.resolve();

  private constructor(
    private readonly key: string,
    private stored: ActionRunRecord,
    private revision: number,
  ) {}

  /**
   * Claims the run for this delivery until `aliveUntil` (epoch ms: when this invocation can no
   * longer be running, so a claim it leaves behind by crashing lapses then). Null when the run is
   * finished; throws ActionRunHeldError while another delivery's claim holds.
   */
  static async claim(requestId: string, revision: number, aliveUntil: number): Promise<ActionLedger | null> {
    const key = actionRunKey(requestId, revision);
    const holder = randomUUID();
    const claimed = await retryLostRaces(ATTEMPTS.standard, async () => {
      const stored = await getActionRun(key);
      if (stored.record.finished) return null;
      const held = stored.record.claim === undefined ? 0 : Date.parse(stored.record.claim.until) - Date.now();
      if (held > 0) throw new ActionRunHeldError(Math.min(MAX_RETRY_AFTER_SECONDS, Math.ceil(held / 1000)));
      const record: ActionRunRecord = { ...stored.record, claim: { holder, until: new Date(aliveUntil).toISOString() } };
      const saved = await saveActionRun(key, record, stored.revision);
      return saved === null ? LOST_RACE : new ActionLedger(key, record, saved);
    });
    if (claimed === LOST_RACE) throw new Error(`Could not claim the workflow actions run ${key}: its record kept changing`);
    return claimed;
  }

  /** Whether the action at `index` already has its outcome (from this delivery or an earlier one). */
  finished(index: number): boolean {
    return this.stored.results.some((result) => result.index === index);
  }

  /** Every outcome so far, in the state's order of actions. */
  results(): ActionRunResult[] {
    return [...this.stored.results].sort((a, b) => a.index - b.index);
  }

  /** Stores one action's outcome before anything else runs on it. */
  async record(result: ActionRunResult): Promise<void> {
    await this.write((record) => ({ ...record, results: [...record.results.filter((known) => known.index !== result.index), result] }));
  }

  /** The history entry is written: later deliveries do nothing. */
  async finish(): Promise<void> {
    await this.write(({ results }) => ({ results, finished: true }));
  }

  /** Gives the run up unfinished, so the next delivery need not wait for the claim to lapse. */
  async release(): Promise<void> {
    await this.write(({ results }) => ({ results, finished: false }));
  }

  private write(change: (record: ActionRunRecord) => ActionRunRecord): Promise<void> {
    const next = this.writing.then(async () => {
      const record = change(this.stored);
      const saved = await saveActionRun(this.key, record, this.revision);
      // Only a delivery whose claim lapsed can lose its record: it must stop, the new holder carries on.
      if (saved === null) throw new Error(`The workflow actions run ${this.key} was taken over by another delivery`);
      this.stored = record;
      this.revision = saved;
    });
    this.writing = next.catch(() => undefined);
    return next;
  }
}
