import fc from 'fast-check';
import { blocksOfDay, blocksOfRange, monthBlock, runBlock } from '../../../src/domain/analytics-blocks';
import { emptyCounts, without } from '../../../src/domain/analytics-rollup';
import { histogramPercentile, mergeHistograms, recordDurations, subtractHistogram } from '../../../src/domain/duration-histogram';
import { addDays, daysBetween, utcDay } from '../../../src/domain/time';

const DAY_ZERO = '2024-01-01T00:00:00.000Z';
const dayAt = (offset: number): string => utcDay(addDays(DAY_ZERO, offset));

describe('blocks of a range', () => {
  it('cover every day of any range exactly once and no day outside it', () => {
    fc.assert(
      fc.property(fc.integer({ min: 0, max: 1100 }), fc.integer({ min: 0, max: 730 }), (start, length) => {
        const range = { from: dayAt(start), to: dayAt(start + length) };
        const blocks = new Set(blocksOfRange(range));
        for (const day of daysBetween(range.from, range.to)) expect(blocksOfDay(day).filter((block) => blocks.has(block))).toHaveLength(1);
        for (const outside of [dayAt(start - 1), dayAt(start + length + 1)]) expect(blocksOfDay(outside).some((block) => blocks.has(block))).toBe(false);
        expect(blocksOfRange(range)).toHaveLength(blocks.size);
      }),
      { numRuns: 150 },
    );
  });

  it('reads a year as at most 12 whole months and 10 runs of days', () => {
    for (let start = 0; start < 400; start += 7) {
      const blocks = blocksOfRange({ from: dayAt(start), to: dayAt(start + 364) });
      expect(blocks.filter((block) => block.startsWith('M')).length).toBeLessThanOrEqual(12);
      expect(blocks.filter((block) => block.startsWith('R')).length).toBeLessThanOrEqual(10);
    }
  });

  it('names a whole month by its month block, and a month end by the runs reaching past it', () => {
    expect(blocksOfRange({ from: '2026-02-01', to: '2026-02-28' })).toEqual([monthBlock('2026-02')]);
    expect(blocksOfRange({ from: '2026-02-17', to: '2026-02-28' })).toEqual([runBlock('2026-02', 16, 1)]);
    expect(blocksOfRange({ from: '2026-02-18', to: '2026-02-28' })).toEqual([runBlock('2026-02', 1, 17), runBlock('2026-02', 2, 9), runBlock('2026-02', 4, 5), runBlock('2026-02', 8, 3)]);
    expect(blocksOfRange({ from: '2026-03-01', to: '2026-03-03' })).toEqual([runBlock('2026-03', 2, 0), runBlock('2026-03', 1, 2)]);
  });
});

describe('totals without a part of them', () => {
  it('leaves exactly what the rest alone would have counted, percentiles included', () => {
    fc.assert(
      fc.property(fc.array(fc.double({ min: 0, max: 2 ** 21, noNaN: true })), fc.array(fc.double({ min: 0, max: 2 ** 21, noNaN: true })), (kept, removed) => {
        const whole = recordDurations(recordDurations({}, kept), removed);
        const rest = subtractHistogram(whole, recordDurations({}, removed));
        expect(rest).toEqual(recordDurations({}, kept));
        expect(histogramPercentile(rest, 0.9)).toBe(histogramPercentile(recordDurations({}, kept), 0.9));
      }),
    );
  });

  it('refuses to take out what was never counted: that is a bug, not a figure', () => {
    expect(() => subtractHistogram({ '3': 1 }, { '3': 2 })).toThrow(RangeError);
    const one = { counts: { ...emptyCounts(), submitted: 1 }, decisionMinutes: {} };
    const two = { counts: { ...emptyCounts(), submitted: 2 }, decisionMinutes: mergeHistograms({}, {}) };
    expect(without(two, one).counts.submitted).toBe(1);
    expect(() => without(one, two)).toThrow(RangeError);
  });
});
