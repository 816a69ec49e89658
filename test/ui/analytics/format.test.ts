import { type AnalyticsExportView } from '../../../src/shared/contract';
import { MAX_DATA_URI_LENGTH, downloadUri } from '../../../src/frontend/analytics/data-uri';
import { formatMinutes, formatRate } from '../../../src/shared/analytics-figures';

describe('analytics figures as people read them', () => {
  it.each([
    [null, '—'],
    [0.2, 'under 1 min'],
    [0.5, 'under 1 min'],
    [45, '45 min'],
    [59.7, '1 h'],
    [120, '2 h'],
    [200, '3 h 20 min'],
    [1439.6, '1 day'],
    [3600, '2.5 days'],
    [20160, '14 days'],
  ])('%p minutes read as %p', (minutes, text) => {
    expect(formatMinutes(minutes)).toBe(text);
  });

  it.each([
    [null, '—'],
    [0, '0%'],
    [0.75, '75%'],
    [2 / 3, '66.7%'],
    [1, '100%'],
  ])('a rate of %p reads as %p', (rate, text) => {
    expect(formatRate(rate)).toBe(text);
  });
});

describe('export links', () => {
  const file = (mimeType: AnalyticsExportView['mimeType'], content: string): AnalyticsExportView => ({ filename: 'x', mimeType, content });

  it('carry the CSV as UTF-8 with a byte-order mark, so spreadsheets keep accents', () => {
    const uri = downloadUri(file('text/csv', 'workflow\r\nRevisión\r\n'));
    expect(uri).toMatch(/^data:text\/csv;charset=utf-8;base64,/);
    const bytes = Buffer.from((uri ?? '').split(',')[1], 'base64');
    expect([...bytes.subarray(0, 3)]).toEqual([0xef, 0xbb, 0xbf]);
    expect(bytes.subarray(3).toString('utf8')).toBe('workflow\r\nRevisión\r\n');
  });

  it('carry the HTML report as a plain file, since browsers block generated web pages', () => {
    const uri = downloadUri(file('text/html', '<!DOCTYPE html><p>ü</p>'));
    expect(uri).toMatch(/^data:application\/octet-stream;base64,/);
    expect(Buffer.from((uri ?? '').split(',')[1], 'base64').toString('utf8')).toBe('<!DOCTYPE html><p>ü</p>');
  });

  it('are not offered for a file too large for a browser URL', () => {
    expect(downloadUri(file('text/csv', 'x'.repeat(MAX_DATA_URI_LENGTH)))).toBeNull();
  });
});
