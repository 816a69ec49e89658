/**
 * `POST /__sandbox/faults {target, count?, status?, timeout?, retryAfterSeconds?}` arms failures
 * of the next calls to a platform service; `DELETE /__sandbox/faults` disarms them all.
 */
import { z } from 'zod';
import { type ServerDeps } from '../deps';
import { type Reply, jsonReply, validateBody } from '../http-io';
import { type RequestContext } from '../router';

const TARGETS = ['confluence', 'kvs', 'entity', 'storage', 'queue'] as const;

const faultSchema = z
  .object(
    {
      target: z.enum(TARGETS, { error: `target must be one of ${TARGETS.join(', ')}` }),
      count: z.number().int('count must be a whole number').min(1, 'count must be at least 1').max(10_000, 'count must be at most 10000').default(1),
      status: z.union([z.literal(429), z.literal(500), z.literal(503)], { error: 'status must be 429, 500 or 503' }).optional(),
      timeout: z.boolean({ error: 'timeout must be true or false' }).optional(),
      retryAfterSeconds: z.number().int('retryAfterSeconds must be a whole number').min(1, 'retryAfterSeconds must be at least 1').max(3600, 'retryAfterSeconds must be at most 3600').optional(),
    },
    { error: 'The body must be a JSON object {target, count?, status?, timeout?, retryAfterSeconds?}' },
  )
  .refine((fault) => !(fault.timeout === true && fault.status !== undefined), { message: 'A fault is either a timeout or a status, not both', path: ['timeout'] })
  .refine((fault) => fault.retryAfterSeconds === undefined || (fault.target === 'confluence' && (fault.status === 429 || fault.status === 503)), {
    message: 'retryAfterSeconds applies to Confluence 429 and 503 answers only',
    path: ['retryAfterSeconds'],
  });

function armedView({ sandbox }: ServerDeps): Record<string, number> {
  return Object.fromEntries(TARGETS.map((target) => [target, sandbox.faults.armed(target)]));
}

export async function armFault(deps: ServerDeps, ctx: RequestContext): Promise<Reply> {
  const fault = validateBody(faultSchema, await ctx.json());
  const spec = fault.timeout === true ? { timeout: true } : { status: fault.status ?? 500, ...(fault.retryAfterSeconds === undefined ? {} : { retryAfterSeconds: fault.retryAfterSeconds }) };
  deps.sandbox.faults.failNext(fault.target, fault.count, spec);
  return jsonReply(201, { armed: armedView(deps) });
}

export async function clearFaults({ sandbox }: ServerDeps): Promise<Reply> {
  sandbox.faults.clear();
  return { status: 204 };
}
