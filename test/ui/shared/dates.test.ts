import { format } from 'date-fns';
import { datePickerFormat, formatDate, formatDateTime, formatTime } from '../../../src/frontend/shared/dates';

// The code UI Kit's DatePicker (ADS) runs on `dateFormat` before formatting with date-fns; the package ships no types for it.
const { convertTokens } = jest.requireActual<{ convertTokens(dateFormat: string): string }>('@atlaskit/datetime-picker/dist/cjs/internal/parse-tokens');

/** What the ADS DatePicker shows for a picked day, given the props the app passes. */
function pickerShows(day: string, locale: string | undefined): string {
  const [year, month, date] = day.split('-').map(Number);
  return format(new Date(year, month - 1, date), convertTokens(datePickerFormat(locale).dateFormat));
}

describe('dates on the screens', () => {
  it('writes a day with a short month name, in the order of the viewer locale', () => {
    expect(formatDate('2026-12-04')).toBe('4 Dec 2026');
    expect(formatDate('2026-12-04', 'en-GB')).toBe('4 Dec 2026');
    expect(formatDate('2026-12-04', 'de-DE')).toBe('4 Dec 2026');
    expect(formatDate('2026-12-04', 'en-US')).toBe('Dec 4, 2026');
    expect(formatDate('2026-12-04', 'ja-JP')).toBe('2026 Dec 4');
    expect(formatDate('2026-12-04', 'not a locale')).toBe('4 Dec 2026');
    expect(formatDate('soon', 'en-US')).toBe('soon');
  });

  it('writes times on the clock of the viewer locale', () => {
    expect(formatDateTime('2026-11-22T14:05:00')).toBe('22 Nov 2026, 14:05');
    expect(formatDateTime('2026-11-22T14:05:00', 'en-GB')).toBe('22 Nov 2026, 14:05');
    expect(formatDateTime('2026-11-22T14:05:00', 'en-US')).toBe('Nov 22, 2026, 2:05 PM');
    expect(formatTime('2026-11-22T14:05:00', 'en-GB')).toBe('14:05');
    expect(formatTime('2026-11-22T14:05:00', 'en-US')).toBe('2:05 PM');
  });

  it('has the date picker show a day exactly as the text around it does', () => {
    for (const locale of [undefined, 'en-US', 'en-GB', 'fr-FR', 'ja-JP', 'ko-KR']) {
      for (const day of ['2026-01-01', '2026-05-11', '2026-12-04', '2027-02-28']) {
        expect(pickerShows(day, locale)).toBe(formatDate(day, locale));
      }
    }
    expect(datePickerFormat('fr-FR').locale).toBe('fr-FR');
    expect(datePickerFormat(undefined)).toEqual({ dateFormat: 'D MMM YYYY' });
  });
});
