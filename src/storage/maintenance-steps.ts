/**
 * Which steps of a day's run have queued their work (key `maintenance-step:<day>:<pass>:<step>`).
 * A step is recorded after its push, so a step delivered again finds its record and queues
 * nothing twice: without it every redelivered step would start a second chain of steps. Keyed by
 * the run's UTC day, not its instant: a trigger retried after a push whose answer was lost starts
 * no second chain either.
 */
import { kvs } from '@forge/kvs';

/** Longer than a run takes and than the queue keeps a job (24 hours): only the cleanup relies on it. */
const STEP_TTL = { value: 7, unit: 'DAYS' } as const;

export interface DailyStep {
  run: string;
  pass: string;
  step: number;
}

const stepKey = ({ run, pass, step }: DailyStep): string => `maintenance-step:${run.slice(0, 'yyyy-mm-dd'.length)}:${pass}:${step}`;

export async function stepQueued(step: DailyStep): Promise<boolean> {
  return (await kvs.get<boolean>(stepKey(step))) === true;
}

export async function recordStepQueued(step: DailyStep): Promise<void> {
  await kvs.set(stepKey(step), true, { ttl: STEP_TTL });
}
