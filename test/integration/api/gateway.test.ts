/**
 * The REST API over real HTTP, as curl reaches it under `npm start`: the gateway refuses a call
 * without a valid token (401) or without the route's scopes (403) before the app runs, and a
 * minted token calls the app as its user.
 */
import { type RunningServer, startServer } from '../../../sandbox/server';
import { APP_ROOT } from '../support/app';
import { SCOPES } from './support';

let server: RunningServer;

beforeAll(async () => {
  server = await startServer({ appRoot: APP_ROOT, port: 0 });
});

afterAll(() => server.close());

async function mint(accountId: string, scopes: string[]): Promise<string> {
  const response = await fetch(`${server.url}/__sandbox/tokens`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ accountId, scopes }) });
  return ((await response.json()) as { token: string }).token;
}

const get = (path: string, token?: string) => fetch(`${server.url}/__sandbox/api${path}`, token === undefined ? {} : { headers: { Authorization: `Bearer ${token}` } });

describe('the REST gateway of npm start', () => {
  it('answers 401 without a token or with one it never issued, and the app does not run', async () => {
    const none = await get('/pages/10020/approval');
    expect(none.status).toBe(401);
    expect(none.headers.get('www-authenticate')).toMatch(/^Bearer/);
    expect(((await none.json()) as { message: string }).message).toMatch(/Unauthorized/);
    expect((await get('/pages/10020/approval', 'sbx_forged')).status).toBe(401);
    const ops = (await (await fetch(`${server.url}/__sandbox/ops`)).json()) as { invocations: { kind: string }[] };
    expect(ops.invocations.filter((invocation) => invocation.kind === 'apiRoute')).toEqual([]);
  });

  it('calls the app as the token\'s user, and refuses 403 naming a scope the token lacks', async () => {
    const grace = await mint('u-grace', [SCOPES.readApproval, 'read:forge-app:confluence']);
    const approval = await get('/pages/10020/approval', grace);
    expect(approval.status).toBe(200);
    expect(await approval.json()).toMatchObject({ page: { id: '10020', type: 'page' }, actions: { submit: false } });
    expect((await get('/pages/10040/approval', grace)).status).toBe(404);

    const audit = await get('/spaces/ENG/audit', grace);
    expect(audit.status).toBe(403);
    expect(await audit.json()).toEqual({ message: `The token lacks scope(s): ${SCOPES.readAudit}` });
    const withoutProductScope = await mint('u-grace', [SCOPES.readApproval]);
    expect(await (await get('/pages/10020/approval', withoutProductScope)).json()).toEqual({ message: 'The token lacks scope(s): read:forge-app:confluence' });
  });
});
