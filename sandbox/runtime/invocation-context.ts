import { AsyncLocalStorage } from 'node:async_hooks';
import { randomUUID } from 'node:crypto';

/**
 * One function invocation as the platform sees it. Many run at once in one process (twenty
 * approvers deciding together), so the current one travels with the async call chain instead
 * of living in a global: whatever `@forge/*` does inside a handler finds its own principal.
 */
export type InvocationKind = 'resolver' | 'consumer' | 'trigger' | 'scheduled' | 'apiRoute';

export interface Principal {
  accountId: string;
}

export interface Invocation {
  readonly id: string;
  readonly kind: InvocationKind;
  readonly moduleKey: string;
  readonly functionKey: string;
  readonly principal?: Principal;
  readonly startedAt: number;
  readonly deadline: number;
  /** The platform's time (ms) when the invocation began: its calls happen at this plus `virtualNow`. */
  readonly platformStartedAt: number;
  /** Simulated milliseconds spent on platform calls along this invocation's critical path. */
  virtualNow: number;
  /** Which sandbox owns the invocation: several may live in one process (one per test). */
  readonly owner: object;
  /** Set when the platform gave up on the function: its later platform calls are refused. */
  timedOut: boolean;
}

const storage = new AsyncLocalStorage<Invocation>();

export function newInvocation(fields: Omit<Invocation, 'id' | 'startedAt' | 'deadline' | 'virtualNow' | 'timedOut'> & { timeoutMs: number }): Invocation {
  const startedAt = Date.now();
  const { timeoutMs, ...rest } = fields;
  return { ...rest, id: randomUUID(), startedAt, deadline: startedAt + timeoutMs, virtualNow: 0, timedOut: false };
}

export function runInInvocation<T>(invocation: Invocation, fn: () => Promise<T>): Promise<T> {
  return storage.run(invocation, fn);
}

export function currentInvocation(): Invocation | undefined {
  return storage.getStore();
}

/** Background work (queue pumps, timers) must not inherit the invocation that scheduled it. */
export function outsideInvocation<T>(fn: () => T): T {
  return storage.exit(fn);
}
