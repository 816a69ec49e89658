import { OpLog } from '../../../sandbox/runtime/op-log';

function recordSome(log: OpLog): void {
  log.record({ kind: 'kvs', method: 'POST', path: '/get', operation: 'get', status: 200, durationMs: 20, invocationId: 'a' });
  log.record({ kind: 'entity', method: 'POST', path: '/query', operation: 'query', status: 200, durationMs: 20, invocationId: 'a' });
  log.record({ kind: 'confluence', method: 'GET', path: '/wiki/api/v2/pages/1', operation: 'GET', status: 200, durationMs: 120, invocationId: 'b' });
  log.record({ kind: 'kvs', method: 'POST', path: '/transaction', operation: 'transaction', status: 200, durationMs: 20 });
}

describe('op log', () => {
  it('answers the same counts from its tallies as from its entries', () => {
    const log = new OpLog();
    recordSome(log);
    expect(log.entries({ invocationId: 'a' })).toHaveLength(2);
    expect(log.storageRoundTrips('a')).toBe(2);
    expect(log.count('confluence', 'b')).toBe(1);
    expect(log.storageRoundTrips()).toBe(3);
    expect(log.tally('a').operations).toEqual({ get: 1, query: 1 });
    expect(log.tally().operations).toEqual({ get: 1, query: 1, GET: 1, transaction: 1 });
    expect(log.counts('unknown')).toEqual({ kvs: 0, entity: 0, secret: 0, confluence: 0, queue: 0, invoke: 0 });
  });

  it('keeps only tallies when entries are not retained, and says so rather than answering an empty list', () => {
    const log = new OpLog();
    log.retainEntries = false;
    recordSome(log);
    expect(log.storageRoundTrips('a')).toBe(2);
    expect(log.tally('a').operations.query).toBe(1);
    expect(() => log.entries()).toThrow(/keeps only tallies/);
  });

  it('forgets tallies on reset', () => {
    const log = new OpLog();
    recordSome(log);
    log.reset();
    expect(log.storageRoundTrips()).toBe(0);
    expect(log.tally('a').kinds.kvs).toBe(0);
    expect(log.entries()).toEqual([]);
  });
});
