/** The bench's table: one line per hot path, its costs, its budget from DESIGN.md and PASS / OVER. */
import { type Measurement, type Metrics } from './measure';

export type Budget = Partial<Metrics>;

export interface Row {
  path: string;
  measurement: Measurement;
  budget: Budget;
  /** What the budget line of DESIGN.md says, for the reader. */
  note?: string;
}

const COLUMNS: { key: keyof Metrics; title: string; unit?: string }[] = [
  { key: 'invocations', title: 'calls' },
  { key: 'storage', title: 'storage RT' },
  { key: 'queries', title: 'queries' },
  { key: 'confluence', title: 'Confluence' },
  { key: 'transactions', title: 'tx' },
  { key: 'simulatedMs', title: 'sim ms' },
  { key: 'bytes', title: 'size' },
];

function formatValue(key: keyof Metrics, value: number): string {
  if (key === 'bytes') return value >= 1024 ? `${(value / 1024).toFixed(1)} KB` : `${value} B`;
  if (key === 'simulatedMs') return String(Math.round(value));
  return String(value);
}

function cell(row: Row, key: keyof Metrics): string {
  const value = row.measurement.metrics?.[key];
  if (value === undefined) return '–';
  const limit = row.budget[key];
  return limit === undefined ? formatValue(key, value) : `${formatValue(key, value)} / ${formatValue(key, limit)}`;
}

export function verdict(row: Row): 'PASS' | 'OVER' | 'ERROR' | 'INFO' {
  const { metrics, error } = row.measurement;
  if (metrics === null || error !== undefined) return 'ERROR';
  const keys = Object.keys(row.budget) as (keyof Metrics)[];
  if (keys.length === 0) return 'INFO';
  return keys.every((key) => metrics[key] <= (row.budget[key] as number)) ? 'PASS' : 'OVER';
}

export function renderTable(rows: readonly Row[]): string {
  const header = ['hot path', ...COLUMNS.map((c) => c.title), 'result'];
  const lines = rows.map((row) => [row.path, ...COLUMNS.map((c) => cell(row, c.key)), verdict(row)]);
  const widths = header.map((title, i) => Math.max(title.length, ...lines.map((line) => line[i].length)));
  const format = (line: string[]) => line.map((text, i) => (i === 0 ? text.padEnd(widths[i]) : text.padStart(widths[i]))).join('  ');
  const out = [format(header), widths.map((w) => '-'.repeat(w)).join('  '), ...lines.map(format)];
  const notes = rows.flatMap((row) => [
    ...(row.note === undefined ? [] : [`  ${row.path}: ${row.note}`]),
    ...(row.measurement.error === undefined ? [] : [`  ${row.path}: ERROR ${row.measurement.error}`]),
  ]);
  return [...out, ...(notes.length === 0 ? [] : ['', 'Notes:', ...notes])].join('\n');
}
