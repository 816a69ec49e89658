/**
 * The UI Kit renderer with a fixture app (test/e2e/fixtures/app-shell): an unknown component
 * type is shown, not dropped; a Form submits through the resolver and a flag appears; a modal
 * opens over the page and a product link moves it; the byline is redrawn by the content-property
 * hook's setter (`view.refresh()` is refused there) and `view.close()` closes its popup.
 */
import { saveScreenshot } from './support/artifacts';
import { describeInBrowser } from './support/chromium';
import { setupE2E } from './support/e2e';
import { bylineItem, flags, moduleProblems, openBylineDialog, waitForModule } from './support/modules';
import { FIXTURE_APP } from './support/sandbox-server';
import { UI_TIMEOUT_MS, openShell, pageView } from './support/shell';

describeInBrowser('the UI Kit renderer', () => {
  const e2e = setupE2E({ appRoot: FIXTURE_APP });

  it('shows an unknown component type as a visible error naming it, between its siblings', async () => {
    await openShell(e2e.page, e2e.server, '/spaces/ENG/apps/broken', { as: 'u-alice' });
    const region = await waitForModule(e2e.page, 'fixture-broken');

    const problem = region.getByTestId('uikit-unknown-component');
    await problem.waitFor({ timeout: UI_TIMEOUT_MS });
    expect(await problem.innerText()).toContain('Unknown UI Kit component: NotAComponent');
    const text = await region.innerText();
    expect(text.indexOf('Before the unknown component')).toBeLessThan(text.indexOf('NotAComponent'));
    expect(text.indexOf('NotAComponent')).toBeLessThan(text.indexOf('After the unknown component'));
    await saveScreenshot(e2e.page, 'unknown-component');
  });

  it('submits a UI Kit form through the resolver as the acting user and shows its flag', async () => {
    await openShell(e2e.page, e2e.server, '/apps/gallery', { as: 'u-bob' });
    const region = await waitForModule(e2e.page, 'fixture-gallery');
    await saveScreenshot(e2e.page, 'component-gallery');

    await region.getByRole('button', { name: 'Greet' }).click();
    await region.getByText('Enter a name').waitFor({ timeout: UI_TIMEOUT_MS });
    expect(e2e.invocations).toEqual([]);

    await region.getByPlaceholder('Who should we greet?').fill('Ada');
    await region.locator('input[role="combobox"]').click();
    await e2e.page.getByRole('option', { name: 'Green' }).click();
    await region.getByRole('button', { name: 'Greet' }).click();
    await region.getByText('Hello Ada (asked by u-bob, colour Green)').waitFor({ timeout: UI_TIMEOUT_MS });
    expect(e2e.invocations).toEqual([expect.objectContaining({ moduleKey: 'fixture-gallery', functionKey: 'greet', accountId: 'u-bob', payload: { name: 'Ada' } })]);
    const flag = flags(e2e.page).first();
    await flag.waitFor({ timeout: UI_TIMEOUT_MS });
    expect(await flag.innerText()).toContain('Greeting sent');
    expect(await moduleProblems(e2e.page, 'fixture-gallery').count()).toBe(0);
    await saveScreenshot(e2e.page, 'form-submitted');

    await region.getByRole('button', { name: 'Open modal' }).click();
    const modal = e2e.page.getByRole('dialog');
    await modal.getByText('A UI Kit modal').waitFor({ timeout: UI_TIMEOUT_MS });
    // Let the modal finish its entrance so the screenshot shows it, not its fade.
    await e2e.page.waitForTimeout(500);
    await saveScreenshot(e2e.page, 'modal');
    await modal.getByRole('button', { name: 'Done' }).click();
    await modal.waitFor({ state: 'detached', timeout: UI_TIMEOUT_MS });

    // A product link in the app moves the page, as Confluence follows it.
    await region.getByRole('link', { name: 'Open Release Process' }).click();
    await pageView(e2e.page, '10020');
  });

  it('redraws the byline from its property when the content-property hook sets it, refuses view.refresh(), and closes the popup on view.close()', async () => {
    await openShell(e2e.page, e2e.server, '/spaces/ENG/pages/10020', { as: 'u-alice' });
    await pageView(e2e.page, '10020');
    const item = bylineItem(e2e.page, 'fixture-byline');
    // No property yet: Confluence shows the module's title from the manifest.
    expect(await item.getByTestId('byline-title').innerText()).toBe('Fixture status');
    expect(await item.getAttribute('data-from-property')).toBe('false');

    const dialog = await openBylineDialog(e2e.page, 'fixture-byline');
    await dialog.getByText('Fixture dialog for page 10020').waitFor({ timeout: UI_TIMEOUT_MS });
    // The manifest's viewportSize: medium is 600 px wide (Forge docs, ui-api-bridge/modal "size").
    expect(Math.round((await dialog.boundingBox())?.width ?? 0)).toBe(600);
    await dialog.getByRole('button', { name: 'Refresh the byline' }).click();
    await dialog.getByText("Refresh refused: this resource's view is not refreshable.").waitFor({ timeout: UI_TIMEOUT_MS });
    await dialog.getByRole('button', { name: 'Mark reviewed' }).click();
    await e2e.page.locator('[data-testid="byline-item"][data-module-key="fixture-byline"][data-from-property="true"]').waitFor({ timeout: UI_TIMEOUT_MS });
    expect(await item.getByTestId('byline-title').innerText()).toBe('Reviewed');
    await saveScreenshot(e2e.page, 'byline-refreshed');

    await dialog.getByRole('button', { name: 'Close' }).click();
    await dialog.waitFor({ state: 'detached', timeout: UI_TIMEOUT_MS });
  });
});
