/**
 * What the journeys do in the shell again and again, in the words a person would use: open a
 * page as someone, act as someone else, open the approval dialog once it has loaded, wait for a
 * flag, read the byline. Everything waits on what the UI shows, never on a fixed delay.
 */
import { type Locator, type Page } from 'playwright-core';
import { type E2E } from '../support/e2e';
import { bylineItem, flags, openBylineDialog, waitForModule } from '../support/modules';
import { UI_TIMEOUT_MS, openShell, pageView, switchUser } from '../support/shell';
import { MODULES } from './seed';

export const SPACE_PATHS = {
  settings: '/spaces/ENG/settings',
  queue: '/spaces/ENG/apps/approvals',
  analytics: '/apps/approval-analytics',
} as const;

export const pagePath = (pageId: string): string => `/spaces/ENG/pages/${pageId}`;

/** Opens an ENG page as `accountId` and waits for its view. */
export async function openPageAs(e2e: E2E, pageId: string, accountId: string): Promise<Locator> {
  await openShell(e2e.page, e2e.server, pagePath(pageId), { as: accountId });
  return pageView(e2e.page, pageId);
}

/**
 * Switches the acting user in the top bar; the shell re-reads the page as them. An open byline
 * dialog is closed first with Esc, and the switcher is clicked before typing, as a person does:
 * `switchUser` alone types into the switcher without clicking it, and a popup that just closed
 * can take the focus back (returning it to the byline item), which closes the switcher's menu.
 */
export async function actAs(page: Page, displayName: string, pageId: string): Promise<Locator> {
  await closeApprovalDialog(page);
  await page.getByTestId('user-switcher').click();
  await page.locator('#acting-user:focus').waitFor({ timeout: UI_TIMEOUT_MS });
  await switchUser(page, displayName);
  return pageView(page, pageId);
}

/** Opens a full-page module (settings, queue, analytics) as `accountId` and waits for its first tree. */
export async function openAppPageAs(e2e: E2E, path: string, moduleKey: string, accountId: string): Promise<Locator> {
  await openShell(e2e.page, e2e.server, path, { as: accountId });
  return waitForModule(e2e.page, moduleKey);
}

/** Clicks the byline item and waits until the dialog has loaded the page's approval (its History heading is drawn). */
export async function openApprovalDialog(page: Page): Promise<Locator> {
  const dialog = await openBylineDialog(page, MODULES.byline);
  await dialog.getByRole('heading', { name: 'History', exact: true }).waitFor({ timeout: UI_TIMEOUT_MS });
  return dialog;
}

/** Closes the byline dialog with Esc when it is open. */
export async function closeApprovalDialog(page: Page): Promise<void> {
  const dialog = page.getByTestId('byline-dialog');
  if ((await dialog.count()) === 0) return;
  await page.keyboard.press('Escape');
  await dialog.waitFor({ state: 'detached', timeout: UI_TIMEOUT_MS });
}

/** The byline item's title, as Confluence draws it from the app's content property. */
export function bylineTitle(page: Page): Locator {
  return bylineItem(page, MODULES.byline).getByTestId('byline-title');
}

/** Waits until the byline item reads exactly `title`. */
export async function waitForBylineTitle(page: Page, title: string, timeout = UI_TIMEOUT_MS): Promise<void> {
  await bylineItem(page, MODULES.byline).filter({ has: page.getByTestId('byline-title').getByText(title, { exact: true }) }).waitFor({ timeout });
}

/** Waits for a flag whose text contains `title` and returns it. */
export async function waitForFlag(page: Page, title: string): Promise<Locator> {
  const flag = flags(page).filter({ hasText: title }).first();
  await flag.waitFor({ timeout: UI_TIMEOUT_MS });
  return flag;
}

/** Dismisses every flag on the page (their Dismiss button), e.g. before a picture for the guides. */
export async function dismissFlags(page: Page): Promise<void> {
  const all = flags(page);
  while ((await all.count()) > 0) {
    const count = await all.count();
    await all.first().getByRole('button', { name: 'Dismiss' }).click();
    await page.waitForFunction((before) => document.querySelectorAll('[data-testid="flag"]').length < before, count, { timeout: UI_TIMEOUT_MS });
  }
}

/** An ADS lozenge (or any short label) showing exactly `text` inside `scope`. */
export function exactText(scope: Locator, text: string): Locator {
  return scope.getByText(text, { exact: true });
}
