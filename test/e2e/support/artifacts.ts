/** Screenshots of each journey under test-results/e2e/ (git-ignored), to look at after a run. */
import { mkdirSync } from 'node:fs';
import { join } from 'node:path';
import { type Page } from 'playwright-core';
import { REPO_ROOT } from './sandbox-server';

export const SCREENSHOT_DIR = join(REPO_ROOT, 'test-results', 'e2e');

export async function saveScreenshot(page: Page, name: string): Promise<string> {
  mkdirSync(SCREENSHOT_DIR, { recursive: true });
  const path = join(SCREENSHOT_DIR, `${name}.png`);
  await page.screenshot({ path });
  return path;
}
