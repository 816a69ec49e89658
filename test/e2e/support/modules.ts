/**
 * Finding the app's UI Kit modules on the page. A module's code runs in an invisible frame
 * (`iframe[data-module-key]`, with the manifest resource and entry file as data attributes);
 * what it renders is drawn by the shell in `[data-testid=uikit-module][data-module-key]`.
 */
import { type Locator, type Page } from 'playwright-core';
import { UI_TIMEOUT_MS } from './shell';

/** Module bundles are built on first use, which can take a few seconds. */
export const MODULE_TIMEOUT_MS = 60_000;

export function moduleRegion(page: Page, moduleKey: string): Locator {
  return page.locator(`[data-testid="uikit-module"][data-module-key="${moduleKey}"]`);
}

export function moduleFrame(page: Page, moduleKey: string): Locator {
  return page.locator(`iframe[data-module-key="${moduleKey}"]`);
}

/** Waits until the module rendered its first tree (or failed to start, which then fails here). */
export async function waitForModule(page: Page, moduleKey: string): Promise<Locator> {
  const region = moduleRegion(page, moduleKey);
  await page.locator(`[data-testid="uikit-module"][data-module-key="${moduleKey}"]:is([data-state="ready"], [data-state="failed"])`).waitFor({ timeout: MODULE_TIMEOUT_MS });
  if ((await region.getAttribute('data-state')) === 'failed') throw new Error(`Module ${moduleKey} failed to start: ${await region.innerText()}`);
  return region;
}

/** Problems the shell drew for a module: unknown components, render errors, failed handlers. */
export function moduleProblems(page: Page, moduleKey: string): Locator {
  return moduleRegion(page, moduleKey).locator('[role="alert"][data-testid^="uikit-"]');
}

export function bylineItem(page: Page, moduleKey: string): Locator {
  return page.locator(`[data-testid="byline-item"][data-module-key="${moduleKey}"]`);
}

/** Clicks the app's byline item and returns the popup once its module has rendered. */
export async function openBylineDialog(page: Page, moduleKey: string): Promise<Locator> {
  const item = bylineItem(page, moduleKey);
  await item.waitFor({ timeout: UI_TIMEOUT_MS });
  await item.click();
  const dialog = page.locator(`[data-testid="byline-dialog"][data-module-key="${moduleKey}"]`);
  await dialog.waitFor({ timeout: UI_TIMEOUT_MS });
  await waitForModule(page, moduleKey);
  return dialog;
}

/** The flags on the page (success, error…), newest first. */
export function flags(page: Page): Locator {
  return page.getByTestId('flag');
}
