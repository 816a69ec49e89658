/**
 * The sandbox server, black-box over HTTP: a real node:http server on an ephemeral port, in
 * front of the fixture app (test/sandbox/fixtures/app-basic) and the seeded demo site.
 */
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { kvs } from '@forge/kvs';
import { type RunningServer, startServer } from '../../sandbox/server';

const FIXTURE_APP = join(__dirname, 'fixtures', 'app-basic');
const RELEASE_PROCESS = '10020';
const ENG_PAGE_CONTEXT = { content: { id: RELEASE_PROCESS, type: 'page' }, space: { id: '1001', key: 'ENG' } };

interface Answer {
  status: number;
  headers: Headers;
  text: string;
  json: unknown;
}

interface CallOptions {
  json?: unknown;
  body?: string;
  headers?: Record<string, string>;
}

interface ErrorBody {
  error: { code: string; message: string };
}

let running: RunningServer[] = [];
const tempDirs: string[] = [];

async function start(dataDir?: string): Promise<RunningServer> {
  const server = await startServer({ appRoot: FIXTURE_APP, port: 0, ...(dataDir === undefined ? {} : { dataDir }) });
  running.push(server);
  return server;
}

async function stop(server: RunningServer): Promise<void> {
  running = running.filter((candidate) => candidate !== server);
  await server.close();
}

function tempDir(): string {
  const dir = mkdtempSync(join(tmpdir(), 'sandbox-server-'));
  tempDirs.push(dir);
  return dir;
}

afterEach(async () => {
  for (const server of running.splice(0)) await server.close();
  for (const dir of tempDirs.splice(0)) rmSync(dir, { recursive: true, force: true });
});

async function call(server: RunningServer, method: string, path: string, options: CallOptions = {}): Promise<Answer> {
  const headers: Record<string, string> = { ...options.headers };
  let body = options.body;
  if (options.json !== undefined) {
    body = JSON.stringify(options.json);
    headers['content-type'] = 'application/json';
  }
  const response = await fetch(`${server.url}${path}`, { method, headers, ...(body === undefined ? {} : { body }) });
  const text = await response.text();
  let json: unknown;
  try {
    json = text === '' ? undefined : (JSON.parse(text) as unknown);
  } catch {
    json = undefined;
  }
  return { status: response.status, headers: response.headers, text, json };
}

function invoke(server: RunningServer, request: Record<string, unknown>): Promise<Answer> {
  return call(server, 'POST', '/__sandbox/invoke', { json: { moduleKey: 'byline', context: ENG_PAGE_CONTEXT, payload: {}, ...request } });
}

function errorOf(answer: Answer): ErrorBody['error'] {
  return (answer.json as ErrorBody).error;
}

async function pageAs(server: RunningServer, accountId: string, pageId: string): Promise<Answer> {
  return call(server, 'GET', `/wiki/api/v2/pages/${pageId}`, { headers: { 'X-Sandbox-User': accountId } });
}

async function mint(server: RunningServer, accountId: string, scopes: string[]): Promise<string> {
  const answer = await call(server, 'POST', '/__sandbox/tokens', { json: { accountId, scopes } });
  expect(answer.status).toBe(201);
  return (answer.json as { token: string }).token;
}

describe('sandbox server', () => {
  it('lists the seeded people with their groups and what they are for', async () => {
    const server = await start();
    const answer = await call(server, 'GET', '/__sandbox/users');
    expect(answer.status).toBe(200);
    const { users } = answer.json as { users: Array<{ accountId: string; displayName: string; groups: string[]; role: string | null }> };
    expect(users.map((user) => user.accountId)).toEqual(['u-alice', 'u-bob', 'u-carol', 'u-dana', 'u-eve', 'u-frank', 'u-grace', 'u-heidi', 'u-ivan', 'u-judy']);
    const alice = users.find((user) => user.accountId === 'u-alice');
    expect(alice).toMatchObject({ displayName: 'Alice Author' });
    expect(alice?.groups.sort()).toEqual(['confluence-users', 'engineering', 'hr-team']);
    expect(users.find((user) => user.accountId === 'u-ivan')?.groups).toEqual(['engineering']);
    expect(users.every((user) => typeof user.role === 'string' && user.role.length > 0)).toBe(true);
  });

  it('invokes a resolver as the given user, who is also the user Confluence sees', async () => {
    const server = await start();
    const whoami = await invoke(server, { functionKey: 'whoami', accountId: 'u-bob' });
    expect(whoami.status).toBe(200);
    expect(whoami.json).toEqual({ contextAccountId: 'u-bob', confluenceAccountId: 'u-bob', status: 200 });

    const remember = await invoke(server, { functionKey: 'remember', accountId: 'u-carol', payload: { text: 'looks good' } });
    expect(remember.status).toBe(200);
    expect(remember.json).toEqual({ stored: { text: 'looks good', by: 'u-carol', title: 'Release Process' }, status: 200 });
  });

  it('tells bad invocations apart: invalid JSON, unknown module or function, missing or unknown user, a failing resolver', async () => {
    const server = await start();
    const garbled = await call(server, 'POST', '/__sandbox/invoke', { body: '{"moduleKey": "byline",', headers: { 'content-type': 'application/json' } });
    expect(garbled.status).toBe(400);
    expect(errorOf(garbled)).toMatchObject({ code: 'INVALID_JSON' });
    expect(errorOf(garbled).message).toMatch(/not valid JSON/);

    const unknownFunction = await invoke(server, { functionKey: 'noSuchThing', accountId: 'u-bob' });
    expect(unknownFunction.status).toBe(404);
    expect(errorOf(unknownFunction)).toEqual({ code: 'UNKNOWN_FUNCTION', message: "The resolver of module 'byline' has no function 'noSuchThing'" });

    const unknownModule = await invoke(server, { moduleKey: 'nope', functionKey: 'whoami', accountId: 'u-bob' });
    expect(unknownModule.status).toBe(404);
    expect(errorOf(unknownModule).message).toContain("No UI module 'nope'");
    expect(errorOf(unknownModule).message).toContain('byline');

    const anonymous = await invoke(server, { functionKey: 'whoami' });
    expect(anonymous.status).toBe(400);
    expect(errorOf(anonymous).message).toContain('accountId is required');

    const stranger = await invoke(server, { functionKey: 'whoami', accountId: 'u-mallory' });
    expect(stranger.status).toBe(400);
    expect(errorOf(stranger)).toMatchObject({ code: 'UNKNOWN_USER' });

    const failing = await invoke(server, { functionKey: 'fail', accountId: 'u-bob' });
    expect(failing.status).toBe(500);
    expect(errorOf(failing)).toMatchObject({ code: 'RESOLVER_ERROR' });
    expect(errorOf(failing).message).toContain('resolver exploded');
  });

  it('answers unknown routes, wrong methods and oversized bodies with JSON errors', async () => {
    const server = await start();
    const unknown = await call(server, 'GET', '/__sandbox/nothing-here');
    expect(unknown.status).toBe(404);
    expect(errorOf(unknown)).toMatchObject({ code: 'NOT_FOUND' });

    const wrongMethod = await call(server, 'GET', '/__sandbox/invoke');
    expect(wrongMethod.status).toBe(405);
    expect(wrongMethod.headers.get('allow')).toBe('POST');

    const huge = await call(server, 'POST', '/__sandbox/invoke', { body: JSON.stringify({ functionKey: 'echo', payload: 'x'.repeat(2 * 1024 * 1024) }) });
    expect(huge.status).toBe(413);
    expect(errorOf(huge)).toMatchObject({ code: 'PAYLOAD_TOO_LARGE' });
    // The server is still fine after refusing the upload.
    expect((await call(server, 'GET', '/__sandbox/users')).status).toBe(200);
  });

  it('edits a page as a user: a new version on /wiki and the page-updated trigger fired', async () => {
    const server = await start();
    const edit = await call(server, 'POST', `/__sandbox/pages/${RELEASE_PROCESS}/edit`, {
      json: { accountId: 'u-alice', title: 'Release Process 2027', body: '<p>Ship on Tuesdays.</p>' },
    });
    expect(edit.status).toBe(200);
    expect(edit.json).toMatchObject({ id: RELEASE_PROCESS, title: 'Release Process 2027', version: 5 });

    const page = await call(server, 'GET', `/wiki/api/v2/pages/${RELEASE_PROCESS}?body-format=storage`, { headers: { 'X-Sandbox-User': 'u-grace' } });
    expect(page.status).toBe(200);
    expect(page.json).toMatchObject({ title: 'Release Process 2027', version: { number: 5, authorId: 'u-alice' }, body: { storage: { value: '<p>Ship on Tuesdays.</p>' } } });

    expect((await call(server, 'POST', '/__sandbox/drain')).json).toEqual({ idle: true });
    const { invocations } = (await call(server, 'GET', '/__sandbox/ops')).json as { invocations: Array<{ kind: string; moduleKey: string; outcome: string }> };
    expect(invocations).toContainEqual(expect.objectContaining({ kind: 'trigger', moduleKey: 'page-updated', outcome: 'ok' }));
    // The fixture's trigger records each event it receives; no HTTP route reads that record back,
    // so read it with the real SDK, which reaches the server's sandbox in this same process.
    expect(await kvs.get(`event:${RELEASE_PROCESS}:5:0`)).toMatchObject({
      eventType: 'avi:confluence:updated:page',
      atlassianId: 'u-alice',
      versionBy: 'u-alice',
      title: 'Release Process 2027',
      spaceKey: 'ENG',
    });
  });

  it('refuses edits as Confluence would: 403 for a page one may only view, 404 for one one cannot see', async () => {
    const server = await start();
    const viewerOnly = await call(server, 'POST', `/__sandbox/pages/${RELEASE_PROCESS}/edit`, { json: { accountId: 'u-grace', title: 'Mine now' } });
    expect(viewerOnly.status).toBe(403);
    const invisible = await call(server, 'POST', '/__sandbox/pages/20011/edit', { json: { accountId: 'u-ivan', title: 'Mine now' } });
    expect(invisible.status).toBe(404);
    const page = await pageAs(server, 'u-grace', RELEASE_PROCESS);
    expect(page.json).toMatchObject({ title: 'Release Process', version: { number: 4 } });
    await call(server, 'POST', '/__sandbox/drain');
    const { invocations } = (await call(server, 'GET', '/__sandbox/ops')).json as { invocations: unknown[] };
    expect(invocations).toEqual([]);
  });

  it('serves /wiki as the chosen user: hidden pages are 404, anonymous calls 401', async () => {
    const server = await start();
    const hidden = await pageAs(server, 'u-grace', '10040');
    expect(hidden.status).toBe(404);
    expect(hidden.json).toMatchObject({ errors: [{ status: 404, code: 'NOT_FOUND' }] });
    const allowed = await pageAs(server, 'u-bob', '10040');
    expect(allowed.status).toBe(200);
    expect(allowed.json).toMatchObject({ id: '10040', title: 'Security Incident Postmortem 2026-09' });

    const viaQuery = await call(server, 'GET', '/wiki/api/v2/pages/20011?as=u-ivan');
    expect(viaQuery.status).toBe(404);

    const anonymous = await call(server, 'GET', `/wiki/api/v2/pages/${RELEASE_PROCESS}`);
    expect(anonymous.status).toBe(401);
    expect(anonymous.json).toMatchObject({ errors: [{ status: 401, code: 'UNAUTHORIZED' }] });
    const anonymousV1 = await call(server, 'GET', '/wiki/rest/api/user/current');
    expect(anonymousV1.status).toBe(401);
    expect(anonymousV1.json).toMatchObject({ statusCode: 401, reason: 'Unauthorized' });
  });

  it('mints REST API tokens; the gateway refuses calls without a valid one and checks scopes', async () => {
    const server = await start();
    await invoke(server, { functionKey: 'remember', accountId: 'u-bob', payload: { text: 'for the API' } });
    const token = await mint(server, 'u-bob', ['read:note:custom', 'read:forge-app:confluence']);

    const ok = await call(server, 'GET', `/__sandbox/api/notes/${RELEASE_PROCESS}?expand=all`, { headers: { Authorization: `Bearer ${token}` } });
    expect(ok.status).toBe(200);
    expect(ok.json).toEqual({
      path: `/notes/${RELEASE_PROCESS}`,
      query: { expand: ['all'] },
      accountId: 'u-bob',
      note: { text: 'for the API', by: 'u-bob', title: 'Release Process' },
    });

    const missing = await call(server, 'GET', `/__sandbox/api/notes/${RELEASE_PROCESS}`);
    expect(missing.status).toBe(401);
    expect(missing.headers.get('www-authenticate')).toMatch(/^Bearer/);
    const forged = await call(server, 'GET', `/__sandbox/api/notes/${RELEASE_PROCESS}`, { headers: { Authorization: 'Bearer sbx_not-a-real-token' } });
    expect(forged.status).toBe(401);

    const narrow = await mint(server, 'u-bob', []);
    const lacking = await call(server, 'GET', `/__sandbox/api/notes/${RELEASE_PROCESS}`, { headers: { Authorization: `Bearer ${narrow}` } });
    expect(lacking.status).toBe(403);
    // The 3LO integration also needs the product's Forge app scope (access-rest-apis-exposed-by-a-forge-app).
    const appScopeOnly = await mint(server, 'u-bob', ['read:note:custom']);
    const withoutProductScope = await call(server, 'GET', `/__sandbox/api/notes/${RELEASE_PROCESS}`, { headers: { Authorization: `Bearer ${appScopeOnly}` } });
    expect(withoutProductScope.status).toBe(403);
    expect(withoutProductScope.json).toEqual({ message: 'The token lacks scope(s): read:forge-app:confluence' });

    const unknownRoute = await call(server, 'GET', '/__sandbox/api/elsewhere', { headers: { Authorization: `Bearer ${token}` } });
    expect(unknownRoute.status).toBe(404);
    const noScopes = await call(server, 'POST', '/__sandbox/tokens', { json: { accountId: 'u-bob' } });
    expect(noScopes.status).toBe(400);
    expect(errorOf(noScopes).message).toContain('scopes');
    // No request above reached the app except the one with a valid, sufficient token.
    const { invocations } = (await call(server, 'GET', '/__sandbox/ops')).json as { invocations: Array<{ kind: string }> };
    expect(invocations.filter((record) => record.kind === 'apiRoute')).toHaveLength(1);
  });

  it('reset brings back the seeded site, empty storage and an empty op log', async () => {
    const server = await start();
    await invoke(server, { functionKey: 'remember', accountId: 'u-bob', payload: { text: 'gone after reset' } });
    await call(server, 'POST', `/__sandbox/pages/${RELEASE_PROCESS}/edit`, { json: { accountId: 'u-alice', title: 'Renamed' } });
    await call(server, 'POST', '/__sandbox/drain');
    const token = await mint(server, 'u-bob', ['read:note:custom', 'read:forge-app:confluence']);

    const reset = await call(server, 'POST', '/__sandbox/reset');
    expect(reset.status).toBe(200);

    expect((await pageAs(server, 'u-grace', RELEASE_PROCESS)).json).toMatchObject({ title: 'Release Process', version: { number: 4 } });
    const ops = (await call(server, 'GET', '/__sandbox/ops')).json as { ops: unknown[]; invocations: unknown[] };
    expect(ops).toMatchObject({ ops: [], invocations: [] });
    // Tokens are not part of the seed: the same token still works, and finds no note any more.
    const note = await call(server, 'GET', `/__sandbox/api/notes/${RELEASE_PROCESS}`, { headers: { Authorization: `Bearer ${token}` } });
    expect(note.status).toBe(404);
  });

  it('keeps state, page versions and tokens across a restart with the same data directory', async () => {
    const dataDir = tempDir();
    const first = await start(dataDir);
    await invoke(first, { functionKey: 'remember', accountId: 'u-bob', payload: { text: 'still here' } });
    await call(first, 'POST', `/__sandbox/pages/${RELEASE_PROCESS}/edit`, { json: { accountId: 'u-alice', title: 'Before the restart' } });
    await call(first, 'POST', '/__sandbox/drain');
    const token = await mint(first, 'u-bob', ['read:note:custom', 'read:forge-app:confluence']);
    await stop(first);

    const second = await start(dataDir);
    expect((await pageAs(second, 'u-grace', RELEASE_PROCESS)).json).toMatchObject({ title: 'Before the restart', version: { number: 5 } });
    const note = await call(second, 'GET', `/__sandbox/api/notes/${RELEASE_PROCESS}`, { headers: { Authorization: `Bearer ${token}` } });
    expect(note.status).toBe(200);
    expect(note.json).toMatchObject({ note: { text: 'still here', by: 'u-bob' } });
  });

  it('keeps what a person wrote through /wiki (a label) across a restart', async () => {
    const dataDir = tempDir();
    const first = await start(dataDir);
    const added = await call(first, 'POST', `/wiki/rest/api/content/${RELEASE_PROCESS}/label`, {
      headers: { 'X-Sandbox-User': 'u-alice' },
      json: [{ prefix: 'global', name: 'reviewed' }],
    });
    expect(added.status).toBe(200);
    await stop(first);

    const second = await start(dataDir);
    const labels = await call(second, 'GET', `/wiki/api/v2/pages/${RELEASE_PROCESS}/labels`, { headers: { 'X-Sandbox-User': 'u-alice' } });
    expect((labels.json as { results: { name: string }[] }).results.map((label) => label.name)).toContain('reviewed');
  });

  it('shows the calls in the op log, filtered by kind, and clears it on DELETE', async () => {
    const server = await start();
    await invoke(server, { functionKey: 'whoami', accountId: 'u-bob' });
    const log = await call(server, 'GET', '/__sandbox/ops?kind=confluence');
    expect(log.status).toBe(200);
    const { ops, counts, invocations } = log.json as {
      ops: Array<{ kind: string; method: string; path: string; status: number; invocationId: string }>;
      counts: Record<string, number>;
      invocations: Array<{ id: string; kind: string; moduleKey: string; accountId: string; outcome: string }>;
    };
    expect(ops).toEqual([expect.objectContaining({ kind: 'confluence', method: 'GET', path: '/wiki/rest/api/user/current', status: 200 })]);
    expect(invocations).toEqual([expect.objectContaining({ kind: 'resolver', moduleKey: 'byline', accountId: 'u-bob', outcome: 'ok' })]);
    expect(ops[0].invocationId).toBe(invocations[0].id);
    expect(counts).toMatchObject({ invoke: 1, confluence: 1, kvs: 0 });

    const badKind = await call(server, 'GET', '/__sandbox/ops?kind=network');
    expect(badKind.status).toBe(400);
    expect(errorOf(badKind).message).toContain('network');

    expect((await call(server, 'DELETE', '/__sandbox/ops')).status).toBe(204);
    expect((await call(server, 'GET', '/__sandbox/ops')).json).toMatchObject({ ops: [], invocations: [] });
  });

  it('serves a readable home page with the page trees, people and links that open each page', async () => {
    const server = await start();
    const home = await call(server, 'GET', '/');
    expect(home.status).toBe(200);
    expect(home.headers.get('content-type')).toMatch(/^text\/html/);
    expect(home.text).toContain('People &amp; Policies');
    expect(home.text).toContain('Alice Author');
    expect(home.text).toContain(`href="/wiki/api/v2/pages/${RELEASE_PROCESS}?as=u-frank&amp;body-format=storage"`);
    // Frank may not see the legal hold policy; the page opens it as someone who may.
    expect(home.text).toContain('href="/wiki/api/v2/pages/20015?as=u-carol&amp;body-format=storage"');
    const opened = await call(server, 'GET', '/wiki/api/v2/pages/20015?as=u-carol&body-format=storage');
    expect(opened.status).toBe(200);
    expect(opened.json).toMatchObject({ id: '20015', title: 'Legal Hold Policy' });
  });
});
