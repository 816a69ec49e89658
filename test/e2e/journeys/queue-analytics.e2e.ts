/**
 * The space's approval queue and the site's analytics, in the real modules: Bob approves
 * several pages at once and reads what happened to each; a manager reads the figures and exports
 * them as CSV. The workflow, the submissions and earlier decisions are seeded through the
 * resolvers, as the people who would make them.
 */
import { readFileSync } from 'node:fs';
import { DOC_VIEWPORT, saveDocImage, saveScreenshot } from '../support/artifacts';
import { describeInBrowser } from '../support/chromium';
import { setupE2E } from '../support/e2e';
import { moduleProblems } from '../support/modules';
import { UI_TIMEOUT_MS, pageView } from '../support/shell';
import { MODULES, PAGES, PEOPLE, decide, pageApproval, seedReleaseWorkflow, submit, withdraw } from './seed';
import { SPACE_PATHS, openAppPageAs } from './ui';

const CSV_HEADER =
  'section,from,to,space,workflow_id,workflow,submitted,approved,rejected,withdrawn,expired,pending,approval_rate,median_minutes_to_decision,p90_minutes_to_decision';

describeInBrowser('the approval queue and analytics', () => {
  const e2e = setupE2E();
  beforeEach(() => e2e.page.setViewportSize(DOC_VIEWPORT));

  it('Bob approves several pages at once in the queue and sees the result of each', async () => {
    const page = e2e.page;
    await seedReleaseWorkflow(e2e.server);
    const pages = [PAGES.releaseProcess, PAGES.releaseChecklist, PAGES.onboardingGuide];
    for (const { id } of pages) await submit(e2e.server, PEOPLE.alice.accountId, id);

    const region = await openAppPageAs(e2e, SPACE_PATHS.queue, MODULES.queue, PEOPLE.bob.accountId);
    await region.getByRole('tab', { name: 'Pending for me', selected: true }).waitFor({ timeout: UI_TIMEOUT_MS });
    const rowOf = (title: string) => region.getByRole('row').filter({ has: page.getByRole('button', { name: title, exact: true }) });
    for (const { title } of pages) await rowOf(title).waitFor({ timeout: UI_TIMEOUT_MS });
    await region.getByText('Tick the items you want to decide on (up to 100 at once).').waitFor({ timeout: UI_TIMEOUT_MS });

    await region.getByRole('checkbox', { name: 'Select all' }).check();
    await region.getByText('3 selected', { exact: true }).waitFor({ timeout: UI_TIMEOUT_MS });
    for (const { title } of pages) expect(await rowOf(title).getByRole('checkbox').isChecked()).toBe(true);
    await saveScreenshot(page, 'journey-queue-selected');
    await saveDocImage(page, 'queue-selected', [region.getByRole('heading', { name: 'Approvals' }), region.getByRole('table', { name: 'Approval requests' })]);

    // While Bob looks at the list, Alice withdraws one of the pages: that item must fail on its own.
    await withdraw(e2e.server, PEOPLE.alice.accountId, PAGES.onboardingGuide.id);
    await region.getByRole('button', { name: 'Approve selected' }).click();

    const outcome = region.getByText('2 items approved, 1 not', { exact: true });
    await outcome.waitFor({ timeout: UI_TIMEOUT_MS });
    await region.getByRole('heading', { name: 'Approved (2)' }).waitFor({ timeout: UI_TIMEOUT_MS });
    await region.getByRole('heading', { name: 'Not approved (1)' }).waitFor({ timeout: UI_TIMEOUT_MS });
    const items = await region.getByRole('listitem').allInnerTexts();
    expect(items).toEqual(
      expect.arrayContaining([
        expect.stringMatching(new RegExp(`^${PAGES.releaseProcess.title} v${PAGES.releaseProcess.version}.*: Approved\\.$`)),
        expect.stringMatching(new RegExp(`^${PAGES.releaseChecklist.title} v${PAGES.releaseChecklist.version}.*: Approved\\.$`)),
        expect.stringMatching(new RegExp(`^${PAGES.onboardingGuide.title} v${PAGES.onboardingGuide.version}.*: This request is no longer in approval: it was withdrawn`)),
      ]),
    );
    // The list reloads: the decided items have left Bob's pending tab and the selection is gone.
    await region.getByText('Nothing waiting for you').waitFor({ timeout: UI_TIMEOUT_MS });
    await saveScreenshot(page, 'journey-queue-bulk-result');
    expect(await moduleProblems(page, MODULES.queue).count()).toBe(0);
    await saveDocImage(page, 'queue-bulk-result', [region.getByRole('tablist'), region.getByText('Nothing waiting for you')]);

    const approved = await pageApproval(e2e.server, PEOPLE.alice.accountId, PAGES.releaseProcess.id);
    expect(approved.request).toMatchObject({ status: 'inApproval', currentStepIndex: 1 });
    expect(approved.byline.title).toBe('In approval · step 2 of 2');

    await region.getByRole('button', { name: 'Dismiss' }).click();
    await outcome.waitFor({ state: 'detached', timeout: UI_TIMEOUT_MS });

    // All pending lists them at the sign-off step, without boxes for Bob; a title opens the page.
    await region.getByRole('tab', { name: 'All pending' }).click();
    const next = rowOf(PAGES.releaseProcess.title);
    await next.getByText('2 of 2 · Sign-off').waitFor({ timeout: UI_TIMEOUT_MS });
    expect(await next.getByRole('checkbox').count()).toBe(0);
    await next.getByRole('button', { name: PAGES.releaseProcess.title, exact: true }).click();
    await pageView(page, PAGES.releaseProcess.id);
    expect(e2e.pageErrors).toEqual([]);
  });

  it('the analytics page shows the decisions, and Export CSV offers the file', async () => {
    const page = e2e.page;
    await seedReleaseWorkflow(e2e.server);
    for (const { id } of [PAGES.releaseProcess, PAGES.releaseChecklist, PAGES.onboardingGuide]) await submit(e2e.server, PEOPLE.alice.accountId, id);
    for (const person of [PEOPLE.bob, PEOPLE.dana, PEOPLE.eve]) await decide(e2e.server, person.accountId, PAGES.releaseProcess.id, 'approve');
    await decide(e2e.server, PEOPLE.bob.accountId, PAGES.releaseChecklist.id, 'reject', 'The checklist misses the sign-off step.');
    await e2e.server.drain();

    const region = await openAppPageAs(e2e, SPACE_PATHS.analytics, MODULES.analytics, PEOPLE.frank.accountId);
    const kpi = (key: string) => region.getByTestId(`analytics-kpi-${key}`).getByRole('heading');
    await kpi('submitted').waitFor({ timeout: UI_TIMEOUT_MS });
    expect(await kpi('submitted').innerText()).toBe('3');
    expect(await kpi('approved').innerText()).toBe('1');
    expect(await kpi('rejected').innerText()).toBe('1');
    expect(await kpi('pending').innerText()).toBe('1');
    expect(await kpi('rate').innerText()).toBe('50%');
    await region.getByText('Requests by status now').waitFor({ timeout: UI_TIMEOUT_MS });
    await region.getByText('Workflow comparison').first().waitFor({ timeout: UI_TIMEOUT_MS });
    await saveScreenshot(page, 'journey-analytics');
    // The figures and both charts in one picture: a taller window than the guides' usual one.
    await page.setViewportSize({ width: DOC_VIEWPORT.width, height: 1000 });
    await saveDocImage(page, 'analytics', [region.getByRole('heading', { name: 'Approval analytics' }), region.getByRole('img', { name: 'Daily activity (UTC days)' })]);
    await page.setViewportSize(DOC_VIEWPORT);

    await region.getByRole('button', { name: 'Export CSV' }).click();
    const modal = page.getByRole('dialog');
    await modal.getByRole('heading', { name: 'Export as CSV' }).waitFor({ timeout: UI_TIMEOUT_MS });
    const content = await modal.getByRole('textbox', { name: 'CSV content' }).inputValue();
    const lines = content.split('\n');
    expect(lines[0]).toBe(CSV_HEADER);
    expect(lines.find((line) => line.startsWith('summary,'))).toMatch(/^summary,[^,]*,[^,]*,[^,]*,[^,]*,[^,]*,3,1,1,0,0,1,0\.5,/);

    await saveScreenshot(page, 'journey-analytics-export');
    expect(await moduleProblems(page, MODULES.analytics).count()).toBe(0);
    expect(e2e.pageErrors).toEqual([]);

    // The download link holds the file itself (a data: URI), so the browser saves what the box shows.
    // Last, because after a data: download Playwright (with Debian's Chromium) keeps waiting for a
    // navigation that became the download: the click must not wait for it, and no action can follow.
    const download = page.waitForEvent('download', { timeout: UI_TIMEOUT_MS });
    await modal.getByRole('link', { name: 'Download CSV' }).click({ noWaitAfter: true });
    const file = await download;
    expect(file.suggestedFilename()).toBe('download.csv');
    // The file starts with a byte-order mark and has CRLF line ends, which a textarea shows as LF.
    const saved = readFileSync(await file.path(), 'utf8');
    expect(saved.startsWith('\uFEFF')).toBe(true);
    expect(saved.slice(1).replace(/\r\n/g, '\n')).toBe(content);
  });
});
