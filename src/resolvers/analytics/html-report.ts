/**
 * The HTML export: one self-contained file (inline CSS, inline SVG, no script, no link to
 * anything) that a manager can open offline, mail or print. Every text from the app's data
 * is escaped.
 */
import { STATUS_LABELS, formatDay } from '../../shared/status';
import { statusColour } from '../../shared/status-colours';
import { type AnalyticsView, type Kpis } from '../../shared/contract/analytics';
import { formatMinutes, formatRate } from '../../shared/analytics-figures';
import { type AnalyticsReport } from './report-rows';
import { TREND_SERIES, barChart, escapeHtml, trendChart, trendColour } from './svg-charts';

const STYLE = `
body{font-family:-apple-system,BlinkMacSystemFont,"Segoe UI",Roboto,Arial,sans-serif;color:#172b4d;margin:32px;max-width:1100px}
h1{font-size:24px;margin:0 0 4px}h2{font-size:18px;margin:32px 0 12px}
.meta{color:#626f86;margin:0}
.kpis{display:grid;grid-template-columns:repeat(auto-fill,minmax(160px,1fr));gap:12px;margin-top:24px}
.kpi{border:1px solid #dcdfe4;border-radius:6px;padding:12px}
.kpi .label{color:#626f86;font-size:12px;text-transform:uppercase;letter-spacing:.04em}
.kpi .value{font-size:24px;font-weight:600;margin-top:4px}
.chart{width:100%;height:auto;font-size:12px;fill:#44546f}
.legend span{display:inline-block;margin-right:16px;font-size:13px}
.legend i{display:inline-block;width:10px;height:10px;border-radius:2px;margin-right:6px}
table{border-collapse:collapse;width:100%;font-size:13px}
th,td{border-bottom:1px solid #dcdfe4;padding:6px 8px;text-align:right}
th:first-child,td:first-child,th:nth-child(2),td:nth-child(2){text-align:left}
th{background:#f7f8f9}
footer{color:#626f86;font-size:12px;margin-top:32px}
@media print{body{margin:0}}
`;

function kpiCards(kpis: Kpis): string {
  const cards: [string, string][] = [
    ['Submitted', String(kpis.submitted)],
    ['Approved', String(kpis.approved)],
    ['Rejected', String(kpis.rejected)],
    ['Pending', String(kpis.pending)],
    ['Approval rate', formatRate(kpis.approvalRate)],
    ['Median time to decision', formatMinutes(kpis.medianMinutesToDecision)],
    ['90th percentile time to decision', formatMinutes(kpis.p90MinutesToDecision)],
    ['Withdrawn', String(kpis.withdrawn)],
    ['Expired', String(kpis.expired)],
  ];
  return cards.map(([label, value]) => `<div class="kpi"><div class="label">${label}</div><div class="value">${escapeHtml(value)}</div></div>`).join('');
}

function comparisonTable(view: AnalyticsView): string {
  if (view.workflows.length === 0) return '<p>No workflow had activity in this period.</p>';
  const head = ['Workflow', 'Space', 'Submitted', 'Approved', 'Rejected', 'Pending', 'Approval rate', 'Median', '90th percentile'];
  const rows = view.workflows.map((row) =>
    [
      escapeHtml(row.workflowName),
      escapeHtml(row.spaceKey),
      row.submitted,
      row.approved,
      row.rejected,
      row.pending,
      formatRate(row.approvalRate),
      formatMinutes(row.medianMinutesToDecision),
      formatMinutes(row.p90MinutesToDecision),
    ]
      .map((cell) => `<td>${cell}</td>`)
      .join(''),
  );
  return `<table><thead><tr>${head.map((h) => `<th>${h}</th>`).join('')}</tr></thead><tbody>${rows.map((r) => `<tr>${r}</tr>`).join('')}</tbody></table>`;
}

const TREND_LABELS: Record<(typeof TREND_SERIES)[number], string> = { submitted: 'Submitted', approved: 'Approved', rejected: 'Rejected' };

function legend(): string {
  return `<div class="legend">${TREND_SERIES.map((series) => `<span><i style="background:${trendColour(series)}"></i>${TREND_LABELS[series]}</span>`).join('')}</div>`;
}

export function analyticsHtml({ view, spaceKeys }: AnalyticsReport): string {
  const period = `${formatDay(view.range.from)} to ${formatDay(view.range.to)}`;
  const title = `Approval analytics ${period}`;
  const spaces = spaceKeys.length === 0 ? 'no spaces with approvals' : spaceKeys.join(', ');
  const breakdown = view.statusBreakdown.map((entry) => ({
    label: STATUS_LABELS[entry.status],
    value: entry.count,
    colour: statusColour(entry.status),
  }));
  return [
    '<!DOCTYPE html>',
    '<html lang="en"><head><meta charset="utf-8">',
    '<meta name="viewport" content="width=device-width, initial-scale=1">',
    `<title>${escapeHtml(title)}</title>`,
    `<style>${STYLE}</style>`,
    '</head><body>',
    `<header><h1>Approval analytics</h1><p class="meta">${escapeHtml(period)} (UTC days) · Spaces: ${escapeHtml(spaces)} · Generated ${escapeHtml(formatDay(view.generatedAt))}, ${escapeHtml(view.generatedAt.slice(11, 16))} UTC</p></header>`,
    `<section class="kpis">${kpiCards(view.kpis)}</section>`,
    '<h2>Requests by status now</h2>',
    barChart(breakdown, 'Requests by status now'),
    '<h2>Daily trend</h2>',
    legend(),
    trendChart(view.trend),
    '<h2>Workflow comparison</h2>',
    comparisonTable(view),
    '<footer>Counts follow the day things happened (a request submitted in March and approved in April counts in both months). ',
    'Times to decision are estimated from daily rollups, within about 9% of the exact value.</footer>',
    '</body></html>',
    '',
  ].join('\n');
}
