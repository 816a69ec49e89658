/**
 * An apiRoute may only require a scope the app registered in custom-scopes.yaml, and that file
 * has the documented form (mirror/expose-forge-app-rest-apis, "Step 1"); the sandbox refuses to
 * load an app that breaks either, as registration and deployment would.
 */
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { loadManifest } from '../../../sandbox/runtime/manifest';

const FIXTURE = join(__dirname, '..', 'fixtures', 'app-basic');

let dir: string;

beforeEach(() => {
  dir = mkdtempSync(join(tmpdir(), 'custom-scopes-'));
  writeFileSync(join(dir, 'manifest.yml'), readFileSync(join(FIXTURE, 'manifest.yml'), 'utf8'));
});

afterEach(() => rmSync(dir, { recursive: true, force: true }));

const withScopes = (text: string) => writeFileSync(join(dir, 'custom-scopes.yaml'), text);
const load = () => loadManifest(dir);

describe('custom-scopes.yaml', () => {
  it('loads an app whose apiRoutes require registered scopes only', () => {
    withScopes('version: 1\nscopes:\n  read:note:custom:\n    displayName: Read notes\n    description: Read notes.\n');
    expect(load().apiRoutes.map((route) => route.scopes)).toEqual([['read:note:custom']]);
  });

  it('refuses a route whose scope is not registered, or an app without the file', () => {
    expect(load).toThrow('apiRoute get-note requires read:note:custom, which custom-scopes.yaml does not register');
    withScopes('version: 1\nscopes:\n  write:note:custom:\n    description: Write notes.\n');
    expect(load).toThrow('apiRoute get-note requires read:note:custom');
  });

  it('refuses a file off the documented form', () => {
    const cases: [string, RegExp][] = [
      ['version: 2\nscopes:\n  read:note:custom:\n    description: x\n', /version/],
      ['version: 1\nscopes:\n  read:note:\n    description: x\n', /ends with :custom/],
      ['version: 1\nscopes:\n  read:note:custom:\n    displayName: Notes\n', /description/],
      ['version: 1\nscopes:\n  read:note:custom:\n    description: " padded"\n', /space/],
      ['version: 1\nscopes:\n  read:note:custom:\n    description: x\n    owner: me\n', /owner/],
      [`version: 1\nscopes:\n${Array.from({ length: 21 }, (_, i) => `  s${i}:custom:\n    description: x\n`).join('')}`, /1 to 20/],
    ];
    for (const [text, message] of cases) {
      withScopes(text);
      expect(load).toThrow(message);
    }
  });
});
