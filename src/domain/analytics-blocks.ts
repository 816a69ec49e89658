/**
 * Blocks of days whose totals the site-wide analytics rows keep per workflow, so that any range
 * of days is the sum of a few blocks instead of one row per day: a whole calendar month is one
 * block, and the days of a month are also grouped in aligned runs of 16, 8, 4, 2 and 1 days
 * (run k of length n holds the days of the month at offsets k·n … k·n + n − 1). A range is cut
 * into whole months plus, at each end, at most one run of each length: a year is at most 12
 * months and 10 runs, whatever the number of requests.
 */
import { type DayRange, assertRange } from './analytics';

/** Lengths of the runs within a month, longest first; 16 + 8 + 4 + 2 + 1 covers any 31 days. */
export const RUN_LENGTHS = [16, 8, 4, 2, 1] as const;

const monthOf = (day: string): string => day.slice(0, 7);
const offsetOf = (day: string): number => Number(day.slice(8, 10)) - 1;

/** Days in the month of `day` ('yyyy-MM-dd'), by the UTC calendar. */
function daysInMonth(month: string): number {
  const [year, index] = month.split('-').map(Number);
  return new Date(Date.UTC(year, index, 0)).getUTCDate();
}

/** A month's block id; 'M' sorts after every digit, so no range of days ('yyyy-MM-dd') meets it. */
export const monthBlock = (month: string): string => `M${month}`;
export const runBlock = (month: string, length: number, index: number): string => `R${month}:${length}:${index}`;

/** Every block a day's totals belong to: its month and one run of each length. */
export function blocksOfDay(day: string): string[] {
  const month = monthOf(day);
  const offset = offsetOf(day);
  return [monthBlock(month), ...RUN_LENGTHS.map((length) => runBlock(month, length, Math.floor(offset / length)))];
}

/** Aligned runs covering the offsets first..last of a month exactly (a run may reach past the month's end, where no days are). */
function runsCovering(month: string, first: number, last: number, monthEnd: number): string[] {
  const runs: string[] = [];
  let offset = first;
  while (offset <= last) {
    const length = RUN_LENGTHS.find((candidate) => offset % candidate === 0 && (offset + candidate - 1 <= last || last === monthEnd));
    // A run of length 1 always fits, so a length is always found.
    const chosen = length ?? 1;
    runs.push(runBlock(month, chosen, offset / chosen));
    offset += chosen;
  }
  return runs;
}

/** The blocks whose totals add up to exactly the days of the range, each day in one block. */
export function blocksOfRange(range: DayRange): string[] {
  assertRange(range);
  const blocks: string[] = [];
  let month = monthOf(range.from);
  const lastMonth = monthOf(range.to);
  while (month <= lastMonth) {
    const monthEnd = daysInMonth(month) - 1;
    const first = month === monthOf(range.from) ? offsetOf(range.from) : 0;
    const last = month === lastMonth ? offsetOf(range.to) : monthEnd;
    if (first === 0 && last === monthEnd) blocks.push(monthBlock(month));
    else blocks.push(...runsCovering(month, first, last, monthEnd));
    const [year, index] = month.split('-').map(Number);
    month = index === 12 ? `${year + 1}-01` : `${year}-${String(index + 1).padStart(2, '0')}`;
  }
  return blocks;
}
