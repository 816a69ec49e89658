/**
 * `POST /__sandbox/invoke`: what the front end's `invoke(functionKey, payload)` does, with
 * each way it can go wrong told apart, so a caller sees a 404 for a typo and a 500 only when
 * the resolver itself failed.
 */
import { z } from 'zod';
import { InvokeError } from '../../index';
import { INVOKE_PAYLOAD_LIMIT_BYTES } from '../../runtime/sandbox';
import { type ServerDeps } from '../deps';
import { HttpError, type Reply, jsonReply, validateBody } from '../http-io';
import { type RequestContext } from '../router';
import { requireUser } from '../site';

const invokeSchema = z.object(
  {
    moduleKey: z.string({ error: 'moduleKey is required: the key of a UI module in manifest.yml' }).min(1, 'moduleKey must not be empty'),
    functionKey: z.string({ error: "functionKey is required: the resolver function's name" }).min(1, 'functionKey must not be empty'),
    payload: z.unknown().optional(),
    accountId: z.string({ error: 'accountId is required: the user to act as (GET /__sandbox/users lists them)' }).min(1, 'accountId must not be empty'),
    context: z.record(z.string(), z.unknown(), { error: 'context must be an object, e.g. {"content": {"id": "10020", "type": "page"}}' }).optional(),
    localId: z.string().optional(),
  },
  { error: 'The body must be a JSON object {moduleKey, functionKey, payload, accountId, context}' },
);

// @forge/resolver's own words for a function key it has no definition for.
const UNKNOWN_FUNCTION = /^Resolver has no definition for /;

function describeAvailable(keys: string[]): string {
  return keys.length === 0 ? 'manifest.yml declares no UI module with a resolver' : `modules with a resolver: ${keys.join(', ')}`;
}

export async function invokeResolver({ sandbox }: ServerDeps, ctx: RequestContext): Promise<Reply> {
  const request = validateBody(invokeSchema, await ctx.json());
  requireUser(sandbox, request.accountId);
  const withResolver = [...sandbox.manifest.uiModules.values()].filter((module) => module.resolverFunctionKey !== undefined).map((module) => module.key);
  if (!withResolver.includes(request.moduleKey)) {
    throw new HttpError(404, 'UNKNOWN_MODULE', `No UI module '${request.moduleKey}' with a resolver (${describeAvailable(withResolver)})`);
  }
  const payloadBytes = Buffer.byteLength(JSON.stringify(request.payload ?? {}), 'utf8');
  if (payloadBytes > INVOKE_PAYLOAD_LIMIT_BYTES) {
    throw new HttpError(413, 'PAYLOAD_TOO_LARGE', `The invoke payload is ${payloadBytes} bytes; Forge accepts at most ${INVOKE_PAYLOAD_LIMIT_BYTES}`);
  }
  try {
    const result = await sandbox.invoke(request);
    // A resolver may return nothing; JSON has no undefined, so the caller reads null.
    return jsonReply(200, result ?? null);
  } catch (error) {
    if (!(error instanceof InvokeError)) throw error;
    const reason = error.reason;
    if (reason instanceof Error && UNKNOWN_FUNCTION.test(reason.message)) {
      throw new HttpError(404, 'UNKNOWN_FUNCTION', `The resolver of module '${request.moduleKey}' has no function '${request.functionKey}'`);
    }
    if (reason instanceof Error && reason.name === 'FUNCTION_TIME_OUT') throw new HttpError(504, 'TIMEOUT', error.message);
    throw new HttpError(500, 'RESOLVER_ERROR', error.message);
  }
}
