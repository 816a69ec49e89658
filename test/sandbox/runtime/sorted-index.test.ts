import { type IndexEntry, SortedIndex, compareEntries, partitionPoint } from '../../../sandbox/runtime/storage/sorted-index';

/** A small deterministic generator, so a failure replays. */
function numbers(seed: number): () => number {
  let state = seed;
  return () => {
    state = (state * 1103515245 + 12345) % 2 ** 31;
    return state;
  };
}

function inOrder(index: SortedIndex): IndexEntry[] {
  return Array.from({ length: index.length }, (_, i) => index.at(i));
}

describe('sorted index', () => {
  it('holds the same entries in the same order as sorting them would, through puts, moves and removals across many chunks', () => {
    const next = numbers(7);
    const index = new SortedIndex();
    const expected = new Map<string, IndexEntry>();
    for (let step = 0; step < 12_000; step += 1) {
      const key = `k${next() % 3_000}`;
      if (next() % 5 === 0) {
        index.remove(key);
        expected.delete(key);
      } else {
        const entry = { sort: next() % 400, key };
        index.put(entry);
        expected.set(key, entry);
      }
    }
    expect(index.length).toBe(expected.size);
    expect(inOrder(index)).toEqual([...expected.values()].sort(compareEntries));
  });

  it('finds a position by binary search over the chunks', () => {
    const index = new SortedIndex();
    // Descending inserts: every entry lands at the front, splitting chunks on the way.
    for (let n = 5_000; n > 0; n -= 1) index.put({ sort: n, key: `k${n}` });
    expect(partitionPoint(index, (entry) => Number(entry.sort) < 2_500)).toBe(2_499);
    expect(index.at(2_499)).toEqual({ sort: 2_500, key: 'k2500' });
    expect(index.at(0).sort).toBe(1);
    expect(index.at(4_999).sort).toBe(5_000);
  });
});
