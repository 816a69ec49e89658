/** Screenshots of each journey under test-results/e2e/ (git-ignored), to look at after a run. */
import { mkdirSync } from 'node:fs';
import { join } from 'node:path';
import { type Locator, type Page } from 'playwright-core';
import { REPO_ROOT } from './sandbox-server';

export const SCREENSHOT_DIR = join(REPO_ROOT, 'test-results', 'e2e');

export async function saveScreenshot(page: Page, name: string): Promise<string> {
  mkdirSync(SCREENSHOT_DIR, { recursive: true });
  const path = join(SCREENSHOT_DIR, `${name}.png`);
  await page.screenshot({ path });
  return path;
}

/**
 * Pictures for the user guides (docs/images/), taken by the journeys at the moment they show
 * what a guide describes. Each run's dates and ids differ, so the guides' files are only
 * rewritten on request, `E2E_DOC_IMAGES=1 npm run e2e`; otherwise the same crops go next to the
 * journeys' screenshots (test-results/e2e/docs/), so the code that takes them runs every time.
 */
export const DOC_IMAGE_DIR = join(REPO_ROOT, 'docs', 'images');

/** The viewport the guides' pictures are taken at. */
export const DOC_VIEWPORT = { width: 1280, height: 800 };

export function docImagesRequested(): boolean {
  return process.env.E2E_DOC_IMAGES === '1';
}

/**
 * Saves `name`.png cropped to the smallest rectangle around `areas` (plus `padding` pixels,
 * kept inside the viewport), or the whole viewport when no area is given.
 */
export async function saveDocImage(page: Page, name: string, areas: readonly Locator[] = [], padding = 12): Promise<string> {
  const dir = docImagesRequested() ? DOC_IMAGE_DIR : join(SCREENSHOT_DIR, 'docs');
  mkdirSync(dir, { recursive: true });
  const path = join(dir, `${name}.png`);
  const viewport = page.viewportSize();
  let clip: { x: number; y: number; width: number; height: number } | undefined;
  if (areas.length > 0) {
    const boxes = await Promise.all(areas.map((area) => area.boundingBox()));
    const found = boxes.filter((box): box is NonNullable<typeof box> => box !== null);
    if (found.length !== areas.length) throw new Error(`saveDocImage(${name}): ${areas.length - found.length} of the areas are not on screen`);
    const left = Math.max(0, Math.min(...found.map((box) => box.x)) - padding);
    const top = Math.max(0, Math.min(...found.map((box) => box.y)) - padding);
    const right = Math.min(viewport?.width ?? Infinity, Math.max(...found.map((box) => box.x + box.width)) + padding);
    const bottom = Math.min(viewport?.height ?? Infinity, Math.max(...found.map((box) => box.y + box.height)) + padding);
    clip = { x: Math.floor(left), y: Math.floor(top), width: Math.ceil(right - left), height: Math.ceil(bottom - top) };
  }
  await page.screenshot({ path, clip, animations: 'disabled', caret: 'hide' });
  return path;
}
