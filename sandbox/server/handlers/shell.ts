/**
 * The browser shell's routes: the page at `/`, its bundle, the app's UI modules, one bundle
 * per UI Kit resource, the blank document each module runs in, and ADS icons by glyph name.
 */
import { existsSync, readFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { type ServerDeps } from '../deps';
import { HttpError, type Reply, htmlReply, jsonReply } from '../http-io';
import { type RequestContext } from '../router';
import { type BuildOutcome } from '../web/bundle';
import { MODULE_FRAME_PAGE, renderShellPage } from '../web/shell-page';
import { overviewOf } from './home';

const CONTENT_TYPES: Record<string, string> = {
  js: 'text/javascript; charset=utf-8',
  css: 'text/css; charset=utf-8',
};

// Bundles change under a running server; the browser revalidates them on every load (ETag).
const REVALIDATE = 'no-cache';

function extensionOf(file: string): string {
  const dot = file.lastIndexOf('.');
  return dot === -1 ? '' : file.slice(dot + 1);
}

function builtFile(outcome: BuildOutcome, file: string, ctx: RequestContext): Reply {
  if (!outcome.ok) throw new HttpError(500, 'BUILD_FAILED', outcome.message);
  const built = outcome.files.get(file);
  const contentType = CONTENT_TYPES[extensionOf(file)];
  // A bundle without CSS imports emits no stylesheet; an empty one keeps the page's <link> quiet.
  if (built === undefined && extensionOf(file) === 'css') return { status: 200, headers: { 'content-type': CONTENT_TYPES.css, 'cache-control': REVALIDATE }, body: '' };
  if (built === undefined || contentType === undefined) throw new HttpError(404, 'NOT_FOUND', `The bundle has no file '${file}'`);
  if (ctx.headers['if-none-match'] === built.etag) return { status: 304, headers: { etag: built.etag, 'cache-control': REVALIDATE } };
  return { status: 200, headers: { 'content-type': contentType, etag: built.etag, 'cache-control': REVALIDATE }, body: built.text };
}

/** `GET /`: the shell document; the browser asks for the shell's bundle right after, which builds it. */
export async function shellPage(deps: ServerDeps, dataDir: string | null): Promise<Reply> {
  return htmlReply(200, renderShellPage(overviewOf(deps, dataDir)));
}

/**
 * `GET /__shell/assets/shell.js|shell.css`. A shell that fails to build still answers with a
 * script, one that puts the compiler's message on the page instead of leaving it blank.
 */
export async function shellAsset({ web }: ServerDeps, ctx: RequestContext): Promise<Reply> {
  const file = ctx.params.file;
  const outcome = await web.shell();
  if (!outcome.ok && file === 'shell.js') {
    const show = `document.body.innerHTML = '<pre style="color:#ae2e24;padding:24px;white-space:pre-wrap"></pre>'; document.body.firstChild.textContent = ${JSON.stringify(`The sandbox shell did not build:\n\n${outcome.message}`)};`;
    return { status: 200, headers: { 'content-type': CONTENT_TYPES.js, 'cache-control': 'no-store' }, body: show };
  }
  return builtFile(outcome, file, ctx);
}

/** `GET /__shell/app`: the app's UI modules, the site and the scopes the shell builds module contexts from. */
export async function shellApp({ web, sandbox }: ServerDeps): Promise<Reply> {
  return jsonReply(200, { ...web.app(), site: sandbox.site, scopes: sandbox.manifest.scopes.map((scope) => scope.key) }, { 'cache-control': 'no-store' });
}

/** `GET /__shell/modules/:file`: `<resource key>.js`, a UI Kit front end bundled for the browser. */
export async function moduleAsset({ web }: ServerDeps, ctx: RequestContext): Promise<Reply> {
  const file = ctx.params.file;
  if (extensionOf(file) !== 'js') throw new HttpError(404, 'NOT_FOUND', `Module bundles are scripts: ask for <resource key>.js, not '${file}'`);
  const resourceKey = file.slice(0, -'.js'.length);
  const outcome = web.module(resourceKey);
  if (outcome === undefined) throw new HttpError(404, 'UNKNOWN_RESOURCE', `No UI Kit (render: native) module of manifest.yml uses the resource '${resourceKey}'`);
  return builtFile(await outcome, file, ctx);
}

/** `GET /__shell/frame.html`: the empty document a module's frame loads its bundle into. */
export async function moduleFrame(): Promise<Reply> {
  return htmlReply(200, MODULE_FRAME_PAGE);
}

const GLYPH = /^[a-z0-9-]+$/;
let iconRoot: string | undefined;

/**
 * `GET /__shell/icons/:glyph`: the SVG of a UI Kit `Icon` glyph, from @atlaskit/icon's own
 * files (the current single-colour set first, then the legacy glyphs UI Kit still accepts).
 */
export async function iconSvg(_deps: ServerDeps, ctx: RequestContext): Promise<Reply> {
  const glyph = ctx.params.glyph.replace(/\.svg$/, '');
  if (!GLYPH.test(glyph)) throw new HttpError(400, 'VALIDATION', `'${glyph}' is not an icon glyph name`);
  iconRoot ??= join(dirname(require.resolve('@atlaskit/icon/package.json')), 'svgs');
  const file = [join(iconRoot, 'core', `${glyph}.svg`), join(iconRoot, `${glyph}.svg`)].find((candidate) => existsSync(candidate));
  if (file === undefined) throw new HttpError(404, 'UNKNOWN_ICON', `@atlaskit/icon has no glyph '${glyph}'`);
  // The files are written to be inlined in React; as a standalone image an SVG needs its namespace.
  const svg = readFileSync(file, 'utf8').replace(/^<svg(?![^>]*\sxmlns=)/, '<svg xmlns="http://www.w3.org/2000/svg"');
  return { status: 200, headers: { 'content-type': 'image/svg+xml', 'cache-control': 'max-age=3600' }, body: svg };
}
