/**
 * A space admin sets up approvals for a space in the real settings page: Frank creates a
 * two-step workflow (Review by Bob; Sign-off by the legal group), meets the editor's validation
 * on the way, fixes it, saves, and makes the workflow the space default.
 */
import { type Locator, type Page } from 'playwright-core';
import { type WorkflowListView } from '../../../src/shared/contract';
import { DOC_VIEWPORT, saveDocImage, saveScreenshot } from '../support/artifacts';
import { describeInBrowser } from '../support/chromium';
import { setupE2E } from '../support/e2e';
import { invokeAs } from '../support/invoke';
import { moduleProblems } from '../support/modules';
import { UI_TIMEOUT_MS } from '../support/shell';
import { ENG, MODULES, PEOPLE, RELEASE_WORKFLOW } from './seed';
import { SPACE_PATHS, openAppPageAs, waitForFlag } from './ui';

/** A step of the editor: the section under its "Step N" heading. */
function stepSection(region: Locator, number: number): Locator {
  return region.getByRole('heading', { name: `Step ${number}`, exact: true }).locator('xpath=..');
}

/** Types into a picker (people or groups) and picks the option whose text starts with `name`. */
async function pick(page: Page, field: Locator, query: string, name: string): Promise<void> {
  await field.fill(query);
  await page.getByRole('option', { name: new RegExp(`^${name}`) }).first().click();
}

describeInBrowser('setting up a workflow in space settings', () => {
  const e2e = setupE2E();
  beforeEach(() => e2e.page.setViewportSize(DOC_VIEWPORT));

  it('Frank creates a two-step workflow, fixes what the editor refuses, saves it and makes it the space default', async () => {
    const page = e2e.page;
    const region = await openAppPageAs(e2e, SPACE_PATHS.settings, MODULES.settings, PEOPLE.frank.accountId);
    await region.getByText('No workflows yet').waitFor({ timeout: UI_TIMEOUT_MS });
    await region.getByRole('button', { name: 'Create workflow' }).click();
    await region.getByRole('heading', { name: 'New workflow' }).waitFor({ timeout: UI_TIMEOUT_MS });

    await region.getByRole('textbox', { name: 'Name', exact: true }).fill(RELEASE_WORKFLOW);
    await region.getByRole('textbox', { name: 'Description' }).fill('Engineering review, then legal sign-off.');

    const review = stepSection(region, 1);
    await review.getByRole('textbox', { name: 'Step name' }).fill('Review');
    await pick(page, review.getByRole('combobox', { name: 'Approvers (people)' }), 'Bob', PEOPLE.bob.name);
    await review.getByRole('radio', { name: 'Any one approver' }).check();

    await region.getByRole('button', { name: 'Add step' }).click();
    const signOff = stepSection(region, 2);
    await signOff.getByRole('textbox', { name: 'Step name' }).fill('Sign-off');
    await pick(page, signOff.getByRole('combobox', { name: 'Approver groups' }), 'leg', 'legal');
    // The legal group has two members, so "at least 3 approvals" can never be met.
    await signOff.getByRole('radio', { name: 'At least a number of approvals' }).check();
    await signOff.getByRole('spinbutton', { name: 'Number of approvals' }).fill('3');
    await region.getByRole('button', { name: 'Create workflow' }).click();

    const problem = 'Step 2: at least 3 approvals required but only 2 approvers can approve';
    await region.getByText('Fix 1 problem to save this workflow').waitFor({ timeout: UI_TIMEOUT_MS });
    // The message is listed above the form and shown next to the field it is about.
    await signOff.getByText(problem).waitFor({ timeout: UI_TIMEOUT_MS });
    await signOff.scrollIntoViewIfNeeded();
    await saveScreenshot(page, 'journey-workflow-validation');
    await saveDocImage(page, 'workflow-editor-validation', [signOff], 6);

    // Every member of the legal group has to sign off.
    await signOff.getByRole('radio', { name: 'All approvers' }).check();
    await region.getByRole('button', { name: 'Create workflow' }).click();
    await waitForFlag(page, 'Workflow created');
    const row = region.getByRole('row').filter({ hasText: RELEASE_WORKFLOW });
    await row.waitFor({ timeout: UI_TIMEOUT_MS });
    expect(await row.innerText()).toContain('Enabled');

    // Only space admins choose the default; the row then carries the Default badge.
    await pick(page, region.getByRole('combobox', { name: 'Space default workflow' }), RELEASE_WORKFLOW.slice(0, 7), RELEASE_WORKFLOW);
    await row.getByText('Default', { exact: true }).waitFor({ timeout: UI_TIMEOUT_MS });
    await saveScreenshot(page, 'journey-workflow-default');
    expect(await moduleProblems(page, MODULES.settings).count()).toBe(0);

    const list = await invokeAs<WorkflowListView>(e2e.server, PEOPLE.frank.accountId, MODULES.settings, 'listWorkflows', {}, { space: ENG });
    const saved = list.workflows.find((workflow) => workflow.name === RELEASE_WORKFLOW);
    expect(saved).toMatchObject({ stepCount: 2, enabled: true, isDefault: true });
    expect(list.defaultWorkflowId).toBe(saved?.id);
    const detail = await invokeAs<{ workflow: { steps: unknown[]; owners: string[] } }>(e2e.server, PEOPLE.frank.accountId, MODULES.settings, 'getWorkflow', { workflowId: saved?.id }, { space: ENG });
    expect(detail.workflow.owners).toEqual([PEOPLE.frank.accountId]);
    expect(detail.workflow.steps).toEqual([
      expect.objectContaining({ name: 'Review', approvers: [{ type: 'user', accountId: PEOPLE.bob.accountId }], rule: { kind: 'any' } }),
      expect.objectContaining({ name: 'Sign-off', approvers: [{ type: 'group', groupId: 'g-legal', name: 'legal' }], rule: { kind: 'all' } }),
    ]);
    expect(e2e.pageErrors).toEqual([]);
  });
});
