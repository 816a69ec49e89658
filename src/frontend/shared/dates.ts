/**
 * Dates as the screens show them. Instants cross the bridge as ISO strings in UTC; the frame
 * runs in the viewer's browser, so its local time zone is the viewer's own.
 *
 * One way of writing a day across the app, date pickers included: day, short month name and
 * year ("4 Dec 2026"), in the order of the viewer's locale when the screen knows it ("Dec 4,
 * 2026" in en-US). Month names stay English, as the rest of the app's text is.
 */
import { format, isValid, parseISO } from 'date-fns';

interface DayFormat {
  /** For date-fns `format`. */
  text: string;
  /**
   * For a DatePicker's `dateFormat`. The Forge docs call it a date-fns format, but the ADS picker
   * UI Kit renders converts it from moment-style tokens first (@atlaskit/datetime-picker
   * internal/parse-tokens.js), where `d` is the weekday: days are `D`, years `YYYY`.
   */
  picker: string;
}

const DAY_FIRST: DayFormat = { text: 'd MMM yyyy', picker: 'D MMM YYYY' };
const MONTH_FIRST: DayFormat = { text: 'MMM d, yyyy', picker: 'MMM D, YYYY' };
const YEAR_FIRST: DayFormat = { text: 'yyyy MMM d', picker: 'YYYY MMM D' };

const SAMPLE_DAY = new Date(Date.UTC(2026, 11, 4));

function partOrder(locale: string): string {
  try {
    return new Intl.DateTimeFormat(locale, { day: 'numeric', month: 'short', year: 'numeric', timeZone: 'UTC' })
      .formatToParts(SAMPLE_DAY)
      .map((part) => part.type)
      .filter((type) => type === 'day' || type === 'month' || type === 'year')
      .join(' ');
  } catch {
    // Not a BCP 47 tag Intl knows: the app's own order.
    return '';
  }
}

function dayFormat(locale: string | undefined): DayFormat {
  if (locale === undefined) return DAY_FIRST;
  const order = partOrder(locale);
  if (order.startsWith('month')) return MONTH_FIRST;
  if (order.startsWith('year')) return YEAR_FIRST;
  return DAY_FIRST;
}

function usesTwelveHours(locale: string | undefined): boolean {
  if (locale === undefined) return false;
  try {
    const cycle = new Intl.DateTimeFormat(locale, { hour: 'numeric' }).resolvedOptions().hourCycle;
    return cycle === 'h11' || cycle === 'h12';
  } catch {
    return false;
  }
}

function parsed(instant: string): Date | null {
  const date = parseISO(instant);
  return isValid(date) ? date : null;
}

function timeFormat(locale: string | undefined): string {
  return usesTwelveHours(locale) ? 'h:mm a' : 'HH:mm';
}

/** "22 Nov 2026, 14:05" ("Nov 22, 2026, 2:05 PM" in en-US). */
export function formatDateTime(instant: string, locale?: string): string {
  const date = parsed(instant);
  return date === null ? instant : format(date, `${dayFormat(locale).text}, ${timeFormat(locale)}`);
}

/** "14:05" ("2:05 PM" in en-US). */
export function formatTime(instant: string, locale?: string): string {
  const date = parsed(instant);
  return date === null ? instant : format(date, timeFormat(locale));
}

/** "22 Nov 2026" ("Nov 22, 2026" in en-US). */
export function formatDate(instant: string, locale?: string): string {
  const date = parsed(instant);
  return date === null ? instant : format(date, dayFormat(locale).text);
}

/** What a DatePicker needs to write its day as `formatDate` does: `<DatePicker {...datePickerFormat(locale)} />`. */
export function datePickerFormat(locale: string | undefined): { dateFormat: string; locale?: string } {
  return { dateFormat: dayFormat(locale).picker, ...(locale === undefined ? {} : { locale }) };
}
