import { type FunctionLoader } from './function-loader';
import { type InvocationKind, type Invocation, type Principal, newInvocation, runInInvocation } from './invocation-context';
import { type LatencyControl, sleep } from './latency';
import { type InvocationRecord, type OpLog } from './op-log';

/** The platform stopped waiting for the function (Forge's FUNCTION_TIME_OUT). */
export class FunctionTimeoutError extends Error {
  constructor(functionKey: string, timeoutMs: number) {
    super(`Function '${functionKey}' timed out after ${Math.round(timeoutMs / 1000)} s`);
    this.name = 'FUNCTION_TIME_OUT';
  }
}

/** The platform's time in ms, which the sandbox can move forward to an invocation's simulated end. */
export interface PlatformClock {
  now(): number;
  /** Time has passed up to `platformMs` (no-op when it already has). */
  reach(platformMs: number): void;
}

export interface InvokeSpec {
  kind: InvocationKind;
  moduleKey: string;
  functionKey: string;
  principal?: Principal;
  timeoutMs: number;
  payload: unknown;
  context: unknown;
  /** Tells how the result reads for the op log (a consumer's InvocationError is a retry). */
  outcomeOf?: (value: unknown) => InvocationRecord['outcome'];
}

export interface InvokeResult {
  value: unknown;
  invocation: Invocation;
}

function describeError(error: unknown): string {
  return error instanceof Error ? `${error.name}: ${error.message}` : String(error);
}

/**
 * Runs one handler as one invocation: its own context, its own deadline, one invocation record
 * and one `invoke` op. `latency.invoke` models the platform's hop to the function.
 */
export class Invoker {
  constructor(
    private readonly owner: object,
    private readonly loader: FunctionLoader,
    private readonly ops: OpLog,
    private readonly latency: LatencyControl,
    private readonly clock: PlatformClock,
  ) {}

  async run(spec: InvokeSpec): Promise<InvokeResult> {
    const invocation = newInvocation({
      kind: spec.kind,
      moduleKey: spec.moduleKey,
      functionKey: spec.functionKey,
      principal: spec.principal,
      owner: this.owner,
      timeoutMs: spec.timeoutMs,
      platformStartedAt: this.clock.now(),
    });
    const hopMs = this.latency.msFor('invoke');
    invocation.virtualNow = hopMs;
    const record = (outcome: InvocationRecord['outcome'], error?: string): void => {
      // Latency charged, not waited for, still took the platform's time: what the invocation's
      // return starts (a retry's delay, the next job of its lane) begins when it ended.
      if (this.latency.mode === 'virtual') this.clock.reach(invocation.platformStartedAt + invocation.virtualNow);
      this.ops.record({
        kind: 'invoke',
        method: 'INVOKE',
        path: `${spec.moduleKey}/${spec.functionKey}`,
        operation: spec.kind,
        status: outcome === 'ok' || outcome === 'retry' ? 200 : 500,
        durationMs: this.latency.mode === 'sleep' ? Date.now() - invocation.startedAt : invocation.virtualNow,
        invocationId: invocation.id,
      });
      this.ops.recordInvocation({
        id: invocation.id,
        kind: spec.kind,
        moduleKey: spec.moduleKey,
        functionKey: spec.functionKey,
        accountId: spec.principal?.accountId,
        startedAt: new Date(invocation.startedAt).toISOString(),
        realMs: Date.now() - invocation.startedAt,
        simulatedMs: invocation.virtualNow,
        outcome,
        ...(error === undefined ? {} : { error }),
      });
    };
    let timer: NodeJS.Timeout | undefined;
    try {
      if (this.latency.mode === 'sleep' && hopMs > 0) await sleep(hopMs);
      const handler = await this.loader.load(spec.functionKey);
      const execution = runInInvocation(invocation, async () => handler(spec.payload, spec.context));
      const deadline = new Promise<never>((_, reject) => {
        timer = setTimeout(() => {
          invocation.timedOut = true;
          reject(new FunctionTimeoutError(spec.functionKey, spec.timeoutMs));
        }, spec.timeoutMs);
        timer.unref();
      });
      const value = await Promise.race([execution, deadline]);
      record(spec.outcomeOf?.(value) ?? 'ok');
      return { value, invocation };
    } catch (error) {
      record(error instanceof FunctionTimeoutError ? 'timeout' : 'error', describeError(error));
      throw error;
    } finally {
      if (timer !== undefined) clearTimeout(timer);
    }
  }
}
