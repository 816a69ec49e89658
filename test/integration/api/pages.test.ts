/**
 * The page routes of the REST API, as an integrator's 3LO token reaches them through the
 * gateway: the same checks as the byline dialog (same commands), JSON errors with HTTP statuses,
 * and refusals that change nothing.
 */
import { type PageApprovalResource } from '../../../src/api/pages';
import { type HistoryPageView } from '../../../src/shared/contract/common';
import { type ErrorBody } from '../../../src/shared/errors';
import { ENG_PAGE, singleStep, user } from '../core/fixtures';
import { type TestApp, startApp } from '../support/app';
import { callApi, expectStatus, SCOPES } from './support';

const POST = '10070'; // "Release 4.2 is out", an ENG blog post
const RESTRICTED = '10040'; // the postmortem Grace cannot see

let app: TestApp;

beforeEach(async () => {
  app = await startApp();
  await app.createWorkflow(singleStep(), 'default');
});

afterEach(() => app.close());

const approval = (accountId: string, pageId: string, scopes?: string[]) =>
  callApi<PageApprovalResource | ErrorBody>(app, accountId, 'GET', `/pages/${pageId}/approval`, { scopes });
const submit = (accountId: string, pageId: string, body?: unknown) =>
  callApi<PageApprovalResource | ErrorBody>(app, accountId, 'POST', `/pages/${pageId}/approval/submissions`, { body });
const decide = (accountId: string, pageId: string, body: unknown) =>
  callApi<PageApprovalResource | ErrorBody>(app, accountId, 'POST', `/pages/${pageId}/approval/decisions`, { body });
const withdraw = (accountId: string, pageId: string, body?: unknown) =>
  callApi<PageApprovalResource | ErrorBody>(app, accountId, 'POST', `/pages/${pageId}/approval/withdrawal`, { body });

/** A refusal that must leave the app's storage as it was. */
async function expectRefusalChangingNothing(call: () => Promise<{ status: number; body: unknown }>, status: number, code: string, message?: RegExp): Promise<ErrorBody> {
  await app.drain();
  const before = app.appState();
  const answer = await call();
  expect(answer.status).toBe(status);
  const body = answer.body as ErrorBody;
  expect(body).toMatchObject({ code, message: expect.any(String) });
  if (message !== undefined) expect(body.message).toMatch(message);
  expect(JSON.stringify(body)).not.toMatch(/\bat .*\.(ts|js):\d+/);
  await app.drain();
  expect(app.appState()).toEqual(before);
  return body;
}

describe('a page through its approval', () => {
  it('reads, submits with a note, approves and reads again, as the dialog would', async () => {
    const draft = expectStatus(await approval('u-alice', ENG_PAGE), 200) as PageApprovalResource;
    expect(draft).toMatchObject({ page: { id: ENG_PAGE, type: 'page', currentVersion: 4 }, status: 'draft', approvedVersion: null, request: null, actions: { submit: true } });

    const submitted = expectStatus(await submit('u-alice', ENG_PAGE, { note: 'Ready for review' }), 201) as PageApprovalResource;
    expect(submitted).toMatchObject({ status: 'inApproval', request: { status: 'inApproval', version: 4, submittedBy: { accountId: 'u-alice' } } });
    const requestId = submitted.request?.id;

    const approved = expectStatus(await decide('u-bob', ENG_PAGE, { requestId, stepIndex: 0, decision: 'approve', comment: 'Looks good' }), 200) as PageApprovalResource;
    expect(approved).toMatchObject({ status: 'approved', approvedVersion: 4, request: { id: requestId, status: 'approved' } });
    expect(approved.request?.steps[0].approvers).toEqual([expect.objectContaining({ accountId: 'u-bob', decision: 'approve', comment: 'Looks good' })]);

    expect(expectStatus(await approval('u-grace', ENG_PAGE), 200)).toMatchObject({ status: 'approved', actions: { submit: false, approve: false } });
    await app.drain();
    const history = expectStatus(await callApi<HistoryPageView>(app, 'u-grace', 'GET', `/pages/${ENG_PAGE}/approval/history`), 200);
    expect(history.entries.map((entry) => entry.type)).toEqual(['request.approved', 'decision.recorded', 'request.submitted']);
    expect(history.entries.find((entry) => entry.type === 'request.submitted')).toMatchObject({ actor: { accountId: 'u-alice' }, comment: 'Ready for review' });
  });

  it('rejects with a comment, and withdraws the running request without naming it', async () => {
    const requestId = (expectStatus(await submit('u-alice', ENG_PAGE), 201) as PageApprovalResource).request?.id;
    const rejected = expectStatus(await decide('u-bob', ENG_PAGE, { requestId, stepIndex: 0, decision: 'reject', comment: 'Add the rollback plan' }), 200);
    expect(rejected).toMatchObject({ status: 'changesRequested' });

    expectStatus(await submit('u-alice', ENG_PAGE, {}), 201);
    const withdrawn = expectStatus(await withdraw('u-alice', ENG_PAGE), 200);
    expect(withdrawn).toMatchObject({ request: { status: 'withdrawn' } });
  });

  it('addresses a blog post by its id and says it is one', async () => {
    const submitted = expectStatus(await submit('u-alice', POST, { note: 'For the newsletter' }), 201);
    expect(submitted).toMatchObject({ page: { id: POST, type: 'blogpost' }, status: 'inApproval' });
    expect(expectStatus(await approval('u-bob', POST), 200)).toMatchObject({ page: { type: 'blogpost' }, actions: { approve: true } });
  });

  it('pages through a long history with the cursor it hands out', async () => {
    for (let round = 0; round < 12; round += 1) {
      expectStatus(await submit('u-alice', ENG_PAGE), 201);
      expectStatus(await withdraw('u-alice', ENG_PAGE), 200);
    }
    await app.drain();
    const first = expectStatus(await callApi<HistoryPageView>(app, 'u-alice', 'GET', `/pages/${ENG_PAGE}/approval/history`), 200);
    expect(first.cursor).toEqual(expect.any(String));
    const second = expectStatus(await callApi<HistoryPageView>(app, 'u-alice', 'GET', `/pages/${ENG_PAGE}/approval/history`, { query: { cursor: first.cursor ?? '' } }), 200);
    const ids = [...first.entries, ...second.entries].map((entry) => entry.id);
    expect(new Set(ids).size).toBe(24);
  });
});

describe('refusals', () => {
  it('answers 409 to a second submission while the page is in approval, changing nothing', async () => {
    expectStatus(await submit('u-alice', ENG_PAGE), 201);
    await expectRefusalChangingNothing(() => submit('u-alice', ENG_PAGE), 409, 'CONFLICT', /already in approval/);
  });

  it('answers 404 for a page the user cannot view and 403 for what they view but may not do', async () => {
    await expectRefusalChangingNothing(() => approval('u-grace', RESTRICTED), 404, 'NOT_FOUND');
    await expectRefusalChangingNothing(() => submit('u-grace', RESTRICTED), 404, 'NOT_FOUND');
    await expectRefusalChangingNothing(() => submit('u-grace', ENG_PAGE), 403, 'FORBIDDEN', /can't edit this page/);
    const requestId = (expectStatus(await submit('u-alice', ENG_PAGE), 201) as PageApprovalResource).request?.id;
    await expectRefusalChangingNothing(() => decide('u-grace', ENG_PAGE, { requestId, stepIndex: 0, decision: 'approve' }), 403, 'FORBIDDEN');
    await expectRefusalChangingNothing(() => withdraw('u-bob', ENG_PAGE), 403, 'FORBIDDEN');
  });

  it('answers 400 to bad input with the resolvers\' messages, changing nothing', async () => {
    const requestId = (expectStatus(await submit('u-alice', ENG_PAGE), 201) as PageApprovalResource).request?.id;
    await expectRefusalChangingNothing(() => approval('u-alice', '..%2Fspaces%2F1002'), 400, 'VALIDATION', /Path/);
    await expectRefusalChangingNothing(() => approval('u-alice', 'abc'), 400, 'VALIDATION', /page id/);
    await expectRefusalChangingNothing(() => decide('u-bob', ENG_PAGE, { requestId, stepIndex: 0, decision: 'maybe' }), 400, 'VALIDATION', /approve' or 'reject/);
    await expectRefusalChangingNothing(() => decide('u-bob', ENG_PAGE, { requestId, stepIndex: 0, decision: 'reject', comment: '   ' }), 400, 'VALIDATION');
    await expectRefusalChangingNothing(() => decide('u-bob', ENG_PAGE, { requestId: 'req/1', stepIndex: 0, decision: 'approve' }), 400, 'VALIDATION');
    await expectRefusalChangingNothing(() => submit('u-alice', ENG_PAGE, { note: 'x', approver: 'u-alice' }), 400, 'VALIDATION');
    await expectRefusalChangingNothing(() => submit('u-alice', ENG_PAGE, '{not json'), 400, 'VALIDATION', /not valid JSON/);
    await expectRefusalChangingNothing(() => callApi(app, 'u-alice', 'GET', `/pages/${ENG_PAGE}/approval/history`, { query: { cursor: '%%%' } }), 400, 'VALIDATION');
    await expectRefusalChangingNothing(() => callApi(app, 'u-alice', 'GET', `/pages/${ENG_PAGE}/approval`, { query: { expand: 'all' } }), 400, 'VALIDATION');
  });

  it('is refused by the platform without the route\'s scope, naming it, and the app never runs', async () => {
    const answer = await approval('u-alice', ENG_PAGE, [SCOPES.writeApproval]);
    expect(answer.status).toBe(403);
    expect(JSON.stringify(answer.body)).toContain(SCOPES.readApproval);
    expect(app.sandbox.ops.count('invoke')).toBe(0);
  });
});

describe('a workflow with two approvers named on the step', () => {
  it('lets the dialog\'s own decision rules apply: the submitter cannot approve their own page', async () => {
    await app.createWorkflow({ name: 'Pair review', steps: [{ id: 's', name: 'Review', approvers: [user('u-alice'), user('u-bob')], rule: { kind: 'any' } }] }, 'default');
    const requestId = (expectStatus(await submit('u-alice', ENG_PAGE, { workflowId: undefined }), 201) as PageApprovalResource).request?.id;
    await expectRefusalChangingNothing(() => decide('u-alice', ENG_PAGE, { requestId, stepIndex: 0, decision: 'approve' }), 403, 'FORBIDDEN');
  });
});
