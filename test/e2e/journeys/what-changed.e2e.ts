/**
 * Reviewers and minor edits, in the shell as Confluence shows a page: Bob opens the dialog of a
 * page resubmitted after an approval and sees what changed since the approved version; under
 * "every edit except minor edits" Alice's minor edit keeps the approval, and the history says so.
 * The workflow, submissions and decisions are made through the resolvers, and the edits through
 * the sandbox's editor endpoint (a minor edit is Confluence's "Notify watchers" left off).
 */
import { type WorkflowDetailView, type WorkflowListView } from '../../../src/shared/contract';
import { DOC_VIEWPORT, saveDocImage } from '../support/artifacts';
import { describeInBrowser } from '../support/chromium';
import { setupE2E } from '../support/e2e';
import { invokeAs } from '../support/invoke';
import { type E2EServer } from '../support/sandbox-server';
import { UI_TIMEOUT_MS } from '../support/shell';
import { ENG, MODULES, PAGES, PEOPLE, decide, submit } from './seed';
import { exactText, openApprovalDialog, openPageAs, waitForBylineTitle } from './ui';

const PAGE = PAGES.releaseProcess;

async function seedQuickReview(server: E2EServer, editsThatOutdate: 'every' | 'exceptMinor'): Promise<void> {
  const workflow = {
    name: 'Quick review',
    description: 'Bob reads every page before it counts as approved.',
    owners: [PEOPLE.frank.accountId],
    steps: [{ id: 'review', name: 'Review', approvers: [{ type: 'user', accountId: PEOPLE.bob.accountId }], rule: { kind: 'any' }, rejectionsToFail: 1 }],
    options: { selfApproval: false, autoSubmitOnEdit: false, validityDays: null, onEditDuringReview: 'keep', editsThatOutdate },
  };
  const created = await invokeAs<WorkflowDetailView>(server, PEOPLE.frank.accountId, MODULES.settings, 'createWorkflow', { workflow }, { space: ENG });
  const list = await invokeAs<WorkflowListView>(server, PEOPLE.frank.accountId, MODULES.settings, 'setDefaultWorkflow', { workflowId: created.workflow.id }, { space: ENG });
  if (list.defaultWorkflowId !== created.workflow.id) throw new Error(`The ENG default workflow is ${String(list.defaultWorkflowId)}, not ${created.workflow.id}`);
}

/** Alice saves the page in Confluence's editor. */
async function editAsAlice(server: E2EServer, change: { title?: string; body: string; minorEdit?: boolean }): Promise<void> {
  const response = await fetch(`${server.url}/__sandbox/pages/${PAGE.id}/edit`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({ accountId: PEOPLE.alice.accountId, ...change }),
  });
  if (!response.ok) throw new Error(`edit: ${response.status} ${await response.text()}`);
  await server.drain();
}

describeInBrowser('reviewers see what changed; minor edits keep an approval', () => {
  const e2e = setupE2E();
  beforeEach(() => e2e.page.setViewportSize(DOC_VIEWPORT));

  it('Bob opens the dialog of the resubmitted page and sees what changed since the approved version', async () => {
    const page = e2e.page;
    await seedQuickReview(e2e.server, 'every');
    await editAsAlice(e2e.server, { body: '<h2>Schedule</h2><p>Releases ship every Friday.</p><ul><li>Tag the build</li><li>Tell QA</li></ul>' });
    await submit(e2e.server, PEOPLE.alice.accountId, PAGE.id);
    await decide(e2e.server, PEOPLE.bob.accountId, PAGE.id, 'approve');
    await editAsAlice(e2e.server, { title: 'Release Process 2027', body: '<h2>Schedule</h2><p>Releases ship every Tuesday.</p><ul><li>Tag the build</li></ul><p>Roll back with the down scripts.</p>' });
    await submit(e2e.server, PEOPLE.alice.accountId, PAGE.id);
    await e2e.server.drain();

    const approved = PAGE.version + 1;
    const resubmitted = PAGE.version + 2;
    await openPageAs(e2e, PAGE.id, PEOPLE.bob.accountId);
    const dialog = await openApprovalDialog(page);
    await dialog.getByRole('button', { name: `What changed since v${approved}`, exact: true }).click();
    await dialog.getByText(`What changed since v${approved} (v${resubmitted} under review)`).waitFor({ timeout: UI_TIMEOUT_MS });
    const text = await dialog.innerText();
    expect(text).toContain('1 block added, 1 block removed, 1 block changed.');
    expect(text).toContain('Tell QA');
    expect(text).toContain('Roll back with the down scripts.');
    await exactText(dialog, 'Changed').first().waitFor({ timeout: UI_TIMEOUT_MS });
    // The changed words are marked: the approved word struck through, the new one bold.
    expect(await dialog.locator('s', { hasText: 'Friday' }).count()).toBeGreaterThan(0);
    expect(await dialog.locator('strong', { hasText: 'Tuesday' }).count()).toBeGreaterThan(0);
    expect(await dialog.locator('strong', { hasText: 'Release Process 2027' }).count()).toBe(1);
    await saveDocImage(page, 'byline-what-changed', [dialog]);
    expect(e2e.pageErrors).toEqual([]);
  });

  it('under "every edit except minor edits", Alice\'s minor edit keeps the approval and the history says so', async () => {
    const page = e2e.page;
    await seedQuickReview(e2e.server, 'exceptMinor');
    await submit(e2e.server, PEOPLE.alice.accountId, PAGE.id);
    await decide(e2e.server, PEOPLE.bob.accountId, PAGE.id, 'approve');
    await e2e.server.drain();
    await editAsAlice(e2e.server, { body: '<p>The release manager rotates weekly and follows the Release Checklist.</p>', minorEdit: true });

    await openPageAs(e2e, PAGE.id, PEOPLE.grace.accountId);
    await waitForBylineTitle(page, `Approved v${PAGE.version} (+1 minor edit)`);
    const dialog = await openApprovalDialog(page);
    await exactText(dialog, 'Approved').first().waitFor({ timeout: UI_TIMEOUT_MS });
    await dialog.getByRole('button', { name: /^Show history/ }).click();
    await dialog
      .getByText(`Version ${PAGE.version + 1} edited by ${PEOPLE.alice.name}, marked minor: the approval of version ${PAGE.version} is kept`)
      .waitFor({ timeout: UI_TIMEOUT_MS });
    expect(e2e.pageErrors).toEqual([]);
  });
});
