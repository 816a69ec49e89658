/**
 * The Confluence-like shell around the real app (`npm start`'s page): the page tree and page
 * view as the acting user sees them, switching users, editing a page, the byline drawn from
 * the app's content property without invoking the app, and the byline dialog's module.
 */
import { saveScreenshot } from './support/artifacts';
import { describeInBrowser } from './support/chromium';
import { setupE2E } from './support/e2e';
import { bylineItem, flags, moduleFrame, moduleProblems, openBylineDialog } from './support/modules';
import { UI_TIMEOUT_MS, actingUser, openShell, pageView, switchUser, treeIds, treeItem } from './support/shell';

const RELEASE_PROCESS = '10020';
const POSTMORTEM = '10040';
const BYLINE_MODULE = 'approval-byline';
const BYLINE_PROPERTY = 'approvalflow-byline-7d2f0c9a';
const ICON = `data:image/svg+xml;utf8,${encodeURIComponent('<svg xmlns="http://www.w3.org/2000/svg" width="16" height="16"><circle cx="8" cy="8" r="7" fill="#1f845a"/></svg>')}`;

describeInBrowser('the browser shell', () => {
  const e2e = setupE2E();

  it('shows the space tree and a page with its body as the acting user sees them', async () => {
    await openShell(e2e.page, e2e.server, `/spaces/ENG/pages/${RELEASE_PROCESS}`, { as: 'u-alice' });
    const view = await pageView(e2e.page, RELEASE_PROCESS);

    expect(await treeIds(e2e.page)).toEqual(expect.arrayContaining(['10010', RELEASE_PROCESS, '10030', POSTMORTEM, '10050']));
    expect(await treeItem(e2e.page, '10010').getAttribute('data-content-type')).toBe('folder');
    expect(await view.getByTestId('page-title').innerText()).toBe('Release Process');
    expect(await view.getByTestId('page-body').innerText()).toContain('Releases ship every second Tuesday.');
    expect(await view.getByTestId('page-version').getAttribute('data-version')).toBe('4');
    await saveScreenshot(e2e.page, 'page-view');
    expect(e2e.pageErrors).toEqual([]);
  });

  it('shows only what the chosen user may see, and remembers the choice', async () => {
    await openShell(e2e.page, e2e.server, `/spaces/ENG/pages/${RELEASE_PROCESS}`, { as: 'u-alice' });
    await pageView(e2e.page, RELEASE_PROCESS);
    expect(await treeIds(e2e.page)).toContain(POSTMORTEM);

    expect(await e2e.page.getByTestId('edit-page').count()).toBe(1);

    expect(await switchUser(e2e.page, 'Grace Viewer')).toBe('u-grace');
    await pageView(e2e.page, RELEASE_PROCESS);
    expect(await treeIds(e2e.page)).not.toContain(POSTMORTEM);
    // A viewer is not offered Edit, as in Confluence.
    expect(await e2e.page.getByTestId('edit-page').count()).toBe(0);

    await e2e.page.reload();
    await e2e.page.getByTestId('shell').waitFor();
    expect(await actingUser(e2e.page)).toBe('u-grace');

    await openShell(e2e.page, e2e.server, `/spaces/ENG/pages/${POSTMORTEM}`);
    await e2e.page.getByTestId('page-not-found').waitFor({ timeout: UI_TIMEOUT_MS });
    await saveScreenshot(e2e.page, 'restricted-page-as-grace');
  });

  it('publishes a new version with Edit page, and Reset restores the seed', async () => {
    await openShell(e2e.page, e2e.server, `/spaces/ENG/pages/${RELEASE_PROCESS}`, { as: 'u-alice' });
    await (await pageView(e2e.page, RELEASE_PROCESS)).getByTestId('edit-page').click();
    const editor = e2e.page.getByTestId('page-editor');
    await editor.waitFor({ timeout: UI_TIMEOUT_MS });
    await editor.locator('#page-title-field').fill('Release Process (2027)');
    await editor.locator('#page-body-field').fill('<p>Releases ship every Tuesday.</p>');
    await saveScreenshot(e2e.page, 'edit-page');
    await editor.getByTestId('publish-edit').click();

    const view = await pageView(e2e.page, RELEASE_PROCESS);
    await view.locator('[data-testid="page-version"][data-version="5"]').waitFor({ timeout: UI_TIMEOUT_MS });
    expect(await view.getByTestId('page-title').innerText()).toBe('Release Process (2027)');
    expect(await view.getByTestId('page-body').innerText()).toBe('Releases ship every Tuesday.');
    const stored = await e2e.server.wiki<{ version: { number: number; authorId: string } }>('u-bob', 'GET', `/wiki/api/v2/pages/${RELEASE_PROCESS}`);
    expect(stored.body.version).toMatchObject({ number: 5, authorId: 'u-alice' });

    // Reset puts the whole site back to the seed, after asking.
    await e2e.page.getByTestId('reset-button').click();
    await e2e.page.getByTestId('reset-confirm').click();
    await (await pageView(e2e.page, RELEASE_PROCESS)).locator('[data-testid="page-version"][data-version="4"]').waitFor({ timeout: UI_TIMEOUT_MS });
    expect(await e2e.page.getByTestId('page-title').innerText()).toBe('Release Process');
  });

  it('clears the flags of the previous person when someone else is chosen in Act as', async () => {
    await openShell(e2e.page, e2e.server, `/spaces/ENG/pages/${RELEASE_PROCESS}`, { as: 'u-alice' });
    await pageView(e2e.page, RELEASE_PROCESS);
    await e2e.page.getByTestId('reset-button').click();
    await e2e.page.getByTestId('reset-confirm').click();
    await flags(e2e.page).filter({ hasText: 'The sandbox is back to its seed' }).waitFor({ timeout: UI_TIMEOUT_MS });

    await e2e.page.getByTestId('user-switcher').click();
    expect(await switchUser(e2e.page, 'Bob Approver')).toBe('u-bob');
    await pageView(e2e.page, RELEASE_PROCESS);
    expect(await flags(e2e.page).count()).toBe(0);
  });

  it('draws the byline from the content property the app writes, without invoking the app', async () => {
    const written = await e2e.server.wiki('u-alice', 'POST', `/wiki/api/v2/pages/${RELEASE_PROCESS}/properties`, {
      key: BYLINE_PROPERTY,
      value: { title: 'In review', icon: ICON, tooltip: 'Waiting for Bob Approver' },
    });
    expect(written.status).toBe(200);
    await e2e.server.clearOps();

    await openShell(e2e.page, e2e.server, `/spaces/ENG/pages/${RELEASE_PROCESS}`, { as: 'u-grace' });
    await pageView(e2e.page, RELEASE_PROCESS);
    const item = bylineItem(e2e.page, BYLINE_MODULE);
    await e2e.page.locator(`[data-testid="byline-item"][data-module-key="${BYLINE_MODULE}"][data-from-property="true"]`).waitFor({ timeout: UI_TIMEOUT_MS });
    expect(await item.getByTestId('byline-title').innerText()).toBe('In review');
    expect(await item.locator('img').getAttribute('src')).toBe(ICON);
    await item.hover();
    await e2e.page.getByRole('tooltip', { name: 'Waiting for Bob Approver' }).waitFor({ timeout: UI_TIMEOUT_MS });
    await saveScreenshot(e2e.page, 'byline-from-property');

    expect(e2e.invocations).toEqual([]);
    expect((await e2e.server.ops()).invocations).toEqual([]);
  });

  it('opens the byline dialog: src/frontend/byline.tsx runs in its own frame and its tree is drawn in the popup', async () => {
    await openShell(e2e.page, e2e.server, `/spaces/ENG/pages/${RELEASE_PROCESS}`, { as: 'u-alice' });
    await pageView(e2e.page, RELEASE_PROCESS);
    const dialog = await openBylineDialog(e2e.page, BYLINE_MODULE);

    const frame = moduleFrame(e2e.page, BYLINE_MODULE);
    expect(await frame.getAttribute('data-entry')).toBe('src/frontend/byline.tsx');
    expect(await frame.getAttribute('src')).toBe('/__shell/frame.html');
    const text = (await dialog.innerText()).trim();
    expect(text.length).toBeGreaterThan(0);
    expect(await moduleProblems(e2e.page, BYLINE_MODULE).count()).toBe(0);
    await saveScreenshot(e2e.page, 'byline-dialog');
    expect(e2e.pageErrors).toEqual([]);
  });
});
