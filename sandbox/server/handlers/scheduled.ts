/** `POST /__sandbox/scheduled/:key/run`: a scheduled trigger runs now, as when it falls due. */
import { type ServerDeps } from '../deps';
import { HttpError, type Reply, jsonReply } from '../http-io';
import { type RequestContext } from '../router';

export async function runScheduledTrigger({ sandbox }: ServerDeps, ctx: RequestContext): Promise<Reply> {
  const key = ctx.params.key;
  const known = sandbox.manifest.scheduledTriggers.map((trigger) => trigger.key);
  if (!known.includes(key)) {
    const listed = known.length === 0 ? 'manifest.yml declares none' : `manifest.yml declares ${known.join(', ')}`;
    throw new HttpError(404, 'UNKNOWN_TRIGGER', `No scheduledTrigger '${key}'; ${listed}`);
  }
  // The run's own outcome (its statusCode, or the error it threw) is the answer: the request itself succeeded.
  const outcome = await sandbox.runScheduled(key);
  return jsonReply(200, { key, ...outcome });
}
