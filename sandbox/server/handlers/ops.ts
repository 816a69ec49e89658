/** `GET /__sandbox/ops` reads the operation log (round trips and invocations); `DELETE` empties it. */
import { type OpKind } from '../../index';
import { type ServerDeps } from '../deps';
import { HttpError, type Reply, jsonReply } from '../http-io';
import { type RequestContext } from '../router';

// A record over OpKind, so a kind added to the runtime fails to compile here until listed.
const KINDS: Record<OpKind, true> = { kvs: true, entity: true, secret: true, confluence: true, queue: true, invoke: true };

function isOpKind(value: string): value is OpKind {
  return Object.prototype.hasOwnProperty.call(KINDS, value);
}

/** `?kind=kvs,entity` (or repeated `kind=`) narrows the round trips; absent means all. */
function kindsOf(url: URL): OpKind[] | undefined {
  const requested = url.searchParams
    .getAll('kind')
    .flatMap((value) => value.split(','))
    .map((value) => value.trim())
    .filter((value) => value !== '');
  if (requested.length === 0) return undefined;
  const unknown = requested.filter((kind) => !isOpKind(kind));
  if (unknown.length > 0) throw new HttpError(400, 'VALIDATION', `Unknown op kind(s): ${unknown.join(', ')}; kinds are ${Object.keys(KINDS).join(', ')}`);
  return requested.filter(isOpKind);
}

export async function getOps({ sandbox }: ServerDeps, ctx: RequestContext): Promise<Reply> {
  const kind = kindsOf(ctx.url);
  const invocationId = ctx.url.searchParams.get('invocationId') ?? undefined;
  const invocations = sandbox.ops.invocations().filter((record) => invocationId === undefined || record.id === invocationId);
  return jsonReply(200, {
    ops: sandbox.ops.entries({ kind, invocationId }),
    counts: sandbox.ops.counts(invocationId),
    invocations,
  });
}

export async function clearOps({ sandbox }: ServerDeps): Promise<Reply> {
  sandbox.ops.reset();
  return { status: 204 };
}
