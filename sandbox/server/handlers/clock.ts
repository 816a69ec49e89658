/**
 * `GET /__sandbox/clock` and `POST /__sandbox/clock {advanceMs}`: time as the app sees it, moved
 * forward on request (an approval's validity, a step's due date, a KVS TTL). The queue clock
 * moves with it, so delayed events and retries that fall due start at once.
 */
import { z } from 'zod';
import { type ServerDeps } from '../deps';
import { type Reply, jsonReply, validateBody } from '../http-io';
import { type RequestContext } from '../router';

const YEAR_MS = 366 * 24 * 60 * 60 * 1000;

const advanceSchema = z.object(
  {
    advanceMs: z
      .number({ error: 'advanceMs is required: milliseconds to move the clock forward' })
      .int('advanceMs must be a whole number of milliseconds')
      .positive('advanceMs must be positive: the clock only moves forward')
      .max(YEAR_MS, 'advanceMs must be at most a year'),
  },
  { error: 'The body must be a JSON object {advanceMs}' },
);

function clockView({ sandbox, clock }: ServerDeps): Reply {
  return jsonReply(200, { now: clock.now().toISOString(), offsetMs: clock.offsetMs, queueClockSeconds: sandbox.queue.now() });
}

export async function getClock(deps: ServerDeps): Promise<Reply> {
  return clockView(deps);
}

export async function advanceClock(deps: ServerDeps, ctx: RequestContext): Promise<Reply> {
  const { advanceMs } = validateBody(advanceSchema, await ctx.json());
  deps.clock.advance(advanceMs);
  deps.sandbox.queue.advance(advanceMs / 1000);
  return clockView(deps);
}
