/**
 * Dates as the screens show them. Instants cross the bridge as ISO strings in UTC; the frame
 * runs in the viewer's browser, so its local time zone is the viewer's own.
 */
import { format, isValid, parseISO } from 'date-fns';

function parsed(instant: string): Date | null {
  const date = parseISO(instant);
  return isValid(date) ? date : null;
}

/** "22 Nov 2026, 14:05". */
export function formatDateTime(instant: string): string {
  const date = parsed(instant);
  return date === null ? instant : format(date, 'd MMM yyyy, HH:mm');
}

/** "22 Nov 2026". */
export function formatDate(instant: string): string {
  const date = parsed(instant);
  return date === null ? instant : format(date, 'd MMM yyyy');
}
