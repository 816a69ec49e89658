import { type InvocationKind } from './invocation-context';
import { type OpKind } from './types';

/** What the next calls of a kind suffer: an error status from the service, or no answer at all. */
export interface FaultSpec {
  status?: 429 | 500 | 503;
  /** The request never answers in time: the caller's fetch rejects as undici does on a timeout. */
  timeout?: boolean;
  /**
   * With `timeout`: the service did carry the call out, only its answer was lost, so the caller
   * cannot tell a write that happened from one that did not (a timeout never says which).
   */
  answerLost?: boolean;
  /**
   * Confluence only: the `Retry-After` seconds of a 429 (default 1) or of a 503, which Atlassian's
   * rate-limiting guide says may carry it too.
   */
  retryAfterSeconds?: number;
}

/** `storage` covers KVS, custom entities and secrets: they are one service. */
export type FaultTarget = OpKind | 'storage';

/** A platform call about to run, as a fault predicate sees it. */
export interface PlatformCall {
  kind: OpKind;
  /** The storage/queue operation (`get`, `transaction`, `push`...) or the HTTP method. */
  operation: string;
  method: string;
  path: string;
  /** The function making the call; absent for calls made outside any invocation. */
  invocation?: { id: string; kind: InvocationKind; moduleKey: string; functionKey: string };
}

/** Chooses the calls to fail: sees every call in order (so it may count them). */
type CallPredicate = (call: PlatformCall) => boolean;

interface PendingFault {
  target: FaultTarget;
  matches: CallPredicate;
  remaining: number;
  spec: FaultSpec;
}

const targets = (target: FaultTarget, kind: OpKind): boolean =>
  target === kind || (target === 'storage' && (kind === 'kvs' || kind === 'entity' || kind === 'secret'));

export class FaultInjector {
  private pending: PendingFault[] = [];

  /** The next `count` calls of `target` fail as described (default: one HTTP 500). */
  failNext(target: FaultTarget, count = 1, spec: FaultSpec = { status: 500 }): void {
    this.pending.push({ target, matches: (call) => targets(target, call.kind), remaining: count, spec });
  }

  /** The next `count` calls of `target` that `matches` picks (one endpoint, one method) fail as described. */
  failMatching(target: FaultTarget, matches: (call: PlatformCall) => boolean, count = 1, spec: FaultSpec = { status: 500 }): void {
    this.pending.push({ target, matches: (call) => targets(target, call.kind) && matches(call), remaining: count, spec });
  }

  /**
   * The `nth` call of `target` from now (1-based; the first `nth - 1` pass), optionally only
   * among the calls of one function: a fault exactly at one step of an operation.
   */
  failAt(target: FaultTarget, nth: number, spec: FaultSpec = { status: 500 }, functionKey?: string): void {
    if (!Number.isInteger(nth) || nth < 1) throw new Error(`failAt: nth must be a whole number from 1, got ${nth}`);
    let seen = 0;
    const matches: CallPredicate = (call) => {
      if (!targets(target, call.kind) || (functionKey !== undefined && call.invocation?.functionKey !== functionKey)) return false;
      seen += 1;
      return seen === nth;
    };
    this.pending.push({ target, matches, remaining: 1, spec });
  }

  /**
   * The fault for a call about to run, if one is armed for it. Every armed predicate sees the
   * call (counting predicates must count each call once); the earliest armed match fails it.
   */
  take(call: PlatformCall): FaultSpec | undefined {
    let chosen: PendingFault | undefined;
    for (const fault of this.pending) {
      if (fault.remaining > 0 && fault.matches(call) && chosen === undefined) chosen = fault;
    }
    if (chosen === undefined) return undefined;
    chosen.remaining -= 1;
    this.pending = this.pending.filter((fault) => fault.remaining > 0);
    return chosen.spec;
  }

  /** Faults still to fire, of one target or of all (a fault waiting for its call counts until it fires). */
  armed(target?: FaultTarget): number {
    return this.pending.filter((fault) => target === undefined || fault.target === target).reduce((sum, fault) => sum + fault.remaining, 0);
  }

  clear(): void {
    this.pending = [];
  }
}
