/** Whole-sandbox controls: back to the seed, and waiting for background work to settle. */
import { type ServerDeps } from '../deps';
import { HttpError, type Reply, jsonReply } from '../http-io';
import { type RequestContext } from '../router';

const DEFAULT_DRAIN_TIMEOUT_MS = 60_000;

/** `POST /__sandbox/reset`: demo site, storage, queue and op log as seeded, the real clock; the state file follows. */
export async function resetSandbox({ sandbox, clock }: ServerDeps): Promise<Reply> {
  sandbox.reset();
  clock.reset();
  return jsonReply(200, { reset: true });
}

function drainTimeoutOf(url: URL): number {
  const raw = url.searchParams.get('timeoutMs');
  if (raw === null) return DEFAULT_DRAIN_TIMEOUT_MS;
  const value = Number(raw);
  if (!Number.isInteger(value) || value <= 0) throw new HttpError(400, 'VALIDATION', `timeoutMs must be a positive integer of milliseconds, not '${raw}'`);
  return value;
}

/**
 * `POST /__sandbox/drain`: answers once no queued event, retry or trigger delivery is pending
 * or running. Invoke and edit never wait for that work, as on Forge; tests wait here instead.
 * A consumer that never settles gets a 504 rather than a request that hangs forever.
 */
export async function drainSandbox({ sandbox }: ServerDeps, ctx: RequestContext): Promise<Reply> {
  const timeoutMs = drainTimeoutOf(ctx.url);
  let timer: NodeJS.Timeout | undefined;
  const timedOut = new Promise<'timeout'>((resolve) => {
    timer = setTimeout(() => resolve('timeout'), timeoutMs);
  });
  try {
    const outcome = await Promise.race([sandbox.drain().then(() => 'idle' as const), timedOut]);
    if (outcome === 'timeout') throw new HttpError(504, 'DRAIN_TIMEOUT', `Background work was still running after ${timeoutMs} ms`);
    return jsonReply(200, { idle: true });
  } finally {
    clearTimeout(timer);
  }
}
