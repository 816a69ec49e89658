/**
 * Reading UI Kit chart data: `data` is an array of rows (arrays or objects) and each accessor
 * is a column index or a property name. Categories keep the order they first appear in.
 */
import { isRecord } from '../../../ui-host/forge-doc';

export type Accessor = string | number;

export function accessorOf(value: unknown): Accessor | undefined {
  return typeof value === 'string' || typeof value === 'number' ? value : undefined;
}

export function cell(row: unknown, accessor: Accessor): unknown {
  if (Array.isArray(row)) return typeof accessor === 'number' ? row[accessor] : undefined;
  return isRecord(row) ? row[String(accessor)] : undefined;
}

export function numberIn(row: unknown, accessor: Accessor): number {
  const value = cell(row, accessor);
  const number = typeof value === 'number' ? value : typeof value === 'string' ? Number(value) : NaN;
  return Number.isFinite(number) ? number : 0;
}

export function labelIn(row: unknown, accessor: Accessor): string {
  const value = cell(row, accessor);
  return value === undefined || value === null ? '' : String(value);
}

export interface SeriesTable {
  categories: string[];
  /** One series per colour group (a single unnamed one without `colorAccessor`). */
  series: { name: string; values: number[] }[];
}

/** Sums `value` per category and series, so repeated rows of one bar add up as ADS charts do. */
export function tabulate(data: unknown[], category: Accessor, value: Accessor, group: Accessor | undefined): SeriesTable {
  const categories: string[] = [];
  const names: string[] = [];
  const sums = new Map<string, number>();
  for (const row of data) {
    const at = labelIn(row, category);
    const name = group === undefined ? '' : labelIn(row, group);
    if (!categories.includes(at)) categories.push(at);
    if (!names.includes(name)) names.push(name);
    sums.set(`${name}\u0000${at}`, (sums.get(`${name}\u0000${at}`) ?? 0) + numberIn(row, value));
  }
  return { categories, series: names.map((name) => ({ name, values: categories.map((at) => sums.get(`${name}\u0000${at}`) ?? 0) })) };
}

/**
 * Round axis steps (1, 2, 5 × 10ⁿ) with the top tick at or above `max`; counts (whole values)
 * never get fractional ticks.
 */
export function ticksUpTo(max: number, values: readonly number[] = [], count = 5): number[] {
  if (max <= 0) return [0, 1];
  const whole = values.every((value) => Number.isInteger(value));
  const raw = whole ? Math.max(1, max / count) : max / count;
  const magnitude = 10 ** Math.floor(Math.log10(raw));
  const step = [1, 2, 5, 10].map((factor) => factor * magnitude).find((candidate) => candidate >= raw) ?? raw;
  const ticks: number[] = [];
  for (let tick = 0; tick < max + step; tick += step) ticks.push(Number(tick.toPrecision(12)));
  return ticks;
}

export function formatNumber(value: number): string {
  return Number.isInteger(value) ? value.toLocaleString('en-US') : value.toLocaleString('en-US', { maximumFractionDigits: 2 });
}
