import { type InvocationKind } from './invocation-context';
import { type OpKind } from './types';

/** One platform round trip: what a bench counts and a test asserts on. */
export interface OpEntry {
  seq: number;
  kind: OpKind;
  method: string;
  path: string;
  /** The storage/queue operation (`get`, `query`, `transaction`, `push`...) or the HTTP method. */
  operation: string;
  status: number;
  /** Latency charged to the call (slept or virtual, see `latency.mode`). */
  durationMs: number;
  invocationId?: string;
  at: string;
  fault?: string;
}

export interface InvocationRecord {
  id: string;
  kind: InvocationKind;
  moduleKey: string;
  functionKey: string;
  accountId?: string;
  startedAt: string;
  realMs: number;
  /** Critical path of simulated platform latency: parallel calls overlap, sequential ones add up. */
  simulatedMs: number;
  outcome: 'ok' | 'error' | 'timeout' | 'retry';
  error?: string;
}

export type OpCounts = Record<OpKind, number>;

function emptyCounts(): OpCounts {
  return { kvs: 0, entity: 0, secret: 0, confluence: 0, queue: 0, invoke: 0 };
}

export class OpLog {
  private ops: OpEntry[] = [];
  private invocationRecords: InvocationRecord[] = [];
  private seq = 0;

  record(entry: Omit<OpEntry, 'seq' | 'at'>): void {
    this.seq += 1;
    this.ops.push({ ...entry, seq: this.seq, at: new Date().toISOString() });
  }

  recordInvocation(record: InvocationRecord): void {
    this.invocationRecords.push(record);
  }

  entries(filter: { kind?: OpKind | OpKind[]; invocationId?: string } = {}): OpEntry[] {
    const kinds = filter.kind === undefined ? undefined : Array.isArray(filter.kind) ? filter.kind : [filter.kind];
    return this.ops.filter(
      (op) => (kinds === undefined || kinds.includes(op.kind)) && (filter.invocationId === undefined || op.invocationId === filter.invocationId),
    );
  }

  /** Round trips of one kind (or several), optionally within one invocation. */
  count(kind: OpKind | OpKind[], invocationId?: string): number {
    return this.entries({ kind, invocationId }).length;
  }

  /** Round trips per kind, optionally within one invocation. */
  counts(invocationId?: string): OpCounts {
    const counts = emptyCounts();
    for (const op of this.entries({ invocationId })) counts[op.kind] += 1;
    return counts;
  }

  /** Storage round trips of any flavour: KVS, custom entities and secrets. */
  storageRoundTrips(invocationId?: string): number {
    return this.count(['kvs', 'entity', 'secret'], invocationId);
  }

  forInvocation(invocationId: string): OpEntry[] {
    return this.entries({ invocationId });
  }

  invocations(filter: { kind?: InvocationKind; moduleKey?: string } = {}): InvocationRecord[] {
    return this.invocationRecords.filter(
      (record) => (filter.kind === undefined || record.kind === filter.kind) && (filter.moduleKey === undefined || record.moduleKey === filter.moduleKey),
    );
  }

  lastInvocation(kind?: InvocationKind): InvocationRecord | undefined {
    const matching = this.invocations({ kind });
    return matching[matching.length - 1];
  }

  reset(): void {
    this.ops = [];
    this.invocationRecords = [];
  }
}
