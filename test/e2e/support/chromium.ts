/**
 * Debian's Chromium, driven by playwright-core (no browser download: there is no network for
 * one). Without the background-networking flags Chromium keeps calling Google's services, which
 * floods a closed network; each run gets a fresh profile.
 */
import { existsSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { type BrowserContext, chromium } from 'playwright-core';

export const CHROMIUM_PATH = process.env.CHROMIUM_PATH ?? '/usr/bin/chromium';

export const CHROMIUM_ARGS = [
  '--headless',
  '--no-sandbox',
  '--disable-gpu',
  '--disable-quic',
  '--no-first-run',
  '--disable-background-networking',
  '--disable-component-update',
  '--disable-sync',
];

export const VIEWPORT = { width: 1400, height: 900 };

export function chromiumAvailable(): boolean {
  return existsSync(CHROMIUM_PATH);
}

const MISSING = `Chromium is not installed at ${CHROMIUM_PATH} (apt-get install -y chromium, or set CHROMIUM_PATH)`;

/**
 * `describe` for suites that drive the browser. Under CI a missing Chromium fails the run, so
 * the journeys can never silently stop running; on a developer's machine the suite is skipped
 * and says why.
 */
export function describeInBrowser(name: string, body: () => void): void {
  if (chromiumAvailable()) {
    describe(name, body);
  } else if (process.env.CI === 'true') {
    describe(name, () => {
      it('needs Chromium', () => {
        throw new Error(`${MISSING}; .ci/run installs it before the tests`);
      });
    });
  } else {
    console.warn(`Skipping "${name}": ${MISSING}.`);
    describe.skip(name, body);
  }
}

export interface LaunchedBrowser {
  context: BrowserContext;
  close(): Promise<void>;
}

export async function launchChromium(): Promise<LaunchedBrowser> {
  const profile = mkdtempSync(join(tmpdir(), 'approvalflow-chromium-'));
  const context = await chromium.launchPersistentContext(profile, { executablePath: CHROMIUM_PATH, args: CHROMIUM_ARGS, viewport: VIEWPORT });
  return {
    context,
    async close() {
      await context.close();
      rmSync(profile, { recursive: true, force: true });
    },
  };
}
