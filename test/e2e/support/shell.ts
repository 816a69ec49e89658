/**
 * Driving the Confluence-like shell: open a view as someone, switch the acting user through
 * the top bar, read the page tree. Selectors are the shell's `data-testid`s, so journeys read
 * as what a person does.
 */
import { type Locator, type Page } from 'playwright-core';
import { type E2EServer } from './sandbox-server';

/** The shell's localStorage key for the acting user (sandbox/web/shell/session.ts). */
export const ACTING_USER_KEY = 'approvalflow-sandbox:acting-user';
/** The first load bundles the shell (esbuild, a few seconds on a busy machine). */
export const SHELL_TIMEOUT_MS = 60_000;
export const UI_TIMEOUT_MS = 20_000;

/** Opens `path` (`/spaces/ENG/pages/10020`) acting as `as`, as if that person had chosen themselves before. */
export async function openShell(page: Page, server: E2EServer, path: string, options: { as?: string } = {}): Promise<void> {
  if (options.as !== undefined) {
    // The blank module document is on the shell's origin and loads nothing: the cheapest place to set storage.
    await page.goto(`${server.url}/__shell/frame.html`);
    await page.evaluate(([key, accountId]) => localStorage.setItem(key, accountId), [ACTING_USER_KEY, options.as] as const);
  }
  await page.goto(`${server.url}/#${path}`);
  await page.getByTestId('shell').waitFor({ timeout: SHELL_TIMEOUT_MS });
}

/** Navigates inside the running shell (hash change, no reload). */
export async function goTo(page: Page, path: string): Promise<void> {
  await page.evaluate((target) => {
    location.hash = target;
  }, path);
}

export async function actingUser(page: Page): Promise<string | null> {
  return page.getByTestId('shell').getAttribute('data-acting-user');
}

/** Picks a person in the top bar's "Acting as" switcher, as a user would; resolves with their accountId. */
export async function switchUser(page: Page, displayName: string): Promise<string> {
  const before = await page.getByTestId('user-switcher').getAttribute('data-account-id');
  // The chosen person's avatar covers the input; typing into it opens the menu like a click does.
  await page.locator('#acting-user').fill(displayName, { force: true });
  await page.getByRole('option', { name: new RegExp(displayName) }).first().click();
  await page.waitForFunction((previous) => document.querySelector('[data-testid="user-switcher"]')?.getAttribute('data-account-id') !== previous, before, { timeout: UI_TIMEOUT_MS });
  return (await page.getByTestId('user-switcher').getAttribute('data-account-id')) ?? '';
}

export function treeItem(page: Page, contentId: string): Locator {
  return page.locator(`[data-testid="page-tree-item"][data-content-id="${contentId}"]`);
}

/** The ids of the tree's visible items, in order. */
export async function treeIds(page: Page): Promise<string[]> {
  await page.getByTestId('page-tree-item').first().waitFor({ timeout: UI_TIMEOUT_MS });
  return page.getByTestId('page-tree-item').evaluateAll((items) => items.map((item) => item.getAttribute('data-content-id') ?? ''));
}

/** Waits for the page view of `pageId` and returns it. */
export async function pageView(page: Page, pageId: string): Promise<Locator> {
  const view = page.locator(`[data-testid="page-view"][data-page-id="${pageId}"]`);
  await view.waitFor({ timeout: UI_TIMEOUT_MS });
  return view;
}
