import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { ForgeKvsAPIError, kvs } from '@forge/kvs';
import { type Sandbox, createSandbox } from '../../../sandbox';
import { ROUTES } from '../../../sandbox/confluence/routes';
import { CONFLUENCE_OPERATION_SCOPES, NOT_CONFLUENCE_OPERATIONS } from '../../../sandbox/runtime/confluence-scopes';
import { ManifestError, parseManifest } from '../../../sandbox/runtime/manifest';
import { operationFor } from '../../../sandbox/runtime/scope-check';
import { sandboxBackend } from '../../../sandbox/ui-host/sandbox-backend';

const PROBE_APP = join(__dirname, '..', 'fixtures', 'app-scopes');
const ALICE = 'u-alice';
const PAGE = '/wiki/api/v2/pages/10020';
const SPACE = '/wiki/api/v2/spaces/1001';
const SCOPE_MISMATCH = { code: 401, message: 'Unauthorized; scope does not match' };

const HEAD = 'app:\n  id: ari:cloud:ecosystem::app/11111111-2222-4333-8444-777777777777\n';

/** The emulator's `:name` placeholders and the OpenAPI's `{name}` ones, compared as "a segment". */
const shape = (path: string): string => path.replace(/:[A-Za-z]+|\{[^}]+\}/g, '{}');

describe('the endpoint → scopes table', () => {
  it('names the scopes of every operation the emulator serves, and nothing it does not serve', () => {
    const table = new Set([...CONFLUENCE_OPERATION_SCOPES, ...NOT_CONFLUENCE_OPERATIONS].map((entry) => `${entry.method} ${shape(entry.path)}`));
    const served = new Set(ROUTES.map((route) => `${route.method} ${shape(route.pattern)}`));
    expect([...served].filter((route) => !table.has(route))).toEqual([]);
    expect([...table].filter((entry) => !served.has(entry))).toEqual([]);
  });

  it('finds the operation of a concrete path, literal segments first and the query ignored', () => {
    expect(operationFor('GET', '/wiki/rest/api/group/picker?query=eng')?.operation).toBe('searchGroups');
    expect(operationFor('GET', '/wiki/rest/api/group/g-1/membersByGroupId?limit=1')?.operation).toBe('getGroupMembersByGroupId');
    expect(operationFor('put', '/wiki/api/v2/pages/10020/properties/77')?.scopes).toEqual(['read:page:confluence', 'write:page:confluence']);
    expect(operationFor('GET', '/wiki/api/v2/spaces/1001/permissions')?.scopes).toEqual(['read:space:confluence']);
    expect(operationFor('GET', '/wiki/api/v2/attachments/5')).toBeUndefined();
  });
});

describe('permissions.scopes in manifest.yml', () => {
  it('reads the list form', () => {
    const manifest = parseManifest(`${HEAD}permissions:\n  scopes:\n    - storage:app\n    - read:page:confluence\n`);
    expect(manifest.scopes).toEqual([
      { key: 'storage:app', allowImpersonation: false },
      { key: 'read:page:confluence', allowImpersonation: false },
    ]);
  });

  it('reads the map form with allowImpersonation', () => {
    const manifest = parseManifest(
      `${HEAD}permissions:\n  scopes:\n    storage:app: {}\n    read:page:confluence:\n      allowImpersonation: true\n    write:page:confluence:\n      allowImpersonation: false\n`,
    );
    expect(manifest.scopes).toEqual([
      { key: 'storage:app', allowImpersonation: false },
      { key: 'read:page:confluence', allowImpersonation: true },
      { key: 'write:page:confluence', allowImpersonation: false },
    ]);
  });

  it('refuses forms the documentation does not have', () => {
    const refused = (scopes: string) => () => parseManifest(`${HEAD}permissions:\n  scopes:${scopes}`);
    expect(refused('\n    - key: read:page:confluence\n      allowImpersonation: true\n')).toThrow(ManifestError);
    expect(refused('\n    read:page:confluence: yes\n')).toThrow(/must be a map/);
    expect(refused('\n    read:page:confluence:\n      allowImpersonation: "true"\n')).toThrow(/true or false/);
    expect(refused('\n    read:page:confluence:\n      impersonate: true\n')).toThrow(/unknown option 'impersonate'/);
    expect(refused(' read:page:confluence\n')).toThrow(/list of scope names or a map/);
  });
});

describe('scope enforcement on Confluence calls', () => {
  let sandbox: Sandbox;
  const probe = (payload: Record<string, unknown>, accountId = ALICE) =>
    sandbox.invoke({ moduleKey: 'probe', functionKey: 'call', payload, accountId }) as Promise<{ status?: number; body?: string; error?: string }>;

  beforeEach(async () => {
    sandbox = await createSandbox({ appRoot: PROBE_APP });
  });
  afterEach(() => sandbox.close());

  it('lets a call through when the manifest holds its scopes, as the app and as the user', async () => {
    expect(await probe({ as: 'app', path: PAGE })).toMatchObject({ status: 200 });
    expect(await probe({ as: 'user', path: PAGE })).toMatchObject({ status: 200 });
  });

  it("answers 401 'scope does not match' when a scope is missing, and logs the call", async () => {
    const answer = await probe({ as: 'app', path: SPACE });
    expect(answer.status).toBe(401);
    expect(JSON.parse(answer.body ?? '')).toEqual(SCOPE_MISMATCH);
    expect(await probe({ as: 'user', path: SPACE })).toMatchObject({ status: 401 });
    expect(sandbox.ops.entries({ kind: 'confluence' }).map((entry) => entry.status)).toEqual([401, 401]);
  });

  it('fails loudly on an operation the table does not know or Confluence does not have', async () => {
    expect((await probe({ as: 'app', path: '/wiki/api/v2/attachments/5' })).error).toMatch(/not in sandbox\/runtime\/confluence-scopes\.ts/);
    expect((await probe({ as: 'app', path: '/wiki/api/v2/folders/10005/labels' })).error).toMatch(/no such operation/);
  });

  it('treats any explicit asUser(accountId) as impersonation, even of the invoking user', async () => {
    // read:page:confluence is declared without allowImpersonation.
    expect((await probe({ as: 'impersonate', accountId: ALICE, path: PAGE })).error).toMatch(/403 - PROXY_ERR/);
    // read:confluence-user declares allowImpersonation: true.
    const impersonated = await probe({ as: 'impersonate', accountId: 'u-bob', path: '/wiki/rest/api/user/current' });
    expect(impersonated.status).toBe(200);
    expect(JSON.parse(impersonated.body ?? '')).toMatchObject({ accountId: 'u-bob' });
  });

  it("applies the app's scopes to the front end's requestConfluence", async () => {
    const backend = sandboxBackend({ sandbox, moduleKey: 'probe', accountId: ALICE });
    expect((await backend.requestConfluence(PAGE, { method: 'GET', headers: {} })).status).toBe(200);
    const refused = await backend.requestConfluence(SPACE, { method: 'GET', headers: {} });
    expect({ status: refused.status, body: JSON.parse(refused.body) }).toEqual({ status: 401, body: SCOPE_MISMATCH });
    await expect(backend.requestConfluence('/wiki/api/v2/attachments/5', { method: 'GET', headers: {} })).rejects.toThrow(/confluence-scopes\.ts/);
  });
});

describe('storage:app', () => {
  it('refuses storage calls when the manifest does not declare it', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'scopes-'));
    const manifestFile = join(dir, 'manifest.yml');
    writeFileSync(manifestFile, readFileSync(join(PROBE_APP, 'manifest.yml'), 'utf8').replace('    storage:app: {}\n', ''));
    const sandbox = await createSandbox({ appRoot: PROBE_APP, manifestFile });
    try {
      const failure = await kvs.set('note', 1).catch((error: unknown) => error);
      expect(failure).toBeInstanceOf(ForgeKvsAPIError);
      expect((failure as ForgeKvsAPIError).responseDetails.status).toBe(403);
    } finally {
      await sandbox.close();
      rmSync(dir, { recursive: true, force: true });
    }
  });
});
