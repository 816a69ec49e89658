/**
 * The banner's one read runs on the app's token, so the scopes the app declares decide it, as
 * for every front-end `requestConfluence`: without `read:page:confluence` Confluence refuses it
 * and the banner shows nothing rather than an error on a page view.
 */
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { BYLINE_PROPERTY_KEY } from '../../../src/shared/byline';
import { APP_ROOT, type TestApp, startApp } from '../../integration/support/app';
import { renderModule } from '../support/render';

const PAGE = '10020';
const STORED = {
  title: 'Outdated (approved v4, current v5)',
  icon: 'data:image/svg+xml,x',
  tooltip: 'Version 4 was approved',
  revision: 3,
  signature: 'x',
  banner: { version: 5, approved: { version: 4, by: 'Bob Approver', at: '2026-12-02T10:00:00.000Z' } },
};

async function appWith(scopeRemoved: string | null): Promise<{ app: TestApp; done(): void }> {
  const dir = mkdtempSync(join(tmpdir(), 'banner-scopes-'));
  const manifest = readFileSync(join(APP_ROOT, 'manifest.yml'), 'utf8');
  const file = join(dir, 'manifest.yml');
  writeFileSync(file, scopeRemoved === null ? manifest : manifest.replace(`    - ${scopeRemoved}\n`, ''));
  const app = await startApp({ manifestFile: file });
  // Alice, who may edit the page, stores a banner value straight through Confluence (no app scope involved).
  const written = await app.sandbox.confluence.handle({
    method: 'POST',
    path: `/wiki/api/v2/pages/${PAGE}/properties`,
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({ key: BYLINE_PROPERTY_KEY, value: STORED }),
    actor: { kind: 'user', accountId: 'u-alice' },
  });
  expect(written.status).toBe(200);
  const done = (): void => {
    app.close();
    rmSync(dir, { recursive: true, force: true });
  };
  return { app, done };
}

async function bannerAs(app: TestApp) {
  const screen = await renderModule({ entry: 'src/frontend/banner.tsx', moduleKey: 'readers-banner', accountId: 'u-grace', context: app.pageContext(PAGE), sandbox: app.sandbox });
  await screen.waitFor(() => screen.productRequests.some((request) => request.status !== undefined));
  await screen.settle();
  return screen;
}

describe('the readers banner and the app scopes', () => {
  it('reads with the declared read:page:confluence', async () => {
    const { app, done } = await appWith(null);
    try {
      const screen = await bannerAs(app);
      await screen.waitFor(() => screen.queryByText(/not approved yet/) !== null);
      expect(screen.productRequests.map((request) => request.status)).toEqual([200]);
    } finally {
      done();
    }
  });

  it('is refused without it, and shows nothing', async () => {
    const { app, done } = await appWith('read:page:confluence');
    try {
      const screen = await bannerAs(app);
      expect(screen.productRequests.map((request) => request.status)).toEqual([401]);
      expect(screen.textContent()).toBe('');
      expect(screen.invocations).toHaveLength(0);
    } finally {
      done();
    }
  });
});
