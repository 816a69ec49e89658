/**
 * What one resolver call costs on the emulated platform: storage round trips (and how many of
 * them were queries or transactions), Confluence calls, the simulated critical path and the size
 * of the answer the front end receives.
 */
import { type InvocationRecord, type Sandbox } from '../../sandbox';
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

/** One invocation's round trips and simulated time, from the op log's tallies (kept even when its entries are not). */
export function invocationCosts(sandbox: Sandbox, invocation: InvocationRecord): Omit<Metrics, 'invocations' | 'bytes'> {
  const { kinds, operations } = sandbox.ops.tally(invocation.id);
  return {
    storage: kinds.kvs + kinds.entity + kinds.secret,
    queries: operations.query ?? 0,
    transactions: operations.transaction ?? 0,
    confluence: kinds.confluence,
    simulatedMs: invocation.simulatedMs,
  };
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
  const metrics: Metrics = {
    ...invocationCosts(sandbox, invocation),
    invocations: sandbox.ops.invocations({ kind }).length,
    bytes: Buffer.byteLength(JSON.stringify(result ?? null)),
  };
  if (isBridgeError(result)) return { metrics, error: `${result.error.code}: ${result.error.message}`, result };
  return { metrics, result };
}
