/**
 * Approving a page from its byline, each person clicking in the real dialog through the shell:
 * submission and a two-step approval, a rejection and a resubmission after an edit, and what a
 * viewer sees. The workflow (Frank's "Release sign-off", the ENG default) is seeded through the
 * settings resolver, since these journeys are not about setting it up.
 */
import { DOC_VIEWPORT, saveDocImage, saveScreenshot } from '../support/artifacts';
import { describeInBrowser } from '../support/chromium';
import { setupE2E } from '../support/e2e';
import { moduleProblems } from '../support/modules';
import { UI_TIMEOUT_MS, pageView } from '../support/shell';
import { MODULES, PAGES, PEOPLE, RELEASE_WORKFLOW, decide, pageApproval, seedReleaseWorkflow, submit } from './seed';
import { actAs, bylineTitle, closeApprovalDialog, dismissFlags, exactText, openApprovalDialog, openPageAs, waitForBylineTitle, waitForFlag } from './ui';

const PAGE = PAGES.releaseProcess;

describeInBrowser('approving a page from its byline', () => {
  const e2e = setupE2E();
  beforeEach(() => e2e.page.setViewportSize(DOC_VIEWPORT));

  it('Alice submits Release Process; Bob approves the review, Dana and Eve the sign-off; the byline reads Approved v4', async () => {
    const page = e2e.page;
    await seedReleaseWorkflow(e2e.server);

    await openPageAs(e2e, PAGE.id, PEOPLE.alice.accountId);
    let dialog = await openApprovalDialog(page);
    await dialog.getByRole('heading', { name: `Submit version ${PAGE.version} for approval` }).waitFor({ timeout: UI_TIMEOUT_MS });
    expect(await dialog.innerText()).toContain(`Workflow: ${RELEASE_WORKFLOW}`);
    await dialog.getByLabel('Note for the approvers').fill('Updated for the 2027 release train.');
    await dialog.getByRole('button', { name: 'Submit', exact: true }).click();
    await waitForFlag(page, 'Submitted for approval');
    await exactText(dialog, 'In Approval').waitFor({ timeout: UI_TIMEOUT_MS });
    await dialog.getByRole('heading', { name: 'Current request' }).waitFor({ timeout: UI_TIMEOUT_MS });
    // The byline behind the open dialog reads the new status at once, without a reload and before
    // the effects have run: the dialog set the property and announced it (useContentProperty).
    await waitForBylineTitle(page, 'In approval · step 1 of 2');
    await saveScreenshot(page, 'journey-submitted');

    // Bob, the only approver of step 1 ("any one approver").
    await actAs(page, PEOPLE.bob.name, PAGE.id);
    dialog = await openApprovalDialog(page);
    await dialog.getByRole('heading', { name: 'Your decision' }).waitFor({ timeout: UI_TIMEOUT_MS });
    await dialog.getByLabel('Comment').fill('Checked the rollback section.');
    await dialog.getByRole('button', { name: 'Approve', exact: true }).click();
    await waitForFlag(page, 'Your approval was recorded');
    await exactText(dialog, 'In Approval').waitFor({ timeout: UI_TIMEOUT_MS });
    // Bob has decided: the dialog no longer offers him a decision.
    await dialog.getByRole('heading', { name: 'Your decision' }).waitFor({ state: 'detached', timeout: UI_TIMEOUT_MS });
    await waitForBylineTitle(page, 'In approval · step 2 of 2');

    // Step 2 needs two approvals from the legal group: Dana's alone does not finish it.
    await actAs(page, PEOPLE.dana.name, PAGE.id);
    dialog = await openApprovalDialog(page);
    await dialog.getByRole('heading', { name: 'Your decision' }).waitFor({ timeout: UI_TIMEOUT_MS });
    await dismissFlags(page);
    await saveDocImage(page, 'byline-dialog', [page.getByTestId('page-title'), dialog]);
    await dialog.getByRole('button', { name: 'Approve', exact: true }).click();
    await waitForFlag(page, 'Your approval was recorded');

    await actAs(page, PEOPLE.eve.name, PAGE.id);
    dialog = await openApprovalDialog(page);
    await dialog.getByRole('button', { name: 'Approve', exact: true }).click();
    await waitForFlag(page, 'Page approved');
    await exactText(dialog, 'Approved').first().waitFor({ timeout: UI_TIMEOUT_MS });

    // Eve may only view Engineering pages, and Confluence refuses her property writes: her dialog
    // cannot redraw the byline. The effects write it, and the next page view draws it from the
    // property without asking the app.
    expect(await moduleProblems(page, MODULES.byline).count()).toBe(0);
    await e2e.server.drain();
    await page.reload();
    await waitForBylineTitle(page, `Approved v${PAGE.version}`);
    expect(await bylineTitle(page).innerText()).toBe(`Approved v${PAGE.version}`);
    await saveScreenshot(page, 'journey-approved');
    expect(e2e.pageErrors).toEqual([]);
  });

  it('Bob rejects with a comment; Alice edits the page and resubmits version 5, which is approved', async () => {
    const page = e2e.page;
    await seedReleaseWorkflow(e2e.server);
    await submit(e2e.server, PEOPLE.alice.accountId, PAGE.id, 'Ready for review.');

    await openPageAs(e2e, PAGE.id, PEOPLE.bob.accountId);
    let dialog = await openApprovalDialog(page);
    // Rejecting needs a comment: the message shows next to the field and nothing is sent.
    await dialog.getByRole('button', { name: 'Reject', exact: true }).click();
    await dialog.getByText('A comment explaining the rejection is required').waitFor({ timeout: UI_TIMEOUT_MS });
    await dialog.getByLabel('Comment').fill('Add the rollback steps for database migrations.');
    await dialog.getByRole('button', { name: 'Reject', exact: true }).click();
    await waitForFlag(page, 'Changes requested');
    await exactText(dialog, 'Changes Requested').waitFor({ timeout: UI_TIMEOUT_MS });
    await waitForBylineTitle(page, `Changes requested v${PAGE.version}`);
    await e2e.server.drain();
    await saveScreenshot(page, 'journey-changes-requested');

    // Alice reads why, edits the page (a new version 5) and resubmits it.
    let view = await actAs(page, PEOPLE.alice.name, PAGE.id);
    await waitForBylineTitle(page, `Changes requested v${PAGE.version}`);
    dialog = await openApprovalDialog(page);
    expect(await dialog.innerText()).toContain('Add the rollback steps for database migrations.');
    await closeApprovalDialog(page);
    await view.getByRole('button', { name: 'Edit', exact: true }).click();
    const editor = page.getByTestId('page-editor');
    await editor.getByLabel('Body').fill('<p>Releases ship every second Tuesday.</p><p>Roll back database migrations with the down scripts before reverting a release.</p>');
    await editor.getByRole('button', { name: 'Update', exact: true }).click();
    view = await pageView(page, PAGE.id);
    const resubmitted = PAGE.version + 1;
    await view.locator(`[data-testid="page-version"][data-version="${resubmitted}"]`).waitFor({ timeout: UI_TIMEOUT_MS });
    await e2e.server.drain();

    dialog = await openApprovalDialog(page);
    await dialog.getByRole('heading', { name: `Resubmit version ${resubmitted} for approval` }).waitFor({ timeout: UI_TIMEOUT_MS });
    await dialog.getByLabel('Note for the approvers').fill('Rollback steps added.');
    await dialog.getByRole('button', { name: 'Resubmit', exact: true }).click();
    await waitForFlag(page, 'Resubmitted for approval');
    await exactText(dialog, 'In Approval').waitFor({ timeout: UI_TIMEOUT_MS });

    // The new version goes through both steps again; Eve's approval completes it in her dialog.
    await decide(e2e.server, PEOPLE.bob.accountId, PAGE.id, 'approve');
    await decide(e2e.server, PEOPLE.dana.accountId, PAGE.id, 'approve');
    await actAs(page, PEOPLE.eve.name, PAGE.id);
    dialog = await openApprovalDialog(page);
    await dialog.getByRole('button', { name: 'Approve', exact: true }).click();
    await waitForFlag(page, 'Page approved');
    const text = await dialog.innerText();
    expect(text).toContain(`Approved v${resubmitted} · current version`);
    expect(text).toContain(`Workflow: ${RELEASE_WORKFLOW} · version ${resubmitted}`);
    // Eve views only: the byline shows the approval from the next page view on (the effects wrote it).
    await e2e.server.drain();
    await page.reload();
    await waitForBylineTitle(page, `Approved v${resubmitted}`);
    await saveScreenshot(page, 'journey-resubmitted-approved');

    // The history keeps the first request and its rejection.
    const history = await pageApproval(e2e.server, PEOPLE.alice.accountId, PAGE.id);
    expect(history.history.entries.map((entry) => entry.summary).join('\n')).toContain('Bob Approver rejected step 1 of 2 (Review)');
    expect(e2e.pageErrors).toEqual([]);
  });

  it('Grace, a viewer, sees the status, the request and its history in the dialog, and no action', async () => {
    const page = e2e.page;
    await seedReleaseWorkflow(e2e.server);
    await submit(e2e.server, PEOPLE.alice.accountId, PAGE.id, 'Ready for review.');
    await decide(e2e.server, PEOPLE.bob.accountId, PAGE.id, 'approve', 'Looks good to me.');
    await e2e.server.drain();

    await openPageAs(e2e, PAGE.id, PEOPLE.grace.accountId);
    await waitForBylineTitle(page, 'In approval · step 2 of 2');
    const dialog = await openApprovalDialog(page);
    await exactText(dialog, 'In Approval').waitFor({ timeout: UI_TIMEOUT_MS });
    await dialog.getByRole('heading', { name: 'Current request' }).waitFor({ timeout: UI_TIMEOUT_MS });
    // The history waits behind its toggle, the only button a viewer has.
    expect(await dialog.getByRole('button').count()).toBe(1);
    await dialog.getByRole('button', { name: /^Show history \(\d+\)$/ }).click();
    await dialog.getByRole('button', { name: 'Hide history', exact: true }).waitFor({ timeout: UI_TIMEOUT_MS });
    const text = await dialog.innerText();
    expect(text).toContain('Step 1 of 2 · Review');
    expect(text).toContain('“Looks good to me.”');
    expect(text).toContain('Step 2 of 2 · Sign-off');
    expect(text).toContain('Bob Approver approved step 1 of 2 (Review)');
    expect(text).toContain('Alice Author submitted version 4 for approval');
    expect(await dialog.getByRole('textbox').count()).toBe(0);
    await saveScreenshot(page, 'journey-viewer');
    expect(e2e.pageErrors).toEqual([]);
  });
});
