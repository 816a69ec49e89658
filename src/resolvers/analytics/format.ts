/** How analytics numbers read in exports: rates as percentages, durations in the largest sensible unit. */

export function formatRate(rate: number | null): string {
  return rate === null ? '–' : `${Math.round(rate * 1000) / 10}%`;
}

export function formatMinutes(minutes: number | null): string {
  if (minutes === null) return '–';
  if (minutes < 60) return `${Math.round(minutes)} min`;
  if (minutes < 48 * 60) return `${Math.round((minutes / 60) * 10) / 10} h`;
  return `${Math.round((minutes / (24 * 60)) * 10) / 10} days`;
}

/** Minutes rounded to one decimal for machine-readable columns; empty when there is no value. */
export function minutesCell(minutes: number | null): string {
  return minutes === null ? '' : String(Math.round(minutes * 10) / 10);
}

export function rateCell(rate: number | null): string {
  return rate === null ? '' : String(Math.round(rate * 10000) / 10000);
}
