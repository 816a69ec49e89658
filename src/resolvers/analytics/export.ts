/** An export of the analytics page as a file the UI hands to the user. */
import { type AnalyticsExportView } from '../../shared/contract/analytics';
import { analyticsCsv } from './csv';
import { analyticsHtml } from './html-report';
import { type AnalyticsReport } from './report-rows';

export function exportFile(report: AnalyticsReport, format: 'csv' | 'html'): AnalyticsExportView {
  const base = `approval-analytics-${report.view.range.from}-to-${report.view.range.to}`;
  return format === 'csv'
    ? { filename: `${base}.csv`, mimeType: 'text/csv', content: analyticsCsv(report) }
    : { filename: `${base}.html`, mimeType: 'text/html', content: analyticsHtml(report) };
}
