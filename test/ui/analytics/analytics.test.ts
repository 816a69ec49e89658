import { type DomainEvent, type EventIdentity } from '../../../src/domain/events';
import { formatDate } from '../../../src/frontend/shared/dates';
import { TONE_COLOURS, TREND_TONES, statusColour } from '../../../src/shared/status-colours';
import { type Workflow } from '../../../src/shared/workflow';
import { type ForgeDoc } from '../../../sandbox/ui-host';
import { MODULES, SPACES, type TestApp, startApp } from '../../integration/support/app';
import { historyWorkflow } from '../../integration/support/request-history';
import { seedRollups } from '../../integration/support/rollup-seed';
import { storeWorkflows } from '../../integration/support/synthetic-events';
import { type Screen, renderModule } from '../support/render';

const MINUTE = 60_000;
const DAY = 24 * 60 * MINUTE;
const now = Date.now();
const iso = (ms: number) => new Date(ms).toISOString();

type Outcome = { kind: 'approved' | 'rejected'; afterMinutes: number } | { kind: 'pending' };

/** One request's events as the app records them: submitted `daysAgo`, then decided after a while (or not). */
function requestEvents(id: string, workflow: Workflow, daysAgo: number, outcome: Outcome): DomainEvent[] {
  const submittedMs = now - daysAgo * DAY;
  const submittedAt = iso(submittedMs);
  const identity: EventIdentity = { requestId: id, pageId: `page-${id}`, spaceId: workflow.spaceId, workflowId: workflow.id, pageVersion: 1 };
  const events: DomainEvent[] = [
    {
      ...identity,
      actorId: 'u-alice',
      at: submittedAt,
      revision: 1,
      type: 'request.submitted',
      details: { pageTitle: `Page ${id}`, submittedBy: 'u-alice', trigger: 'manual', workflow, firstStep: { eligibleApprovers: ['u-bob'], approverGroups: [] } },
    },
  ];
  if (outcome.kind === 'pending') return events;
  const decided = { ...identity, actorId: 'u-bob', at: iso(submittedMs + outcome.afterMinutes * MINUTE), revision: 2 };
  events.push(
    outcome.kind === 'approved'
      ? { ...decided, type: 'request.approved', details: { stepIndex: 0, submittedAt } }
      : { ...decided, type: 'request.changesRequested', details: { stepIndex: 0, reason: 'rejections', submittedAt } },
  );
  return events;
}

function tile(screen: Screen, key: string): string {
  const box = screen.queryAllByType('Box').find((node) => node.props.testId === `analytics-kpi-${key}`);
  if (box === undefined) throw new Error(`No KPI tile ${key}`);
  return screen.textContent(box);
}

/** The figure on a tile: its Heading. */
function figure(screen: Screen, key: string): string {
  const box = screen.queryAllByType('Box').find((node) => node.props.testId === `analytics-kpi-${key}`);
  if (box === undefined) throw new Error(`No KPI tile ${key}`);
  return screen.textContent(screen.within(box).getByType('Heading'));
}

async function pickDate(screen: Screen, label: string, day: string): Promise<void> {
  await screen.fire(screen.getByLabel(label), 'onChange', day);
}

function decodeDataUri(href: string): { type: string; text: string } {
  const match = /^data:([^,]*);base64,(.*)$/.exec(href);
  if (match === null) throw new Error(`not a base64 data URI: ${href.slice(0, 60)}`);
  return { type: match[1], text: Buffer.from(match[2], 'base64').toString('utf8') };
}

const chartData = (node: ForgeDoc): unknown[] => (Array.isArray(node.props.data) ? node.props.data : []);

describe('the analytics page', () => {
  let app: TestApp;

  beforeAll(async () => {
    app = await startApp();
    const docs = historyWorkflow('wf-docs', SPACES.ENG.id, 'Docs review');
    const release = historyWorkflow('wf-release', SPACES.ENG.id, 'Release sign-off');
    const policy = historyWorkflow('wf-policy', SPACES.HR.id, 'HR policy');
    await storeWorkflows([docs, release, policy]);
    await seedRollups([
      ...requestEvents('e1', docs, 10, { kind: 'approved', afterMinutes: 200 }),
      ...requestEvents('e2', docs, 8, { kind: 'approved', afterMinutes: 200 }),
      ...requestEvents('e3', docs, 5, { kind: 'rejected', afterMinutes: 200 }),
      ...requestEvents('e4', docs, 2, { kind: 'pending' }),
      ...requestEvents('e5', release, 6, { kind: 'approved', afterMinutes: 3 * 24 * 60 }),
      ...requestEvents('h1', policy, 4, { kind: 'approved', afterMinutes: 60 }),
      ...requestEvents('h2', policy, 1, { kind: 'pending' }),
    ]);
  });

  afterAll(() => app.close());

  const open = (accountId: string) => renderModule({ entry: 'src/frontend/analytics.tsx', moduleKey: MODULES.analytics, accountId, context: {}, sandbox: app.sandbox });
  const loaded = async (screen: Screen) => screen.waitFor(() => tile(screen, 'submitted'));

  it('shows the last 30 days of every space the viewer can see, in tiles and charts', async () => {
    const screen = await open('u-grace');
    await loaded(screen);
    expect(figure(screen, 'submitted')).toBe('7');
    expect(figure(screen, 'approved')).toBe('4');
    expect(figure(screen, 'rejected')).toBe('1');
    expect(figure(screen, 'pending')).toBe('2');
    expect(figure(screen, 'rate')).toBe('80%');
    // Durations come from log-scale histograms: 200 minutes reads back as about 197, 3 days as about 3.1.
    expect(figure(screen, 'median')).toBe('3 h 17 min');
    expect(figure(screen, 'p90')).toBe('3.1 days');
    expect(tile(screen, 'median')).toContain('Median time to decision');

    const from = screen.getByLabel('From').props.value as string;
    const to = screen.getByLabel('To').props.value as string;
    expect((Date.parse(to) - Date.parse(from)) / DAY).toBe(29);

    expect(chartData(screen.getByType('DonutChart'))).toEqual([
      { status: 'In Approval', count: 2 },
      { status: 'Approved', count: 4 },
      { status: 'Changes Requested', count: 1 },
    ]);
    const [trendChart, decisionChart] = screen.getAllByType('BarChart');
    expect(trendChart.props.title).toBe('Daily activity (UTC days)');
    const trend = chartData(trendChart);
    expect(trend).toHaveLength(30 * 3);
    // The viewer's locale is en-US: days read as in the date pickers.
    expect(trend).toContainEqual({ day: formatDate(new Date(now - 10 * DAY).toISOString().slice(0, 10), 'en-US'), series: 'Submitted', count: 1 });
    expect(trend[0]).toMatchObject({ day: expect.stringMatching(/^[A-Z][a-z]{2} \d{1,2}, \d{4}$/) });
    expect(decisionChart.props.xAccessor).toBe('workflow');

    const workflowRows = screen.getAllByType('Row').map((row) => screen.within(row).getAllByType('Cell').map((cell) => screen.textContent(cell)));
    expect(workflowRows.map((cells) => cells[0])).toEqual(['Docs review', 'HR policy', 'Release sign-off']);
    expect(workflowRows[0].slice(1, 7)).toEqual(['ENG', '4', '2', '1', '1', '66.7%']);
  });

  it('colours each status the same in every chart, by name, whatever the categories a load returns', async () => {
    const screen = await open('u-grace');
    await loaded(screen);
    const colours = (title: string): Record<string, string> => {
      const node = [...screen.queryAllByType('DonutChart'), ...screen.queryAllByType('BarChart')].find((chart) => chart.props.title === title);
      if (node === undefined) throw new Error(`No chart ${title}`);
      // Keyed pairs, not a list used in category order: the colour must not follow the order.
      const palette = node.props.colorPalette as { key: string; value: string }[];
      return Object.fromEntries(palette.map((entry) => [entry.key, entry.value]));
    };
    expect(colours('Requests by status now')).toEqual({ 'In Approval': statusColour('inApproval'), Approved: statusColour('approved'), 'Changes Requested': statusColour('changesRequested') });
    expect(colours('Daily activity (UTC days)')).toEqual({ Submitted: TONE_COLOURS[TREND_TONES.submitted], Approved: statusColour('approved'), Rejected: statusColour('changesRequested') });
    expect(colours('Decisions by workflow')).toEqual({ Approved: statusColour('approved'), Rejected: statusColour('changesRequested') });

    await screen.select('Spaces', ['People & Policies (HR)']);
    await screen.waitFor(() => figure(screen, 'submitted') === '2');
    expect(chartData(screen.getByType('DonutChart'))).toEqual([
      { status: 'In Approval', count: 1 },
      { status: 'Approved', count: 1 },
    ]);
    expect(colours('Requests by status now')).toEqual({ 'In Approval': statusColour('inApproval'), Approved: statusColour('approved') });
  });

  it('leaves out the spaces the viewer cannot see', async () => {
    const screen = await open('u-ivan');
    await loaded(screen);
    expect(figure(screen, 'submitted')).toBe('5');
    expect(figure(screen, 'approved')).toBe('3');
    expect(figure(screen, 'pending')).toBe('1');
    expect(figure(screen, 'rate')).toBe('75%');
    const spaces = screen.getByLabel('Spaces').props.options as { label: string }[];
    expect(spaces.map((option) => option.label)).toEqual(['Engineering (ENG)']);
    expect(screen.textContent()).not.toContain('HR policy');
  });

  it('narrows to the spaces and workflows chosen', async () => {
    const screen = await open('u-grace');
    await loaded(screen);
    await screen.select('Spaces', ['People & Policies (HR)']);
    await screen.waitFor(() => figure(screen, 'submitted') === '2');
    expect(figure(screen, 'approved')).toBe('1');
    expect((screen.getByLabel('Workflows').props.options as { label: string }[]).map((option) => option.label)).toEqual(['HR policy']);

    await screen.select('Spaces', []);
    await screen.waitFor(() => figure(screen, 'submitted') === '7');
    await screen.select('Workflows', ['Release sign-off']);
    await screen.waitFor(() => figure(screen, 'submitted') === '1');
    expect(figure(screen, 'median')).toBe('3.1 days');
  });

  it('exports CSV with its header row and offers the HTML report, both as files to download or copy', async () => {
    const screen = await open('u-ivan');
    await loaded(screen);
    await screen.click('Export CSV');
    const csvModal = screen.getByType('Modal');
    const csv = screen.within(csvModal).getByLabel('CSV content').props.value as string;
    expect(csv.split('\r\n')[0]).toBe(
      'section,from,to,space,workflow_id,workflow,submitted,approved,rejected,withdrawn,expired,pending,approval_rate,median_minutes_to_decision,p90_minutes_to_decision',
    );
    expect(csv).toContain('summary,');
    expect(csv).not.toContain('HR policy');
    const csvLink = screen.within(csvModal).getByType('LinkButton');
    const csvFile = decodeDataUri(csvLink.props.href as string);
    expect(csvFile.type).toBe('text/csv;charset=utf-8');
    expect(csvFile.text).toBe(`\uFEFF${csv}`);
    expect(screen.textContent(csvModal)).toMatch(/approval-analytics-\d{4}-\d{2}-\d{2}-to-\d{4}-\d{2}-\d{2}\.csv/);
    await screen.click('Close');
    expect(screen.queryAllByType('Modal')).toHaveLength(0);

    await screen.click('Export HTML');
    const htmlModal = screen.getByType('Modal');
    expect(screen.within(htmlModal).getByText('Export as HTML report').type).toBe('ModalTitle');
    const html = screen.within(htmlModal).getByLabel('HTML source').props.value as string;
    expect(html).toMatch(/<html/i);
    const htmlFile = decodeDataUri(screen.within(htmlModal).getByType('LinkButton').props.href as string);
    expect(htmlFile.type).toBe('application/octet-stream');
    expect(htmlFile.text).toBe(html);
    expect(screen.textContent(htmlModal)).toMatch(/rename it to approval-analytics-.*\.html/);
  });

  it('refuses a start date after the end date where the dates are chosen, without asking', async () => {
    const screen = await open('u-grace');
    await loaded(screen);
    const asked = screen.invocations.length;
    const to = screen.getByLabel('To').props.value as string;
    await pickDate(screen, 'From', new Date(Date.parse(to) + DAY).toISOString().slice(0, 10));
    expect(screen.getByText('The start date must be on or before the end date').type).toBe('ErrorMessage');
    expect(screen.getByLabel('From').props.isInvalid).toBe(true);
    expect(screen.queryAllByType('DonutChart')).toHaveLength(0);
    expect(() => tile(screen, 'submitted')).toThrow();
    expect(screen.invocations.length).toBe(asked);
    expect(screen.getByText('Export CSV').props.isDisabled).toBe(true);
  });

  it('says when the range has no activity', async () => {
    const screen = await open('u-grace');
    await loaded(screen);
    await pickDate(screen, 'From', '2025-01-01');
    await pickDate(screen, 'To', '2025-01-31');
    await screen.waitFor(() => screen.getByText(/No approval activity in this range/));
    expect(screen.queryAllByType('DonutChart')).toHaveLength(0);
    expect(screen.getByText('Export CSV').props.isDisabled).toBe(true);
  });

  it('writes days as the rest of the app does, date pickers included, in the order of the viewer locale', async () => {
    const american = await open('u-grace');
    await loaded(american);
    expect(american.getByLabel('From').props).toMatchObject({ dateFormat: 'MMM D, YYYY', locale: 'en-US' });
    expect(american.getByLabel('To').props).toMatchObject({ dateFormat: 'MMM D, YYYY', locale: 'en-US' });
    await pickDate(american, 'From', '2025-01-01');
    await pickDate(american, 'To', '2025-01-31');
    await american.waitFor(() => american.getByText(/between Jan 1, 2025 and Jan 31, 2025 in the spaces/));

    const british = await renderModule({ entry: 'src/frontend/analytics.tsx', moduleKey: MODULES.analytics, accountId: 'u-grace', context: {}, locale: 'en-GB', sandbox: app.sandbox });
    await loaded(british);
    expect(british.getByLabel('From').props).toMatchObject({ dateFormat: 'D MMM YYYY', locale: 'en-GB' });
    expect(british.getByText(/^Updated \d{1,2} [A-Z][a-z]{2} \d{4}, \d{2}:\d{2}\./)).toBeDefined();
    await pickDate(british, 'From', '2025-01-01');
    await pickDate(british, 'To', '2025-01-31');
    await british.waitFor(() => british.getByText(/between 1 Jan 2025 and 31 Jan 2025 in the spaces/));
  });

  it('shows a failed load in place and recovers on Try again', async () => {
    // The resolver logs the injected failure; the test is about what the page shows.
    const logged = jest.spyOn(console, 'error').mockImplementation(() => undefined);
    app.sandbox.faults.failNext('storage', 1, { status: 500 });
    const screen = await open('u-grace');
    await screen.waitFor(() => screen.getByText(/Couldn't load the analytics/));
    expect(screen.getByType('SectionMessage').props.appearance).toBe('error');
    await screen.click('Try again');
    await loaded(screen);
    expect(figure(screen, 'submitted')).toBe('7');
    expect(logged).toHaveBeenCalled();
    logged.mockRestore();
  });
});
