/**
 * One call sets a suite up: the sandbox server for `appRoot` and Chromium for the whole file,
 * then for each test the seed restored and a fresh tab that records page errors and every
 * resolver invocation the browser makes.
 */
import { type Page } from 'playwright-core';
import { type LaunchedBrowser, launchChromium } from './chromium';
import { type E2EServer, REPO_ROOT, startE2EServer } from './sandbox-server';

export interface E2E {
  readonly server: E2EServer;
  readonly page: Page;
  /** Uncaught errors of the page (not of the app's frames, which the shell reports on the module). */
  readonly pageErrors: readonly string[];
  /** Bodies of the `POST /__sandbox/invoke` requests the page made, in order. */
  readonly invocations: readonly { moduleKey: string; functionKey: string }[];
}

export function setupE2E(options: { appRoot?: string } = {}): E2E {
  let server: E2EServer | undefined;
  let browser: LaunchedBrowser | undefined;
  let page: Page | undefined;
  const pageErrors: string[] = [];
  const invocations: { moduleKey: string; functionKey: string }[] = [];

  beforeAll(async () => {
    server = await startE2EServer(options.appRoot ?? REPO_ROOT);
    browser = await launchChromium();
  });

  afterAll(async () => {
    await browser?.close();
    await server?.close();
  });

  beforeEach(async () => {
    if (server === undefined || browser === undefined) throw new Error('The e2e suite did not start');
    await server.reset();
    pageErrors.length = 0;
    invocations.length = 0;
    page = await browser.context.newPage();
    page.on('pageerror', (error) => pageErrors.push(error.message));
    page.on('request', (request) => {
      if (request.method() === 'POST' && new URL(request.url()).pathname === '/__sandbox/invoke') {
        invocations.push(request.postDataJSON() as { moduleKey: string; functionKey: string });
      }
    });
  });

  afterEach(async () => {
    await page?.close();
    page = undefined;
  });

  const need = <T>(value: T | undefined, what: string): T => {
    if (value === undefined) throw new Error(`No ${what}: use it inside a test`);
    return value;
  };
  return {
    get server() {
      return need(server, 'server');
    },
    get page() {
      return need(page, 'page');
    },
    pageErrors,
    invocations,
  };
}
