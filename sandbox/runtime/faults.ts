import { type OpKind } from './types';

/** What the next calls of a kind suffer: an error status from the service, or no answer at all. */
export interface FaultSpec {
  status?: 429 | 500 | 503;
  /** The request never answers in time: the caller's fetch rejects as undici does on a timeout. */
  timeout?: boolean;
  /**
   * Confluence only: the `Retry-After` seconds of a 429 (default 1) or of a 503, which Atlassian's
   * rate-limiting guide says may carry it too.
   */
  retryAfterSeconds?: number;
}

/** `storage` covers KVS, custom entities and secrets: they are one service. */
export type FaultTarget = OpKind | 'storage';

interface PendingFault {
  target: FaultTarget;
  remaining: number;
  spec: FaultSpec;
}

export class FaultInjector {
  private pending: PendingFault[] = [];

  /** The next `count` calls of `target` fail as described (default: one HTTP 500). */
  failNext(target: FaultTarget, count = 1, spec: FaultSpec = { status: 500 }): void {
    this.pending.push({ target, remaining: count, spec });
  }

  /** Consumes one fault for a call of `kind`, if any is armed. */
  take(kind: OpKind): FaultSpec | undefined {
    const match = this.pending.find(
      (fault) => fault.remaining > 0 && (fault.target === kind || (fault.target === 'storage' && (kind === 'kvs' || kind === 'entity' || kind === 'secret'))),
    );
    if (match === undefined) return undefined;
    match.remaining -= 1;
    this.pending = this.pending.filter((fault) => fault.remaining > 0);
    return match.spec;
  }

  armed(target?: FaultTarget): number {
    return this.pending.filter((fault) => target === undefined || fault.target === target).reduce((sum, fault) => sum + fault.remaining, 0);
  }

  clear(): void {
    this.pending = [];
  }
}
