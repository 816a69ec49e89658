import { formatMinutes, formatRate } from '../../../src/shared/analytics-figures';
import { type AnalyticsExportView, type AnalyticsView } from '../../../src/shared/contract/analytics';
import { type RequestStatus, TONE_COLOURS, TREND_TONES, statusColour } from '../../../src/shared/status-colours';
import { applyEventsToRollups } from '../../../src/storage/rollups';
import { MODULES, SPACES, type TestApp, ok, startApp } from '../support/app';
import { historyWorkflow, simulateHistory } from '../support/request-history';

const DAY = 24 * 60 * 60 * 1000;
const today = new Date();
const range = { from: new Date(today.getTime() - 40 * DAY).toISOString().slice(0, 10), to: today.toISOString().slice(0, 10) };
const TRICKY_NAME = 'Legal, "fast" track\nv2';

/** Splits RFC 4180 CSV into records of fields (quoted fields may hold commas, quotes and line breaks). */
function parseCsv(text: string): string[][] {
  const records: string[][] = [];
  let fields: string[] = [];
  let field = '';
  let quoted = false;
  for (let i = 0; i < text.length; i += 1) {
    const c = text[i];
    if (quoted) {
      if (c === '"' && text[i + 1] === '"') {
        field += '"';
        i += 1;
      } else if (c === '"') quoted = false;
      else field += c;
    } else if (c === '"') quoted = true;
    else if (c === ',') {
      fields.push(field);
      field = '';
    } else if (c === '\r' && text[i + 1] === '\n') {
      fields.push(field);
      records.push(fields);
      fields = [];
      field = '';
      i += 1;
    } else field += c;
  }
  return records;
}

describe('analytics export', () => {
  let app: TestApp;
  let view: AnalyticsView;

  const exportAs = async (format: 'csv' | 'html') =>
    ok((await app.as('u-alice').invoke(MODULES.analytics, 'exportAnalytics', { ...range, format })) as AnalyticsExportView);

  beforeAll(async () => {
    app = await startApp();
    const { events } = simulateHistory({
      workflows: [historyWorkflow('wf-legal', SPACES.HR.id, TRICKY_NAME), historyWorkflow('wf-formula', SPACES.ENG.id, '=HYPERLINK("x")')],
      requests: 60,
      start: new Date(today.getTime() - 30 * DAY),
      end: new Date(today.getTime() - 60_000),
      seed: 11,
    });
    await applyEventsToRollups(events);
    view = ok((await app.as('u-alice').invoke(MODULES.analytics, 'getAnalytics', range)) as AnalyticsView);
  });

  afterAll(() => app.close());

  it('exports CSV with RFC 4180 quoting: a KPI summary, one row per workflow and per day and workflow', async () => {
    const file = await exportAs('csv');
    expect(file).toMatchObject({ mimeType: 'text/csv', filename: `approval-analytics-${range.from}-to-${range.to}.csv` });
    expect(file.content).toContain(`"Legal, ""fast"" track\nv2"`);
    const [header, ...rows] = parseCsv(file.content);
    expect(header.slice(0, 7)).toEqual(['section', 'from', 'to', 'space', 'workflow_id', 'workflow', 'submitted']);
    expect(rows.every((row) => row.length === header.length)).toBe(true);
    const column = (row: string[], name: string) => row[header.indexOf(name)];

    const summary = rows.filter((row) => row[0] === 'summary');
    expect(summary).toHaveLength(1);
    expect(Number(column(summary[0], 'submitted'))).toBe(view.kpis.submitted);
    expect(Number(column(summary[0], 'approved'))).toBe(view.kpis.approved);
    expect(Number(column(summary[0], 'pending'))).toBe(view.kpis.pending);
    expect(column(summary[0], 'space')).toBe('ENG HR');

    const legal = rows.find((row) => row[0] === 'workflow' && column(row, 'workflow_id') === 'wf-legal');
    expect(legal && column(legal, 'workflow')).toBe(TRICKY_NAME);
    const formula = rows.find((row) => row[0] === 'workflow' && column(row, 'workflow_id') === 'wf-formula');
    expect(formula && column(formula, 'workflow')).toBe(`'=HYPERLINK("x")`);

    const days = rows.filter((row) => row[0] === 'day');
    const submittedPerDay = days.reduce((sum, row) => sum + Number(column(row, 'submitted')), 0);
    expect(submittedPerDay).toBe(view.kpis.submitted);
    expect(days.every((row) => column(row, 'from') >= range.from && column(row, 'from') <= range.to)).toBe(true);
  });

  it('exports a self-contained HTML report with the KPIs, charts and no external reference', async () => {
    const file = await exportAs('html');
    expect(file).toMatchObject({ mimeType: 'text/html', filename: `approval-analytics-${range.from}-to-${range.to}.html` });
    const html = file.content;
    expect(html).not.toMatch(/\b(src|href)\s*=\s*["']?\s*(https?:)?\/\//i);
    expect(html).not.toMatch(/http/i);
    expect(html).not.toMatch(/<script|<link|@import|url\(/i);
    expect(html).toContain(`<div class="label">Submitted</div><div class="value">${view.kpis.submitted}</div>`);
    expect(html).toContain(`<div class="label">Approved</div><div class="value">${view.kpis.approved}</div>`);
    expect(html).toContain(`<div class="label">Pending</div><div class="value">${view.kpis.pending}</div>`);
    // The figures read as on the analytics page ("66.7%", "3 h 20 min"), not in a report's own format.
    expect(html).toContain(`<div class="label">Approval rate</div><div class="value">${formatRate(view.kpis.approvalRate)}</div>`);
    expect(html).toContain(`<div class="label">Median time to decision</div><div class="value">${formatMinutes(view.kpis.medianMinutesToDecision)}</div>`);
    expect(html).toContain('<svg');
    expect(html).toContain('<polyline');
    expect(html).toContain('Legal, &quot;fast&quot; track\nv2');
    expect(html).not.toContain(TRICKY_NAME);
  });

  it('colours each status and each trend line of the report as the app does everywhere, whatever their order', async () => {
    const html = (await exportAs('html')).content;
    const bars = [...html.matchAll(/>([^<>]+)<\/text><rect [^>]*fill="(#[0-9A-F]{6})"/g)].map(([, label, fill]) => [label, fill]);
    const labels: Record<string, RequestStatus> = { Draft: 'draft', 'In Approval': 'inApproval', Approved: 'approved', 'Changes Requested': 'changesRequested', Outdated: 'outdated', Expired: 'expired', Withdrawn: 'withdrawn' };
    expect(bars).toHaveLength(view.statusBreakdown.length);
    for (const [label, fill] of bars) expect(fill).toBe(statusColour(labels[label]));
    expect(bars.map(([, fill]) => fill)).toEqual(expect.arrayContaining([statusColour('approved'), statusColour('inApproval')]));
    const lines = [...html.matchAll(/<polyline fill="none" stroke="(#[0-9A-F]{6})" stroke-width="([\d.]+)"/g)].map(([, stroke, width]) => ({ stroke, width: Number(width) }));
    expect(lines.map((line) => line.stroke)).toEqual([TONE_COLOURS[TREND_TONES.submitted], statusColour('approved'), statusColour('changesRequested')]);
    // Lines that coincide stay visible: each is drawn narrower than the ones under it.
    expect(lines[0].width).toBeGreaterThan(lines[1].width);
    expect(lines[1].width).toBeGreaterThan(lines[2].width);
    expect(html).toContain(`<i style="background:${statusColour('approved')}"></i>Approved`);
  });

  it('writes the report\'s days as the app does', async () => {
    const html = (await exportAs('html')).content;
    const day = (iso: string) => new Date(`${iso}T00:00:00Z`).toLocaleDateString('en-GB', { day: 'numeric', month: 'short', year: 'numeric', timeZone: 'UTC' }).replace('Sept', 'Sep');
    expect(html).toContain(`<title>Approval analytics ${day(range.from)} to ${day(range.to)}</title>`);
    expect(html).toContain(`>${day(range.to)}</text></svg>`);
    expect(html).not.toMatch(/\d{4}-\d{2}-\d{2}/);
  });
});
