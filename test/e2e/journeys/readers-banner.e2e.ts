/**
 * Readers and the approved version, in the shell as Confluence shows a page: Alice edits an
 * approved page, and Grace, who may only view it, sees the banner above the title, opens the
 * approved version from it and reads that version's text; while Alice's resubmission is in
 * review the banner says so, and she dismisses it. The ENG default workflow (one step, Bob decides), the submissions
 * and Bob's approval are made through the resolvers, since this journey is about reading.
 */
import { type WorkflowDetailView, type WorkflowListView } from '../../../src/shared/contract';
import { DOC_VIEWPORT, saveDocImage, saveScreenshot } from '../support/artifacts';
import { describeInBrowser } from '../support/chromium';
import { setupE2E } from '../support/e2e';
import { invokeAs } from '../support/invoke';
import { moduleRegion } from '../support/modules';
import { type E2EServer } from '../support/sandbox-server';
import { UI_TIMEOUT_MS, pageView } from '../support/shell';
import { ENG, MODULES, PAGES, PEOPLE, decide, submit } from './seed';
import { actAs, openPageAs, waitForBylineTitle } from './ui';

const PAGE = PAGES.releaseProcess;
const BANNER = 'readers-banner';
const APPROVED_TEXT = 'The release manager rotates weekly and follows the Release Checklist.';
const EDITED_TEXT = 'Releases ship every Tuesday from now on.';

async function seedQuickReview(server: E2EServer): Promise<void> {
  const workflow = {
    name: 'Quick review',
    description: 'Bob reads every page before it counts as approved.',
    owners: [PEOPLE.frank.accountId],
    steps: [{ id: 'review', name: 'Review', approvers: [{ type: 'user', accountId: PEOPLE.bob.accountId }], rule: { kind: 'any' }, rejectionsToFail: 1 }],
    options: { selfApproval: false, autoSubmitOnEdit: false, validityDays: null, onEditDuringReview: 'keep' },
  };
  const created = await invokeAs<WorkflowDetailView>(server, PEOPLE.frank.accountId, MODULES.settings, 'createWorkflow', { workflow }, { space: ENG });
  const list = await invokeAs<WorkflowListView>(server, PEOPLE.frank.accountId, MODULES.settings, 'setDefaultWorkflow', { workflowId: created.workflow.id }, { space: ENG });
  if (list.defaultWorkflowId !== created.workflow.id) throw new Error(`The ENG default workflow is ${String(list.defaultWorkflowId)}, not ${created.workflow.id}`);
}

describeInBrowser('readers and the approved version', () => {
  const e2e = setupE2E();
  beforeEach(() => e2e.page.setViewportSize(DOC_VIEWPORT));

  it('Alice edits an approved page; Grace sees the banner, opens the approved version and reads its text', async () => {
    const page = e2e.page;
    await seedQuickReview(e2e.server);
    await submit(e2e.server, PEOPLE.alice.accountId, PAGE.id);
    await decide(e2e.server, PEOPLE.bob.accountId, PAGE.id, 'approve');
    await e2e.server.drain();

    // On an approved page the banner draws nothing at all: its module is there, empty.
    let view = await openPageAs(e2e, PAGE.id, PEOPLE.grace.accountId);
    await waitForBylineTitle(page, `Approved v${PAGE.version}`);
    const empty = moduleRegion(page, BANNER).and(page.locator('[data-state="ready"]'));
    await empty.waitFor({ state: 'attached', timeout: UI_TIMEOUT_MS });
    expect(await empty.innerText()).toBe('');

    // Alice edits the page in Confluence's editor: a new version nobody approved.
    view = await actAs(page, PEOPLE.alice.name, PAGE.id);
    await view.getByRole('button', { name: 'Edit', exact: true }).click();
    const editor = page.getByTestId('page-editor');
    await editor.getByLabel('Body').waitFor({ timeout: UI_TIMEOUT_MS });
    await editor.getByLabel('Body').fill(`<p>${EDITED_TEXT}</p>`);
    await editor.getByRole('button', { name: 'Update', exact: true }).click();
    const edited = PAGE.version + 1;
    view = await pageView(page, PAGE.id);
    await view.locator(`[data-testid="page-version"][data-version="${edited}"]`).waitFor({ timeout: UI_TIMEOUT_MS });
    await e2e.server.drain();

    // Grace, who may only view the page, sees the banner above the title.
    view = await actAs(page, PEOPLE.grace.name, PAGE.id);
    const banner = view.getByTestId('page-banner');
    await banner.getByText(`This version (v${edited}) is not approved yet.`).waitFor({ timeout: UI_TIMEOUT_MS });
    expect(await banner.innerText()).toMatch(new RegExp(`^This version \\(v${edited}\\) is not approved yet\\. Approved version: v${PAGE.version} by ${PEOPLE.bob.name} on .+ — view it\\b`));
    const bannerBox = await banner.boundingBox();
    const titleBox = await view.getByTestId('page-title').boundingBox();
    expect(bannerBox !== null && titleBox !== null && bannerBox.y + bannerBox.height <= titleBox.y).toBe(true);
    await saveDocImage(page, 'readers-banner', [banner, view.getByTestId('page-title'), view.getByTestId('page-body')]);

    // "view it" opens the approved version at Confluence's address for it, with that version's text.
    await banner.getByRole('link', { name: 'view it' }).click();
    const old = page.getByTestId('page-version-view');
    await old.waitFor({ timeout: UI_TIMEOUT_MS });
    expect(page.url()).toContain(`#/pages/viewpage.action?pageId=${PAGE.id}&pageVersion=${PAGE.version}`);
    expect(await old.getByTestId('old-version-notice').innerText()).toContain(`You are viewing an old version of this page (v${PAGE.version})`);
    expect(await old.getByTestId('page-title').innerText()).toBe(PAGE.title);
    const body = await old.getByTestId('page-body').innerText();
    expect(body).toContain(APPROVED_TEXT);
    expect(body).not.toContain(EDITED_TEXT);
    await saveDocImage(page, 'readers-approved-version', [old]);

    // Back on the page, once Alice resubmits, the banner says the review runs.
    await submit(e2e.server, PEOPLE.alice.accountId, PAGE.id);
    await e2e.server.drain();
    await old.getByRole('link', { name: 'View the current version' }).click();
    view = await pageView(page, PAGE.id);
    await page.reload();
    view = await pageView(page, PAGE.id);
    await view.getByTestId('page-banner').getByText(/^In review since /).waitFor({ timeout: UI_TIMEOUT_MS });
    expect(await view.getByTestId('page-banner').innerText()).toMatch(new RegExp(`^In review since .+: this version \\(v${edited}\\) is not approved yet\\. Approved version: v${PAGE.version} by ${PEOPLE.bob.name}`));
    await saveDocImage(page, 'readers-banner-in-review', [view.getByTestId('page-banner'), view.getByTestId('page-title')]);
    await saveScreenshot(page, 'journey-readers-banner');

    // Grace dismisses it: gone for this page view, the page as without the app.
    await view.getByTestId('page-banner').getByRole('button', { name: 'Dismiss' }).click();
    await view.getByTestId('page-banner').waitFor({ state: 'detached', timeout: UI_TIMEOUT_MS });
    expect(e2e.pageErrors).toEqual([]);
  });
});
