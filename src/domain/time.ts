/**
 * Time in the domain: instants are ISO strings in UTC and always passed in, never read from a
 * clock. Days are UTC calendar days ('yyyy-MM-dd'). Day arithmetic adds whole 24-hour periods so
 * results never depend on the time zone of the machine running the code.
 */
import { addHours, differenceInMilliseconds, isValid, parseISO } from 'date-fns';

const HOURS_PER_DAY = 24;
const MS_PER_MINUTE = 60_000;
const MINUTES_PER_DAY = 24 * 60;
const DAY_PATTERN = /^\d{4}-\d{2}-\d{2}$/;

/** Normalises a passed-in `now` to an ISO string, or null when it is not a valid instant. */
export function toInstant(now: string | Date): string | null {
  const date = typeof now === 'string' ? parseISO(now) : now;
  return isValid(date) ? date.toISOString() : null;
}

export function addDays(instant: string, days: number): string {
  return addHours(parseISO(instant), days * HOURS_PER_DAY).toISOString();
}

export function minutesBetween(from: string, to: string): number {
  return differenceInMilliseconds(parseISO(to), parseISO(from)) / MS_PER_MINUTE;
}

export function isBefore(a: string, b: string): boolean {
  return parseISO(a).getTime() < parseISO(b).getTime();
}

/** The UTC calendar day of an instant. */
export function utcDay(instant: string): string {
  return parseISO(instant).toISOString().slice(0, 10);
}

export function isUtcDay(value: string): boolean {
  if (!DAY_PATTERN.test(value)) return false;
  return toInstant(`${value}T00:00:00Z`)?.slice(0, 10) === value;
}

/** Every UTC day from `from` to `to`, both included; empty when `to` is before `from`. */
export function daysBetween(from: string, to: string): string[] {
  const days: string[] = [];
  for (let day = from; day <= to; day = utcDay(addDays(`${day}T00:00:00.000Z`, 1))) days.push(day);
  return days;
}

/** Number of days from `from` to `to`, both included (0 when `to` is before `from`). */
export function dayCount(from: string, to: string): number {
  const days = minutesBetween(`${from}T00:00:00Z`, `${to}T00:00:00Z`) / MINUTES_PER_DAY + 1;
  return Math.max(0, Math.round(days));
}
