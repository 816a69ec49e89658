/**
 * Approving a blog post from its byline, in the shell as Confluence shows a space's blog: Alice
 * opens the post from the sidebar's Blog section and submits it, Bob approves it in the dialog,
 * Alice's edit makes it Outdated, and the manage-space tab lists it under "Blog posts". The
 * ENG default workflow (one step, Bob decides) is made by Frank through the settings resolvers,
 * since this journey is not about setting it up.
 */
import { type WorkflowDetailView, type WorkflowListView } from '../../../src/shared/contract';
import { DOC_VIEWPORT, saveDocImage, saveScreenshot } from '../support/artifacts';
import { describeInBrowser } from '../support/chromium';
import { setupE2E } from '../support/e2e';
import { invokeAs } from '../support/invoke';
import { type E2EServer } from '../support/sandbox-server';
import { UI_TIMEOUT_MS, openShell, pageView } from '../support/shell';
import { ENG, MODULES, PEOPLE } from './seed';
import { SPACE_PATHS, actAs, bylineTitle, closeApprovalDialog, exactText, openAppPageAs, openApprovalDialog, waitForBylineTitle, waitForFlag } from './ui';

/** ENG's blog posts (seed): "Release 4.2 is out" by Alice, three versions; the Q3 retrospective is newer. */
const POST = { id: '10070', title: 'Release 4.2 is out', version: 3 } as const;
const NEWER_POST = { id: '10071', title: 'Q3 engineering retrospective' } as const;
const WORKFLOW = 'Blog review';

async function seedBlogReview(server: E2EServer): Promise<void> {
  const workflow = {
    name: WORKFLOW,
    description: 'Bob reads every post before it counts as approved.',
    owners: [PEOPLE.frank.accountId],
    steps: [{ id: 'review', name: 'Review', approvers: [{ type: 'user', accountId: PEOPLE.bob.accountId }], rule: { kind: 'any' }, rejectionsToFail: 1 }],
    options: { selfApproval: false, autoSubmitOnEdit: false, validityDays: null, onEditDuringReview: 'keep' },
  };
  const created = await invokeAs<WorkflowDetailView>(server, PEOPLE.frank.accountId, MODULES.settings, 'createWorkflow', { workflow }, { space: ENG });
  const list = await invokeAs<WorkflowListView>(server, PEOPLE.frank.accountId, MODULES.settings, 'setDefaultWorkflow', { workflowId: created.workflow.id }, { space: ENG });
  if (list.defaultWorkflowId !== created.workflow.id) throw new Error(`The ENG default workflow is ${String(list.defaultWorkflowId)}, not ${created.workflow.id}`);
}

describeInBrowser('approving a blog post from its byline', () => {
  const e2e = setupE2E();
  beforeEach(() => e2e.page.setViewportSize(DOC_VIEWPORT));

  it('Alice submits a blog post from the Blog section, Bob approves it, her edit makes it Outdated, and Manage space lists it', async () => {
    const page = e2e.page;
    await seedBlogReview(e2e.server);

    // The sidebar lists the space's blog posts newest first; Alice opens hers from there.
    await openShell(page, e2e.server, '/spaces/ENG', { as: PEOPLE.alice.accountId });
    const blog = page.getByTestId('space-blog');
    await blog.getByText(POST.title, { exact: true }).waitFor({ timeout: UI_TIMEOUT_MS });
    const listed = await blog.getByTestId('blog-post-item').evaluateAll((items) => items.map((item) => item.getAttribute('data-content-id')));
    expect(listed).toEqual([NEWER_POST.id, POST.id]);
    await blog.getByText(POST.title, { exact: true }).click();
    let view = await pageView(page, POST.id);
    expect(await view.getAttribute('data-content-type')).toBe('blogpost');
    expect(page.url()).toContain(`#/spaces/ENG/blog/${POST.id}`);
    expect(await view.getByTestId('page-title').innerText()).toBe(POST.title);
    expect(await view.getByTestId('page-body').innerText()).toContain('Thanks to everyone who tested it.');
    expect(await view.getByTestId('page-byline').innerText()).toMatch(new RegExp(`By ${PEOPLE.alice.name}.*v${POST.version}`, 's'));

    let dialog = await openApprovalDialog(page);
    await dialog.getByRole('heading', { name: `Submit version ${POST.version} for approval` }).waitFor({ timeout: UI_TIMEOUT_MS });
    expect(await dialog.innerText()).toContain(`Workflow: ${WORKFLOW}`);
    await dialog.getByLabel('Note for the approvers').fill('Ready for the newsletter.');
    await dialog.getByRole('button', { name: 'Submit', exact: true }).click();
    await waitForFlag(page, 'Submitted for approval');
    await exactText(dialog, 'In Approval').waitFor({ timeout: UI_TIMEOUT_MS });
    await e2e.server.drain();

    // Bob approves in the dialog, which shows the new status at once.
    await actAs(page, PEOPLE.bob.name, POST.id);
    await waitForBylineTitle(page, 'In approval · step 1 of 1');
    dialog = await openApprovalDialog(page);
    await dialog.getByRole('heading', { name: 'Your decision' }).waitFor({ timeout: UI_TIMEOUT_MS });
    await dialog.getByLabel('Comment').fill('Good news, well told.');
    await dialog.getByRole('button', { name: 'Approve', exact: true }).click();
    await waitForFlag(page, 'approved');
    await exactText(dialog, 'Approved').first().waitFor({ timeout: UI_TIMEOUT_MS });
    expect(await dialog.innerText()).toContain(`Approved v${POST.version} · current version`);
    await closeApprovalDialog(page);

    // The next view of the post draws the lozenge from the blog post's content property.
    await e2e.server.drain();
    await page.reload();
    view = await pageView(page, POST.id);
    await waitForBylineTitle(page, `Approved v${POST.version}`);
    expect(await bylineTitle(page).innerText()).toBe(`Approved v${POST.version}`);
    await saveScreenshot(page, 'journey-blog-post-approved');
    await saveDocImage(page, 'blog-post-byline', [page.getByTestId('space-sidebar').getByText('Engineering', { exact: true }), blog, view]);

    // Alice edits the post: Confluence announces updated:blogpost and the approval is outdated.
    view = await actAs(page, PEOPLE.alice.name, POST.id);
    await view.getByRole('button', { name: 'Edit', exact: true }).click();
    const editor = page.getByTestId('page-editor');
    await editor.getByRole('heading', { name: 'Edit blog post' }).waitFor({ timeout: UI_TIMEOUT_MS });
    await editor.getByLabel('Body').fill('<p>Release 4.2 shipped on Tuesday.</p><p>Release 4.2.1 followed with a fix for search.</p>');
    await editor.getByRole('button', { name: 'Update', exact: true }).click();
    view = await pageView(page, POST.id);
    const edited = POST.version + 1;
    await view.locator(`[data-testid="page-version"][data-version="${edited}"]`).waitFor({ timeout: UI_TIMEOUT_MS });
    await e2e.server.drain();
    await page.reload();
    await waitForBylineTitle(page, `Outdated (approved v${POST.version}, current v${edited})`);
    await saveScreenshot(page, 'journey-blog-post-outdated');

    // Frank's manage-space tab lists the space's blog posts in a group of their own.
    const settings = await openAppPageAs(e2e, SPACE_PATHS.settings, MODULES.settings, PEOPLE.frank.accountId);
    await settings.getByRole('tab', { name: 'Manage space' }).click();
    // A level's title opens it; its chevron says Expand.
    const group = settings.getByRole('button', { name: /^Expand\s*Blog posts$/ });
    await group.waitFor({ timeout: UI_TIMEOUT_MS });
    await group.click();
    const row = settings.getByRole('row').filter({ hasText: POST.title });
    await row.waitFor({ timeout: UI_TIMEOUT_MS });
    // The type is an icon named for screen readers.
    await row.getByRole('img', { name: 'Blog post', exact: true }).waitFor({ timeout: UI_TIMEOUT_MS });
    await exactText(row, 'Outdated').waitFor({ timeout: UI_TIMEOUT_MS });
    await saveScreenshot(page, 'journey-blog-post-manage-space');
    expect(e2e.pageErrors).toEqual([]);
  });
});
