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

/** Round trips per kind and per operation: what is kept of an invocation when its entries are not. */
export interface OpTally {
  kinds: OpCounts;
  operations: Record<string, number>;
}

function emptyTally(): OpTally {
  return { kinds: { kvs: 0, entity: 0, secret: 0, confluence: 0, queue: 0, invoke: 0 }, operations: {} };
}

const STORAGE_KINDS: OpKind[] = ['kvs', 'entity', 'secret'];

export class OpLog {
  /**
   * Off, the log keeps only tallies: a bench of hundreds of thousands of invocations (issue 16's
   * daily job) would otherwise hold millions of entries, and spend its time collecting them.
   */
  retainEntries = true;
  private ops: OpEntry[] = [];
  private invocationRecords: InvocationRecord[] = [];
  private total = emptyTally();
  private readonly tallies = new Map<string, OpTally>();
  private seq = 0;

  record(entry: Omit<OpEntry, 'seq' | 'at'>): void {
    this.seq += 1;
    this.add(this.total, entry);
    if (entry.invocationId !== undefined) {
      let tally = this.tallies.get(entry.invocationId);
      if (tally === undefined) this.tallies.set(entry.invocationId, (tally = emptyTally()));
      this.add(tally, entry);
    }
    if (this.retainEntries) this.ops.push({ ...entry, seq: this.seq, at: new Date().toISOString() });
  }

  private add(tally: OpTally, entry: Omit<OpEntry, 'seq' | 'at'>): void {
    tally.kinds[entry.kind] += 1;
    tally.operations[entry.operation] = (tally.operations[entry.operation] ?? 0) + 1;
  }

  recordInvocation(record: InvocationRecord): void {
    this.invocationRecords.push(record);
  }

  entries(filter: { kind?: OpKind | OpKind[]; invocationId?: string } = {}): OpEntry[] {
    if (!this.retainEntries) throw new Error('the op log keeps only tallies now (retainEntries is off): use count, counts or tally');
    const kinds = filter.kind === undefined ? undefined : Array.isArray(filter.kind) ? filter.kind : [filter.kind];
    return this.ops.filter(
      (op) => (kinds === undefined || kinds.includes(op.kind)) && (filter.invocationId === undefined || op.invocationId === filter.invocationId),
    );
  }

  /** Round trips per kind and per operation, of one invocation or of everything since the last reset. */
  tally(invocationId?: string): OpTally {
    const tally = invocationId === undefined ? this.total : (this.tallies.get(invocationId) ?? emptyTally());
    return { kinds: { ...tally.kinds }, operations: { ...tally.operations } };
  }

  /** Round trips of one kind (or several), optionally within one invocation. */
  count(kind: OpKind | OpKind[], invocationId?: string): number {
    const { kinds } = this.tally(invocationId);
    return (Array.isArray(kind) ? kind : [kind]).reduce((sum, one) => sum + kinds[one], 0);
  }

  /** Round trips per kind, optionally within one invocation. */
  counts(invocationId?: string): OpCounts {
    return this.tally(invocationId).kinds;
  }

  /** Storage round trips of any flavour: KVS, custom entities and secrets. */
  storageRoundTrips(invocationId?: string): number {
    return this.count(STORAGE_KINDS, invocationId);
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
    this.total = emptyTally();
    this.tallies.clear();
  }
}
