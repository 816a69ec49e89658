/**
 * docs/openapi.yaml is the REST API's contract: every route's real answers, happy and refused,
 * through the sandbox's gateway, have a documented status and a body its schema accepts; and
 * manifest.yml, custom-scopes.yaml and the document name the same routes with the same scopes.
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { parse } from 'yaml';
import { type PageApprovalResource } from '../../../src/api/pages';
import { type AuditExportView } from '../../../src/shared/contract/audit';
import { ENG_PAGE, singleStep } from '../core/fixtures';
import { APP_ROOT, type TestApp, startApp } from '../support/app';
import { contractProblems, openApi } from './openapi-contract';
import { type ApiAnswer, type ApiCallOptions, callApi, SCOPES } from './support';

const POST = '10070';

let app: TestApp;

beforeAll(async () => {
  app = await startApp();
  await app.createWorkflow(singleStep(), 'default');
});

afterAll(() => app.close());

const exercised = new Set<string>();

/** Calls `path` (the documented template filled in) and checks the answer against the contract. */
async function checked<T>(accountId: string, method: string, template: string, path: string, status: number, options: ApiCallOptions = {}): Promise<T> {
  const answer: ApiAnswer<T> = await callApi<T>(app, accountId, method, path, options);
  expect({ call: `${method} ${path}`, status: answer.status }).toEqual({ call: `${method} ${path}`, status });
  expect({ call: `${method} ${path}`, problems: contractProblems(method, template, answer) }).toEqual({ call: `${method} ${path}`, problems: [] });
  exercised.add(`${method} ${template} ${status}`);
  return answer.body;
}

const APPROVAL = '/pages/{pageId}/approval';
const HISTORY = '/pages/{pageId}/approval/history';
const SUBMISSIONS = '/pages/{pageId}/approval/submissions';
const DECISIONS = '/pages/{pageId}/approval/decisions';
const WITHDRAWAL = '/pages/{pageId}/approval/withdrawal';
const WORKFLOWS = '/spaces/{spaceKey}/workflows';
const AUDIT = '/spaces/{spaceKey}/audit';
const VERIFICATION = '/spaces/{spaceKey}/audit/verification';

describe('every route answers as docs/openapi.yaml says', () => {
  it('on the happy paths', async () => {
    await checked('u-alice', 'GET', APPROVAL, `/pages/${ENG_PAGE}/approval`, 200);
    const submitted = await checked<PageApprovalResource>('u-alice', 'POST', SUBMISSIONS, `/pages/${ENG_PAGE}/approval/submissions`, 201, { body: { note: 'Please review' } });
    await checked('u-bob', 'GET', APPROVAL, `/pages/${ENG_PAGE}/approval`, 200);
    await checked('u-bob', 'POST', DECISIONS, `/pages/${ENG_PAGE}/approval/decisions`, 200, {
      body: { requestId: submitted.request?.id, stepIndex: 0, decision: 'approve', comment: 'Fine' },
    });
    await checked('u-alice', 'POST', SUBMISSIONS, `/pages/${POST}/approval/submissions`, 201);
    await checked('u-alice', 'POST', WITHDRAWAL, `/pages/${POST}/approval/withdrawal`, 200);
    await app.drain();
    await checked('u-grace', 'GET', HISTORY, `/pages/${ENG_PAGE}/approval/history`, 200);
    await checked('u-grace', 'GET', WORKFLOWS, '/spaces/ENG/workflows', 200);
    const first = await checked<AuditExportView>('u-frank', 'GET', AUDIT, '/spaces/ENG/audit', 200, { query: { limit: '2' } });
    expect(first.cursor).toEqual(expect.any(String));
    await checked('u-frank', 'GET', AUDIT, '/spaces/ENG/audit', 200, { query: { cursor: first.cursor ?? '' } });
    await checked('u-frank', 'GET', VERIFICATION, '/spaces/ENG/audit/verification', 200);
  });

  it('on refusals by the app and by the platform', async () => {
    await checked('u-alice', 'GET', APPROVAL, '/pages/abc/approval', 400);
    await checked('u-grace', 'GET', APPROVAL, '/pages/10040/approval', 404);
    await checked('u-alice', 'GET', APPROVAL, `/pages/${ENG_PAGE}/approval`, 403, { scopes: [SCOPES.writeApproval] });
    await checked('u-grace', 'GET', HISTORY, '/pages/10040/approval/history', 404);
    await checked('u-alice', 'GET', HISTORY, `/pages/${ENG_PAGE}/approval/history`, 400, { query: { cursor: 'nope' } });
    await checked('u-grace', 'POST', SUBMISSIONS, `/pages/${ENG_PAGE}/approval/submissions`, 403);
    await checked('u-alice', 'POST', SUBMISSIONS, `/pages/${ENG_PAGE}/approval/submissions`, 400, { body: { note: 7 } });
    await checked('u-grace', 'POST', SUBMISSIONS, '/pages/10040/approval/submissions', 404, { body: {} });
    const running = await checked<PageApprovalResource>('u-alice', 'POST', SUBMISSIONS, `/pages/${POST}/approval/submissions`, 201);
    await checked('u-alice', 'POST', SUBMISSIONS, `/pages/${POST}/approval/submissions`, 409);
    await checked('u-alice', 'POST', SUBMISSIONS, `/pages/${POST}/approval/submissions`, 403, { scopes: [SCOPES.readApproval] });
    await checked('u-grace', 'POST', DECISIONS, `/pages/${POST}/approval/decisions`, 403, { body: { requestId: running.request?.id, stepIndex: 0, decision: 'approve' } });
    await checked('u-bob', 'POST', DECISIONS, `/pages/${POST}/approval/decisions`, 400, { body: { requestId: running.request?.id, stepIndex: 0, decision: 'reject' } });
    await checked('u-grace', 'POST', DECISIONS, '/pages/10040/approval/decisions', 404, { body: { requestId: running.request?.id, stepIndex: 0, decision: 'approve' } });
    await checked('u-bob', 'POST', DECISIONS, `/pages/${POST}/approval/decisions`, 409, { body: { requestId: running.request?.id, stepIndex: 3, decision: 'approve' } });
    await checked('u-bob', 'POST', WITHDRAWAL, `/pages/${POST}/approval/withdrawal`, 403);
    await checked('u-alice', 'POST', WITHDRAWAL, `/pages/${POST}/approval/withdrawal`, 400, { body: { requestId: 'req/1' } });
    await checked('u-grace', 'POST', WITHDRAWAL, '/pages/10040/approval/withdrawal', 404);
    await checked('u-alice', 'POST', WITHDRAWAL, `/pages/${POST}/approval/withdrawal`, 200);
    await checked('u-alice', 'POST', WITHDRAWAL, `/pages/${POST}/approval/withdrawal`, 409);
    await checked('u-ivan', 'GET', WORKFLOWS, '/spaces/HR/workflows', 404);
    await checked('u-ivan', 'GET', WORKFLOWS, '/spaces/bad%20key/workflows', 400);
    await checked('u-alice', 'GET', AUDIT, '/spaces/ENG/audit', 403);
    await checked('u-ivan', 'GET', AUDIT, '/spaces/HR/audit', 404);
    await checked('u-frank', 'GET', AUDIT, '/spaces/ENG/audit', 400, { query: { limit: '500' } });
    await checked('u-frank', 'GET', AUDIT, '/spaces/ENG/audit', 403, { scopes: [SCOPES.readApproval] });
    await checked('u-alice', 'GET', VERIFICATION, '/spaces/ENG/audit/verification', 403);
    await checked('u-ivan', 'GET', VERIFICATION, '/spaces/HR/audit/verification', 404);
    await checked('u-frank', 'GET', VERIFICATION, '/spaces/bad%20key/audit/verification', 400);
  });

  it('with Retry-After when Confluence is busy', async () => {
    app.sandbox.faults.failNext('confluence', 1, { status: 429, retryAfterSeconds: 30 });
    const answer = await callApi(app, 'u-alice', 'GET', `/pages/${ENG_PAGE}/approval`);
    expect(answer.status).toBe(429);
    expect(answer.headers['retry-after']).toBe('30');
    expect(contractProblems('GET', APPROVAL, answer)).toEqual([]);
  });

  it('every documented route is exercised with a 200 or 201 and its refusals', () => {
    for (const [path, operations] of Object.entries(openApi.paths)) {
      for (const method of Object.keys(operations)) {
        const statuses = [...exercised].filter((call) => call.startsWith(`${method.toUpperCase()} ${path} `));
        expect({ route: `${method} ${path}`, happy: statuses.some((call) => / 20[01]$/.test(call)), refused: statuses.some((call) => / 4\d\d$/.test(call)) }).toEqual({
          route: `${method} ${path}`,
          happy: true,
          refused: true,
        });
      }
    }
  });
});

describe('the contract check itself', () => {
  it('finds a body off its schema, a missing Retry-After and an undocumented status', () => {
    expect(contractProblems('GET', APPROVAL, { status: 200, headers: {}, body: { status: 'draft' } })).not.toEqual([]);
    expect(contractProblems('GET', APPROVAL, { status: 429, headers: {}, body: { code: 'RATE_LIMITED', message: 'Busy' } })).toEqual(['header Retry-After is missing']);
    expect(() => contractProblems('GET', APPROVAL, { status: 418, headers: {}, body: {} })).toThrow(/documents no 418/);
  });
});

describe('manifest.yml, custom-scopes.yaml and docs/openapi.yaml agree', () => {
  const manifest = parse(readFileSync(join(APP_ROOT, 'manifest.yml'), 'utf8')) as { modules: { apiRoute: { path: string; operation: string; scopes: string[] }[] } };
  const customScopes = parse(readFileSync(join(APP_ROOT, 'custom-scopes.yaml'), 'utf8')) as { version: number; scopes: Record<string, { description: string }> };

  it('names the same routes with the same scopes, every scope registered', () => {
    const fromManifest = manifest.modules.apiRoute.map((route) => `${route.operation} ${route.path} ${route.scopes.join(',')}`).sort();
    const fromDocument = Object.entries(openApi.paths)
      .flatMap(([path, operations]) =>
        Object.entries(operations).map(([method, operation]) => `${method.toUpperCase()} ${path.replace(/\{\w+\}/g, '*')} ${(operation.security?.[0]?.threeLegged ?? []).join(',')}`),
      )
      .sort();
    expect(fromDocument).toEqual(fromManifest);
    const used = new Set(manifest.modules.apiRoute.flatMap((route) => route.scopes));
    expect(Object.keys(customScopes.scopes).sort()).toEqual([...used].sort());
  });
});
