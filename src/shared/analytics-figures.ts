/**
 * Analytics durations and rates as people read them, the same on the analytics page and in the
 * HTML report: "45 min", "3 h 20 min", "2.5 days", "66.7%"; "—" before any decision.
 */

const HOUR = 60;
const DAY = 24 * HOUR;

export function formatMinutes(minutes: number | null): string {
  if (minutes === null) return '—';
  // "Under a minute" is reported as half a minute; it must not round up to "1 min".
  if (minutes < 1) return 'under 1 min';
  const whole = Math.round(minutes);
  if (whole < HOUR) return `${whole} min`;
  if (whole < DAY) {
    const hours = Math.floor(whole / HOUR);
    const rest = whole % HOUR;
    return rest === 0 ? `${hours} h` : `${hours} h ${rest} min`;
  }
  const days = Math.round((minutes / DAY) * 10) / 10;
  return `${days} ${days === 1 ? 'day' : 'days'}`;
}

const PERCENT = new Intl.NumberFormat('en-US', { style: 'percent', maximumFractionDigits: 1 });

export function formatRate(rate: number | null): string {
  return rate === null ? '—' : PERCENT.format(rate);
}
