/**
 * `GET /__sandbox/queue`: what the events queue holds (pending, in flight, retries, failed) and
 * every delivery so far; `POST /__sandbox/queue/duplicate-delivery {enabled}` makes each
 * successfully processed event arrive a second time, as at-least-once delivery allows.
 */
import { z } from 'zod';
import { type ServerDeps } from '../deps';
import { type Reply, jsonReply, validateBody } from '../http-io';
import { type RequestContext } from '../router';

const duplicateSchema = z.object(
  { enabled: z.boolean({ error: 'enabled is required: true or false' }) },
  { error: 'The body must be a JSON object {enabled}' },
);

export async function getQueue({ sandbox }: ServerDeps): Promise<Reply> {
  return jsonReply(200, sandbox.queue.state());
}

export async function setDuplicateDelivery({ sandbox }: ServerDeps, ctx: RequestContext): Promise<Reply> {
  const { enabled } = validateBody(duplicateSchema, await ctx.json());
  sandbox.queue.duplicateDelivery = enabled;
  return jsonReply(200, { duplicateDelivery: enabled });
}
