import { type ApprovalRequest } from '../../../src/domain/request';
import { type Workflow } from '../../../src/shared/workflow';
import { saveChangeSize } from '../../../src/storage/change-sizes';
import { syncApproverTasks } from '../../../src/storage/tasks';
import { type TestApp, startApp } from '../../integration/support/app';
import { queueRequest, storeRequests } from '../../integration/support/queue-seed';
import { cellText, chooseTab, openQueue, pickDate, pickUser, rowOf, rows, titles } from './queue-screen';

const HOUR = 60 * 60 * 1000;
const DAY = 24 * HOUR;
const now = Date.now();
const ago = (ms: number) => new Date(now - ms);
const dayOf = (date: Date) => date.toISOString().slice(0, 10);

async function seed(requests: ApprovalRequest[]): Promise<void> {
  await storeRequests(requests);
  await syncApproverTasks(requests.filter((request) => request.status === 'inApproval'));
}

describe('the approval queue lists a space’s requests', () => {
  let app: TestApp;
  let docs: Workflow;
  let release: Workflow;

  beforeAll(async () => {
    app = await startApp();
    docs = await app.createWorkflow({
      name: 'Docs review',
      steps: [{ id: 'review', name: 'Review', approvers: [{ type: 'user', accountId: 'u-bob' }, { type: 'user', accountId: 'u-carol' }], rule: { kind: 'any' }, dueDays: 2 }],
    });
    release = await app.createWorkflow({
      name: 'Release sign-off',
      steps: [
        { id: 'review', name: 'Review', approvers: [{ type: 'user', accountId: 'u-bob' }], rule: { kind: 'any' } },
        { id: 'legal', name: 'Legal', approvers: [{ type: 'user', accountId: 'u-dana' }], rule: { kind: 'any' }, dueDays: 1 },
        { id: 'final', name: 'Final', approvers: [{ type: 'user', accountId: 'u-frank' }], rule: { kind: 'any' } },
      ],
    });
    await seed([
      // Waiting five days on a step due after two: overdue.
      queueRequest({ id: 'r-adr1', pageId: '10012', workflow: docs, submittedBy: 'u-alice', submittedAt: ago(5 * DAY) }),
      queueRequest({ id: 'r-adr2', pageId: '10013', workflow: docs, submittedBy: 'u-dana', submittedAt: ago(2 * HOUR) }),
      // Bob approved the first step; Legal (Dana) decides now, so Bob cannot.
      queueRequest({ id: 'r-release', pageId: '10020', workflow: release, submittedBy: 'u-alice', submittedAt: ago(3 * DAY), then: [{ type: 'approve', actorId: 'u-bob' }] }),
      queueRequest({ id: 'r-onboard', pageId: '10030', workflow: docs, submittedBy: 'u-alice', submittedAt: ago(8 * DAY), then: [{ type: 'approve', actorId: 'u-carol' }] }),
      queueRequest({ id: 'r-hotfix', pageId: '10022', workflow: docs, submittedBy: 'u-dana', submittedAt: ago(6 * DAY), then: [{ type: 'reject', actorId: 'u-bob', comment: 'Add the rollback' }] }),
      // On a page Grace cannot see: she never gets it listed.
      queueRequest({ id: 'r-postmortem', pageId: '10040', workflow: docs, submittedBy: 'u-alice', submittedAt: ago(1 * DAY) }),
    ]);
    // ADR-002 was approved before: its resubmission's effects measured the change.
    await saveChangeSize('r-adr2', { fromVersion: 1, toVersion: 2, counts: { added: 10, removed: 1, changed: 2 } });
  });

  afterAll(() => app.close());

  it('shows an approver what waits for them, where each request stands and what is overdue', async () => {
    const screen = await openQueue(app, 'u-bob');
    await screen.waitFor(() => rows(screen).length > 0);
    expect(titles(screen)).toEqual(['ADR-002: Event-driven notifications', 'Security Incident Postmortem 2026-09', 'ADR-001: Build approvals as a Forge app']);

    expect(cellText(screen, 'ADR-001: Build approvals as a Forge app', 'workflow')).toMatch(/Step 1 of 1 · Review$/);
    expect(cellText(screen, 'ADR-001: Build approvals as a Forge app', 'status')).toMatch(/^In Approval.*Overdue$/);
    const overdue = screen.within(rowOf(screen, 'ADR-001: Build approvals as a Forge app')).getByText('Overdue');
    expect(overdue).toMatchObject({ type: 'Lozenge', props: expect.objectContaining({ appearance: 'removed' }) });
    expect(cellText(screen, 'ADR-002: Event-driven notifications', 'status')).not.toContain('Overdue');
    expect(cellText(screen, 'ADR-001: Build approvals as a Forge app', 'submitted')).toContain('Alice Author');
    expect(cellText(screen, 'ADR-001: Build approvals as a Forge app', 'page')).toMatch(/Version 1$/);
    expect(cellText(screen, 'ADR-002: Event-driven notifications', 'page')).toMatch(/Version \d+ · \+12 −3 paragraphs$/);
    const status = screen.within(rowOf(screen, 'ADR-002: Event-driven notifications')).getByText('In Approval');
    expect(status).toMatchObject({ type: 'Lozenge', props: expect.objectContaining({ appearance: 'inprogress' }) });

    await chooseTab(screen, 'All pending');
    await screen.waitFor(() => titles(screen).includes('Release Process'));
    expect(cellText(screen, 'Release Process', 'workflow')).toMatch(/Step 2 of 3 · Legal$/);
    // Legal's step is Dana's: no box to tick for Bob on that row, one on his own rows.
    expect(screen.within(rowOf(screen, 'Release Process')).queryAllByType('Checkbox')).toHaveLength(0);
    expect(screen.within(rowOf(screen, 'ADR-002: Event-driven notifications')).queryAllByType('Checkbox')).toHaveLength(1);
  });

  it('lists decided requests on the Approved and Rejected tabs with their status', async () => {
    const screen = await openQueue(app, 'u-bob');
    await screen.waitFor(() => rows(screen).length > 0);
    await chooseTab(screen, 'Approved');
    await screen.waitFor(() => titles(screen).length === 1);
    expect(titles(screen)).toEqual(['Onboarding Guide']);
    // The day it ended, and under it the time: two short lines instead of one that wraps three times.
    expect(cellText(screen, 'Onboarding Guide', 'decided')).toMatch(/^\w{3} \d{1,2}, \d{4}\d{1,2}:\d{2} (AM|PM)$/);
    expect(screen.within(rowOf(screen, 'Onboarding Guide')).getByText('Approved')).toMatchObject({ type: 'Lozenge', props: expect.objectContaining({ appearance: 'success' }) });
    expect(screen.queryAllByType('Checkbox')).toHaveLength(0);
    expect(screen.queryByText('Approve selected')).toBeNull();

    await chooseTab(screen, 'Rejected');
    await screen.waitFor(() => titles(screen).length === 1 && titles(screen)[0] === 'Hotfix Procedure');
    expect(screen.within(rowOf(screen, 'Hotfix Procedure')).getByText('Changes Requested').props.appearance).toBe('removed');
  });

  it('narrows the list by workflow, submitter and submission dates, and clears the filters', async () => {
    const screen = await openQueue(app, 'u-frank');
    await screen.waitFor(() => screen.getByText(/Nothing waiting for you/));
    await chooseTab(screen, 'All pending');
    await screen.waitFor(() => rows(screen).length === 4);

    await screen.select('Workflow', 'Release sign-off');
    await screen.waitFor(() => titles(screen).length === 1);
    expect(titles(screen)).toEqual(['Release Process']);

    await screen.select('Workflow', 'Docs review');
    await pickUser(screen, 'Submitted by', 'u-dana', 'Dana Legal');
    await screen.waitFor(() => titles(screen).length === 1);
    expect(titles(screen)).toEqual(['ADR-002: Event-driven notifications']);

    await screen.click('Clear filters');
    await screen.waitFor(() => rows(screen).length === 4);

    await pickDate(screen, 'Submitted from', dayOf(ago(4 * DAY)));
    await screen.waitFor(() => rows(screen).length === 3);
    expect(titles(screen)).toEqual(['ADR-002: Event-driven notifications', 'Security Incident Postmortem 2026-09', 'Release Process']);
    await pickDate(screen, 'Submitted to', dayOf(ago(2 * DAY)));
    await screen.waitFor(() => rows(screen).length === 1);
    expect(titles(screen)).toEqual(['Release Process']);

    await pickDate(screen, 'Submitted from', dayOf(ago(20 * DAY)));
    await screen.waitFor(() => titles(screen).length === 2);
    expect(titles(screen)).toEqual(['Release Process', 'ADR-001: Build approvals as a Forge app']);
  });

  it('says so when the start date is after the end date, and asks nothing', async () => {
    const screen = await openQueue(app, 'u-frank');
    await chooseTab(screen, 'All pending');
    await screen.waitFor(() => rows(screen).length === 4);
    const asked = screen.invocations.length;
    await pickDate(screen, 'Submitted from', dayOf(ago(1 * DAY)));
    await pickDate(screen, 'Submitted to', dayOf(ago(3 * DAY)));
    expect(screen.getByText('The start date must be on or before the end date.').type).toBe('ErrorMessage');
    expect(screen.getByLabel('Submitted to').props.isInvalid).toBe(true);
    expect(rows(screen)).toHaveLength(0);
    // The first pick (a valid range) asked once; the invalid one did not.
    expect(screen.invocations.length).toBe(asked + 1);

    await pickDate(screen, 'Submitted to', '');
    await screen.waitFor(() => rows(screen).length === 2);
    expect(screen.queryByText('The start date must be on or before the end date.')).toBeNull();
  });

  it('says when nothing matches the filters, and leaves out pages the viewer cannot see', async () => {
    const screen = await openQueue(app, 'u-grace');
    await screen.waitFor(() => screen.getByText(/Nothing waiting for you/));
    expect(screen.queryByText('Approve selected')).toBeNull();
    await chooseTab(screen, 'All pending');
    await screen.waitFor(() => rows(screen).length === 3);
    expect(titles(screen)).not.toContain('Security Incident Postmortem 2026-09');
    expect(screen.queryAllByType('Checkbox')).toHaveLength(0);

    await pickUser(screen, 'Submitted by', 'u-heidi', 'Heidi Siteadmin');
    await screen.waitFor(() => screen.getByText(/No items match these filters/));
    expect(rows(screen)).toHaveLength(0);
  });

  it('writes days and times in the order of the viewer\'s locale, date pickers included', async () => {
    const adr = 'ADR-001: Build approvals as a Forge app';
    const american = await openQueue(app, 'u-bob');
    await american.waitFor(() => rows(american).length > 0);
    expect(cellText(american, adr, 'submitted')).toMatch(/Alice Author\w{3} \d{1,2}, \d{4}$/);
    expect(cellText(american, adr, 'status')).toMatch(/Due \w{3} \d{1,2}, \d{4}Overdue$/);
    expect(american.getByLabel('Submitted from').props).toMatchObject({ dateFormat: 'MMM D, YYYY', locale: 'en-US' });

    const british = await openQueue(app, 'u-bob', 'en-GB');
    await british.waitFor(() => rows(british).length > 0);
    expect(cellText(british, adr, 'submitted')).toMatch(/Alice Author\d{1,2} \w{3} \d{4}$/);
    expect(cellText(british, adr, 'status')).toMatch(/Due \d{1,2} \w{3} \d{4}Overdue$/);
    expect(british.getByLabel('Submitted to').props).toMatchObject({ dateFormat: 'D MMM YYYY', locale: 'en-GB' });
  });

  it('opens the page from its title in the same tab', async () => {
    const screen = await openQueue(app, 'u-bob');
    await screen.waitFor(() => rows(screen).length > 0);
    await screen.click('ADR-002: Event-driven notifications');
    expect(screen.navigations).toEqual([{ kind: 'same-tab', url: '/wiki/spaces/ENG/pages/10013/ADR-002%3A+Event-driven+notifications' }]);
  });
});

describe('a long queue', () => {
  let app: TestApp;

  beforeAll(async () => {
    app = await startApp();
    const docs = await app.createWorkflow({
      name: 'Docs review',
      steps: [{ id: 'review', name: 'Review', approvers: [{ type: 'user', accountId: 'u-bob' }], rule: { kind: 'any' } }],
    });
    const pages = ['10012', '10013', '10014', '10020', '10021', '10022', '10030', '10031', '10051', '10052'];
    await seed(
      Array.from({ length: 27 }, (_, n) =>
        queueRequest({ id: `r-${String(n).padStart(2, '0')}`, pageId: pages[n % pages.length], workflow: docs, submittedBy: 'u-alice', submittedAt: ago((n + 1) * HOUR) }),
      ),
    );
  });

  afterAll(() => app.close());

  it('shows 25 items, then the rest with Load more', async () => {
    const screen = await openQueue(app, 'u-bob');
    await screen.waitFor(() => rows(screen).length > 0);
    expect(rows(screen)).toHaveLength(25);
    await screen.click('Load more');
    await screen.waitFor(() => rows(screen).length === 27);
    expect(screen.queryByText('Load more')).toBeNull();
    expect(new Set(rows(screen).map((row) => row.key)).size).toBe(27);
  });
});
