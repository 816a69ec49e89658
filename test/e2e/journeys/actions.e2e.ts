/**
 * Actions on entering a state, end to end in the shell: Frank sets up "on Approved: add the label
 * approved, publish to PUB" (under its Engineering Handbook) in the workflow editor, Alice submits Release Checklist, Bob approves
 * it in the byline dialog, the effects run the actions, the copy appears in the Published
 * Handbook's page tree, and the page's history lists the "Workflow actions" entry.
 */
import { type Locator } from 'playwright-core';
import { type WorkflowListView } from '../../../src/shared/contract';
import { DOC_VIEWPORT, saveDocImage, saveScreenshot } from '../support/artifacts';
import { describeInBrowser } from '../support/chromium';
import { setupE2E } from '../support/e2e';
import { invokeAs } from '../support/invoke';
import { moduleProblems } from '../support/modules';
import { UI_TIMEOUT_MS, openShell, pageView } from '../support/shell';
import { ENG, MODULES, PAGES, PEOPLE, submit } from './seed';
import { SPACE_PATHS, dismissFlags, openApprovalDialog, openAppPageAs, openPageAs, waitForBylineTitle, waitForFlag } from './ui';

const PAGE = PAGES.releaseChecklist;
const WORKFLOW = 'Publish to the handbook';
/** The Published Handbook (PUB) and its Engineering Handbook page, where approved processes go (docs/sandbox.md). */
const HANDBOOK = { home: '30001', engineering: '30010' } as const;

/** A section of the editor (a step or a state's actions): the part under its heading. */
function section(region: Locator, heading: string): Locator {
  return region.getByRole('heading', { name: heading, exact: true }).locator('xpath=..');
}

describeInBrowser('actions on entering a state', () => {
  const e2e = setupE2E();
  beforeEach(() => e2e.page.setViewportSize(DOC_VIEWPORT));

  const labelsOf = async (pageId: string): Promise<string[]> => {
    const answer = await e2e.server.wiki<{ results: { name: string }[] }>(PEOPLE.alice.accountId, 'GET', `/wiki/rest/api/content/${pageId}/label`);
    return answer.body.results.map((label) => label.name);
  };

  it('Frank adds "label approved, publish to PUB" on Approved; once Bob approves, the copy is in PUB and the history lists the actions', async () => {
    const page = e2e.page;
    const region = await openAppPageAs(e2e, SPACE_PATHS.settings, MODULES.settings, PEOPLE.frank.accountId);
    await region.getByRole('button', { name: 'Create workflow' }).click();
    await region.getByRole('heading', { name: 'New workflow' }).waitFor({ timeout: UI_TIMEOUT_MS });
    await region.getByRole('textbox', { name: 'Name', exact: true }).fill(WORKFLOW);
    const review = section(region, 'Step 1');
    await review.getByRole('textbox', { name: 'Step name' }).fill('Review');
    await review.getByRole('combobox', { name: 'Approvers (people)' }).fill('Bob');
    await page.getByRole('option', { name: new RegExp(`^${PEOPLE.bob.name}`) }).first().click();

    const approved = section(region, 'On entering Approved');
    await approved.getByRole('combobox', { name: 'Add action' }).click();
    await page.getByRole('option', { name: 'Manage labels', exact: true }).click();
    await approved.getByRole('textbox', { name: 'Labels to add' }).fill('approved');
    await approved.getByRole('combobox', { name: 'Add action' }).click();
    await page.getByRole('option', { name: 'Publish page', exact: true }).click();
    await approved.getByRole('textbox', { name: 'Target space key' }).fill('PUB');
    await approved.getByRole('textbox', { name: 'Parent page id' }).fill(HANDBOOK.engineering);
    await approved.getByRole('checkbox', { name: 'Include labels' }).check();
    expect(await approved.getByRole('checkbox', { name: 'On re-approval, update the earlier copy instead of making another' }).isChecked()).toBe(true);
    // The Add action menu is empty again, ready for the next action.
    expect(await approved.getByText('Choose an action').count()).toBe(1);
    // Tall enough for the whole section in the guide's picture.
    await page.setViewportSize({ width: DOC_VIEWPORT.width, height: 1500 });
    await approved.scrollIntoViewIfNeeded();
    await saveDocImage(page, 'workflow-editor-actions', [approved], 6);
    await page.setViewportSize(DOC_VIEWPORT);

    await region.getByRole('button', { name: 'Create workflow' }).click();
    await waitForFlag(page, 'Workflow created');
    const list = await invokeAs<WorkflowListView>(e2e.server, PEOPLE.frank.accountId, MODULES.settings, 'listWorkflows', {}, { space: ENG });
    const saved = list.workflows.find((workflow) => workflow.name === WORKFLOW);
    if (saved === undefined) throw new Error(`No workflow named ${WORKFLOW}`);
    const detail = await invokeAs<{ workflow: { actions: { approved: unknown[] } } }>(e2e.server, PEOPLE.frank.accountId, MODULES.settings, 'getWorkflow', { workflowId: saved.id }, { space: ENG });
    expect(detail.workflow.actions.approved).toEqual([
      { type: 'labels', add: ['approved'], remove: [] },
      { type: 'publish', target: { type: 'space', spaceKey: 'PUB', parentPageId: HANDBOOK.engineering }, includeDescendants: false, includeAttachments: false, includeLabels: true, updateExisting: true },
    ]);
    await invokeAs(e2e.server, PEOPLE.frank.accountId, MODULES.settings, 'setDefaultWorkflow', { workflowId: saved.id }, { space: ENG });

    // Alice submits (not what this journey is about), Bob approves in his dialog.
    await submit(e2e.server, PEOPLE.alice.accountId, PAGE.id, 'Ready to publish.');
    await openPageAs(e2e, PAGE.id, PEOPLE.bob.accountId);
    let dialog = await openApprovalDialog(page);
    await dialog.getByRole('button', { name: 'Approve', exact: true }).click();
    await waitForFlag(page, 'Page approved');
    await e2e.server.drain();

    // The copy sits under the Engineering Handbook in PUB's page tree, and its byline says where it came from.
    await openShell(page, e2e.server, `/spaces/PUB/pages/${HANDBOOK.home}`, { as: PEOPLE.alice.accountId });
    const tree = page.getByTestId('page-tree');
    await tree.getByRole('button', { name: 'Expand Engineering Handbook' }).click();
    const copyLink = tree.getByRole('link', { name: PAGE.title, exact: true });
    await copyLink.waitFor({ timeout: UI_TIMEOUT_MS });
    const copyId = await copyLink.locator('xpath=ancestor::li[1]').getAttribute('data-content-id');
    if (copyId === null) throw new Error('The copy in PUB has no id');
    expect(copyId).not.toBe(PAGE.id);
    // "Include labels": the copy took the label the labels action had just added to the page.
    expect(await labelsOf(copyId)).toContain('approved');
    expect(await labelsOf(PAGE.id)).toContain('approved');
    await copyLink.click();
    await pageView(page, copyId);
    await waitForBylineTitle(page, `Published copy of ${PAGE.title} v${PAGE.version}`);
    await saveScreenshot(page, 'journey-actions-published-copy');

    // Back on the source page, its history has the one entry for the actions.
    await openPageAs(e2e, PAGE.id, PEOPLE.alice.accountId);
    dialog = await openApprovalDialog(page);
    await dialog.getByRole('button', { name: /^Show history \(\d+\)$/ }).click();
    const entry = dialog.getByText(/^Workflow actions on entering Approved: 2 succeeded/);
    await entry.waitFor({ timeout: UI_TIMEOUT_MS });
    expect(await entry.count()).toBe(1);
    await dismissFlags(page);
    await saveScreenshot(page, 'journey-actions-history');
    expect(await moduleProblems(page, MODULES.byline).count()).toBe(0);
    expect(e2e.pageErrors).toEqual([]);
  });
});
