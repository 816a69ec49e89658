/**
 * How far a space's effects have run (key `effects-done:<spaceId>`): every entry of the space's
 * audit chain up to this seq has had its effects. Effects jobs run one at a time per space (the
 * queue's concurrency key), so this row has one writer at a time; a job moves it only after the
 * effects of every entry up to the new seq finished, so an entry at or below it never needs its
 * own job again. A space without the row (effects that ran before it was kept) starts from the
 * entries of the next job.
 */
import { kvs } from '@forge/kvs';

const progressKey = (spaceId: string): string => `effects-done:${spaceId}`;

interface EffectsProgress {
  seq: number;
}

export async function effectsDoneUpTo(spaceId: string): Promise<number | undefined> {
  return (await kvs.get<EffectsProgress>(progressKey(spaceId)))?.seq;
}

export async function recordEffectsDone(spaceId: string, seq: number): Promise<void> {
  await kvs.set<EffectsProgress>(progressKey(spaceId), { seq });
}
