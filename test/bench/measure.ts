/**
 * What one resolver call costs on the emulated platform: storage round trips (and how many of
 * them were queries or transactions), Confluence calls, the simulated critical path and the size
 * of the answer the front end receives.
 */
import { type Sandbox } from '../../sandbox';
import { isBridgeError } from '../../src/shared/errors';

export interface Metrics {
  /** App function invocations the path caused (a resolver call is one). */
  invocations: number;
  storage: number;
  queries: number;
  transactions: number;
  confluence: number;
  simulatedMs: number;
  bytes: number;
}

export interface Measurement {
  metrics: Metrics | null;
  error?: string;
  result?: unknown;
}

/** `kind`: the invocation the call makes (a resolver, or an apiRoute for the REST API). */
export async function measure(sandbox: Sandbox, call: () => Promise<unknown>, kind: 'resolver' | 'apiRoute' = 'resolver'): Promise<Measurement> {
  sandbox.ops.reset();
  let result: unknown;
  try {
    result = await call();
  } catch (error) {
    return { metrics: null, error: error instanceof Error ? error.message : String(error) };
  }
  const invocation = sandbox.ops.lastInvocation(kind);
  if (invocation === undefined) return { metrics: null, error: `no ${kind} invocation was recorded` };
  const ops = sandbox.ops.forInvocation(invocation.id);
  const metrics: Metrics = {
    invocations: sandbox.ops.invocations({ kind }).length,
    storage: sandbox.ops.storageRoundTrips(invocation.id),
    queries: ops.filter((op) => op.operation === 'query').length,
    transactions: ops.filter((op) => op.operation === 'transaction').length,
    confluence: sandbox.ops.count('confluence', invocation.id),
    simulatedMs: invocation.simulatedMs,
    bytes: Buffer.byteLength(JSON.stringify(result ?? null)),
  };
  if (isBridgeError(result)) return { metrics, error: `${result.error.code}: ${result.error.message}`, result };
  return { metrics, result };
}
