/**
 * Analytics numbers in the CSV's machine-readable columns; the HTML report writes them as people
 * read them (src/shared/analytics-figures.ts).
 */

/** Minutes rounded to one decimal for machine-readable columns; empty when there is no value. */
export function minutesCell(minutes: number | null): string {
  return minutes === null ? '' : String(Math.round(minutes * 10) / 10);
}

export function rateCell(rate: number | null): string {
  return rate === null ? '' : String(Math.round(rate * 10000) / 10000);
}
