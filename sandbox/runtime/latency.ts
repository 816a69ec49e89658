import { type OpKind } from './types';

export type LatencyMode = 'sleep' | 'virtual';

/**
 * Per-kind latency, e.g. `{ kvs: 20, confluence: 120 }`. `sleep` really waits, so concurrency
 * effects show; `virtual` only charges the time to the invocation's simulated clock, so a
 * bench can report simulated milliseconds without waiting for them.
 */
export type LatencyOptions = { mode?: LatencyMode } & Partial<Record<OpKind, number>>;

/** Entity and secret calls hit the same service as KVS: they inherit its latency unless set. */
const FALLBACK: Partial<Record<OpKind, OpKind>> = { entity: 'kvs', secret: 'kvs' };

export class LatencyControl {
  mode: LatencyMode;
  private perKind: Partial<Record<OpKind, number>>;

  constructor(options: LatencyOptions = {}) {
    const { mode, ...perKind } = options;
    this.mode = mode ?? 'sleep';
    this.perKind = perKind;
  }

  set(options: LatencyOptions): void {
    const { mode, ...perKind } = options;
    if (mode !== undefined) this.mode = mode;
    this.perKind = { ...this.perKind, ...perKind };
  }

  msFor(kind: OpKind): number {
    const own = this.perKind[kind];
    if (own !== undefined) return own;
    const fallback = FALLBACK[kind];
    return fallback === undefined ? 0 : (this.perKind[fallback] ?? 0);
  }

  reset(): void {
    this.perKind = {};
    this.mode = 'sleep';
  }
}

export function sleep(ms: number): Promise<void> {
  return new Promise((resolve) => setTimeout(resolve, ms));
}
