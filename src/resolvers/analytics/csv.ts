/**
 * The CSV export: one table with a `section` column, so a spreadsheet reads it in one go and a
 * filter on the first column separates the parts: the KPI summary of the whole selection, one
 * row per workflow, then one row per day and workflow with activity. RFC 4180: CRLF line ends,
 * fields with a comma, quote or line break quoted, quotes doubled.
 */
import { approvalRate } from '../../domain/analytics';
import { type Kpis } from '../../shared/contract/analytics';
import { histogramPercentile } from '../../domain/duration-histogram';
import { minutesCell, rateCell } from './format';
import { type AnalyticsReport } from './report-rows';

const HEADER = [
  'section',
  'from',
  'to',
  'space',
  'workflow_id',
  'workflow',
  'submitted',
  'approved',
  'rejected',
  'withdrawn',
  'expired',
  'pending',
  'approval_rate',
  'median_minutes_to_decision',
  'p90_minutes_to_decision',
];

/**
 * Quotes a field when RFC 4180 requires it. Text that a spreadsheet would run as a formula
 * (a workflow named "=HYPERLINK(…)") gets a leading apostrophe, the usual guard against CSV injection.
 */
export function csvField(value: string | number): string {
  const text = typeof value === 'number' ? String(value) : /^[=+\-@\t\r]/.test(value) ? `'${value}` : value;
  return /[",\r\n]/.test(text) ? `"${text.replace(/"/g, '""')}"` : text;
}

export function csvLine(fields: readonly (string | number)[]): string {
  return fields.map(csvField).join(',');
}

function kpiCells(kpis: Kpis): (string | number)[] {
  return [
    kpis.submitted,
    kpis.approved,
    kpis.rejected,
    kpis.withdrawn,
    kpis.expired,
    kpis.pending,
    rateCell(kpis.approvalRate),
    minutesCell(kpis.medianMinutesToDecision),
    minutesCell(kpis.p90MinutesToDecision),
  ];
}

export function analyticsCsv({ view, spaceKeys, days }: AnalyticsReport): string {
  const { from, to } = view.range;
  const lines = [
    csvLine(HEADER),
    csvLine(['summary', from, to, spaceKeys.join(' '), '', 'All workflows', ...kpiCells(view.kpis)]),
    ...view.workflows.map((row) => csvLine(['workflow', from, to, row.spaceKey, row.workflowId, row.workflowName, ...kpiCells(row)])),
    ...days.map((row) =>
      csvLine([
        'day',
        row.day,
        row.day,
        row.spaceKey,
        row.workflowId,
        row.workflowName,
        row.counts.submitted,
        row.counts.approved,
        row.counts.rejected,
        row.counts.withdrawn,
        row.counts.expired,
        '',
        rateCell(approvalRate(row.counts.approved, row.counts.rejected)),
        minutesCell(histogramPercentile(row.decisionMinutes, 0.5)),
        minutesCell(histogramPercentile(row.decisionMinutes, 0.9)),
      ]),
    ),
  ];
  return `${lines.join('\r\n')}\r\n`;
}
