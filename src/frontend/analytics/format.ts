/** Analytics numbers as people read them. */
import { type AnalyticsView } from '../../shared/contract';

const HOUR = 60;
const DAY = 24 * HOUR;

/** "45 min", "3 h 20 min", "2.5 days"; "—" before any decision. */
export function formatMinutes(minutes: number | null): string {
  if (minutes === null) return '—';
  // The back end reports "under a minute" as half a minute; it must not round up to "1 min".
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

/** "66.7%"; "—" before any decision. */
export function formatRate(rate: number | null): string {
  return rate === null ? '—' : PERCENT.format(rate);
}

/** True when nothing happened in the range and nothing is waiting: the page shows an empty state instead of zeros. */
export function isEmpty(view: AnalyticsView): boolean {
  const { kpis } = view;
  return kpis.submitted + kpis.approved + kpis.rejected + kpis.withdrawn + kpis.expired + kpis.pending === 0;
}
