/**
 * The sandbox server's routes for the browser shell, over HTTP (no browser): the page at `/`,
 * the app's UI modules, module bundles (cached by ETag, rebuilt when a source file changes,
 * build errors reported), and icons. They run with the journeys because they build bundles too.
 */
import { cpSync, mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { FIXTURE_APP, REPO_ROOT, type E2EServer, startE2EServer } from './support/sandbox-server';

describe('the shell routes of the sandbox server', () => {
  let server: E2EServer;
  let appRoot: string;

  beforeAll(async () => {
    // A copy the tests may edit, inside the repository so the app's imports resolve from node_modules.
    const scratch = join(REPO_ROOT, 'test-results');
    mkdirSync(scratch, { recursive: true });
    appRoot = mkdtempSync(join(scratch, 'shell-routes-app-'));
    cpSync(FIXTURE_APP, appRoot, { recursive: true });
    server = await startE2EServer(appRoot);
  });

  afterAll(async () => {
    await server.close();
    rmSync(appRoot, { recursive: true, force: true });
  });

  const get = (path: string, headers: Record<string, string> = {}): Promise<Response> => fetch(`${server.url}${path}`, { headers });

  it('serves the shell at / with the site overview for browsers without scripts', async () => {
    const page = await get('/');
    expect(page.status).toBe(200);
    const html = await page.text();
    expect(html).toContain('<script src="/__shell/assets/shell.js"></script>');
    expect(html).toContain('<link rel="stylesheet" href="/__shell/assets/shell.css">');
    expect(html).toMatch(/<noscript>[\s\S]*People &amp; Policies[\s\S]*<\/noscript>/);
    const overview = await get('/__sandbox/overview');
    expect(await overview.text()).toContain('href="/wiki/api/v2/pages/10020?as=u-frank&amp;body-format=storage"');
  });

  it("lists the app's UI modules with what the shell places them by", async () => {
    const app = (await (await get('/__shell/app')).json()) as { modules: Record<string, unknown>[]; site: { cloudId: string }; scopes: string[] };
    expect(app.modules).toEqual(
      expect.arrayContaining([
        expect.objectContaining({
          key: 'fixture-byline',
          type: 'confluence:contentBylineItem',
          title: 'Fixture status',
          contentPropertyKey: 'fixture-byline-property',
          resource: { key: 'byline', path: 'src/frontend/byline.tsx' },
          native: true,
        }),
        expect.objectContaining({ key: 'fixture-gallery', type: 'confluence:globalPage', route: 'gallery' }),
        expect.objectContaining({ key: 'fixture-broken', type: 'confluence:spacePage', route: 'broken' }),
      ]),
    );
    expect(app.site.cloudId).toMatch(/^[0-9a-f-]{36}$/);
    expect(app.scopes).toContain('storage:app');
  });

  it('bundles a front end for the browser, answers 304 to a fresh ETag, and rebuilds when its file changes', async () => {
    const first = await get('/__shell/modules/broken.js');
    expect(first.status).toBe(200);
    expect(first.headers.get('content-type')).toMatch(/^text\/javascript/);
    const etag = first.headers.get('etag') ?? '';
    expect(await first.text()).toContain('Before the unknown component');

    expect((await get('/__shell/modules/broken.js', { 'if-none-match': etag })).status).toBe(304);

    const file = join(appRoot, 'src', 'frontend', 'broken.tsx');
    writeFileSync(file, readFileSync(file, 'utf8').replace('Before the unknown component', 'Edited while the server runs'));
    const rebuilt = await get('/__shell/modules/broken.js', { 'if-none-match': etag });
    expect(rebuilt.status).toBe(200);
    expect(rebuilt.headers.get('etag')).not.toBe(etag);
    expect(await rebuilt.text()).toContain('Edited while the server runs');
  });

  it('reports a front end that does not build, and refuses resources no UI Kit module uses', async () => {
    const file = join(appRoot, 'src', 'frontend', 'broken.tsx');
    const source = readFileSync(file, 'utf8');
    writeFileSync(file, `${source}\nconst = ;\n`);
    try {
      const failed = await get('/__shell/modules/broken.js');
      expect(failed.status).toBe(500);
      const body = (await failed.json()) as { error: { code: string; message: string } };
      expect(body.error.code).toBe('BUILD_FAILED');
      expect(body.error.message).toContain('src/frontend/broken.tsx');
    } finally {
      writeFileSync(file, source);
    }
    expect((await get('/__shell/modules/broken.js')).status).toBe(200);

    const unknown = await get('/__shell/modules/nope.js');
    expect(unknown.status).toBe(404);
    expect(((await unknown.json()) as { error: { code: string } }).error.code).toBe('UNKNOWN_RESOURCE');
  });

  it('serves ADS icons by glyph name as standalone SVG documents', async () => {
    const icon = await get('/__shell/icons/check-circle');
    expect(icon.status).toBe(200);
    expect(icon.headers.get('content-type')).toBe('image/svg+xml');
    expect(await icon.text()).toMatch(/^<svg xmlns="http:\/\/www\.w3\.org\/2000\/svg"/);
    expect((await get('/__shell/icons/not-a-glyph')).status).toBe(404);
    expect((await get('/__shell/icons/..%2Fpackage.json')).status).toBe(400);
  });
});
