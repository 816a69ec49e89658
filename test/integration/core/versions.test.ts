import { kvs } from '@forge/kvs';
import { ENTITY, type PageStateRow } from '../../../src/storage/entities';
import { ok, startApp, type TestApp } from '../support/app';
import { ENG_PAGE, singleStep } from './fixtures';

describe('version awareness: edits of a submitted or approved page', () => {
  let app: TestApp;
  beforeEach(async () => {
    app = await startApp();
  });
  afterEach(() => app.close());

  async function submitAndApprove(): Promise<string> {
    const submitted = ok(await app.as('u-alice').byline('submit', ENG_PAGE));
    const requestId = submitted.request?.id ?? '';
    ok(await app.as('u-bob').byline('approve', ENG_PAGE, { requestId, stepIndex: 0 }));
    return requestId;
  }

  async function edit(accountId = 'u-alice'): Promise<void> {
    await app.sandbox.editPage(ENG_PAGE, accountId, { body: `<p>edited by ${accountId} at ${Date.now()}</p>` });
    await app.drain();
  }

  it('rejection → Changes Requested → edit → resubmit → Approved', async () => {
    await app.createWorkflow(singleStep(), 'default');
    const submitted = ok(await app.as('u-alice').byline('submit', ENG_PAGE));
    const first = submitted.request?.id ?? '';
    const rejected = ok(await app.as('u-bob').byline('reject', ENG_PAGE, { requestId: first, stepIndex: 0, comment: 'Add the rollback plan' }));
    expect(rejected.status).toBe('changesRequested');
    expect(rejected.byline.title).toBe('Changes requested v4');
    expect(rejected.history.entries[0].summary).toBe('Changes were requested on version 4 at step 1 of 1 (Review)');
    expect(rejected.history.entries[1]).toMatchObject({ summary: 'Bob Approver rejected step 1 of 1 (Review)', comment: 'Add the rollback plan' });

    await edit();
    const aliceView = ok(await app.as('u-alice').byline('getPageApproval', ENG_PAGE));
    expect(aliceView.status).toBe('changesRequested');
    expect(aliceView.actions).toMatchObject({ submit: true, resubmit: true });
    const resubmitted = ok(await app.as('u-alice').byline('submit', ENG_PAGE));
    expect(resubmitted.request?.version).toBe(5);
    expect(resubmitted.request?.id).not.toBe(first);
    const approved = ok(await app.as('u-bob').byline('approve', ENG_PAGE, { requestId: resubmitted.request?.id, stepIndex: 0 }));
    expect(approved.status).toBe('approved');
    expect(approved.byline.title).toBe('Approved v5');
  });

  it('an edit of an approved page makes it Outdated, showing the approved and the current version', async () => {
    await app.createWorkflow(singleStep(), 'default');
    await submitAndApprove();
    await edit();
    const state = await kvs.entity<PageStateRow>(ENTITY.pageState).get(ENG_PAGE);
    expect(state).toMatchObject({ status: 'outdated', currentVersion: 5 });
    const view = ok(await app.as('u-grace').byline('getPageApproval', ENG_PAGE));
    expect(view.status).toBe('outdated');
    expect(view.approvedVersion).toBe(4);
    expect(view.page.currentVersion).toBe(5);
    expect(view.byline.title).toBe('Outdated (approved v4, current v5)');
    expect(view.history.entries[0].summary).toBe('Alice Author edited the page: version 5 is not approved (version 4 is)');
    expect(ok(await app.as('u-alice').byline('getPageApproval', ENG_PAGE)).actions).toMatchObject({ submit: true, resubmit: true });
  });

  it('with automatic submission, the edited version of an approved page is submitted for approval', async () => {
    await app.createWorkflow(singleStep({ autoSubmitOnEdit: true }), 'default');
    const approvedId = await submitAndApprove();
    await edit('u-alice');
    const view = ok(await app.as('u-bob').byline('getPageApproval', ENG_PAGE));
    expect(view.status).toBe('inApproval');
    expect(view.request).toMatchObject({ version: 5, status: 'inApproval', submittedBy: { accountId: 'u-alice' } });
    expect(view.request?.id).not.toBe(approvedId);
    expect(view.actions.approve).toBe(true);
    expect(view.history.entries.map((e) => e.summary).slice(0, 2)).toEqual([
      'Version 5 was submitted for approval automatically after Alice Author edited the page (Quick review)',
      'Alice Author edited the page: version 5 is not approved (version 4 is)',
    ]);
  });

  it('an automatic submission that cannot start leaves the page Outdated and says why', async () => {
    await app.createWorkflow(singleStep({ autoSubmitOnEdit: true }), 'default');
    await submitAndApprove();
    // Bob is the step's only approver and cannot approve his own submission.
    await edit('u-bob');
    const view = ok(await app.as('u-alice').byline('getPageApproval', ENG_PAGE));
    expect(view.status).toBe('outdated');
    expect(view.history.entries[0].summary).toBe(
      'Bob Approver edited the page: version 5 is not approved (version 4 is); it could not be submitted automatically: ' +
        'Step 1 of 1 (Review): nobody can approve it (the submitter cannot approve their own page in this workflow). Ask a workflow owner to add approvers',
    );
  });

  it('a version the app made itself (a title action) stays approved', async () => {
    await app.createWorkflow(singleStep(), 'default');
    await submitAndApprove();
    // The app edits as the app, through the REST API, as its title action does.
    const page = app.site().page(ENG_PAGE);
    const reply = await app.site().handle({
      method: 'PUT',
      path: `/wiki/api/v2/pages/${ENG_PAGE}`,
      headers: { 'content-type': 'application/json' },
      actor: { kind: 'app' },
      body: JSON.stringify({
        id: ENG_PAGE,
        status: 'current',
        title: 'Release Process [approved]',
        body: { representation: 'storage', value: page?.body ?? '' },
        version: { number: (page?.version ?? 0) + 1 },
      }),
    });
    expect(reply.status).toBe(200);
    await app.drain();
    const view = ok(await app.as('u-grace').byline('getPageApproval', ENG_PAGE));
    expect(view.status).toBe('approved');
    expect(view.approvedVersion).toBe(5);
    expect(view.history.entries[0].summary).toBe('ApprovalFlow updated the page to version 5; the request for version 4 still applies to it');
    // A person's edit after that outdates the approval as usual.
    await edit();
    expect(ok(await app.as('u-grace').byline('getPageApproval', ENG_PAGE)).byline.title).toBe('Outdated (approved v5, current v6)');
  });

  it("an edit during review restarts it on the new version when the workflow says 'restart'", async () => {
    await app.createWorkflow(singleStep({ onEditDuringReview: 'restart' }), 'default');
    const first = ok(await app.as('u-alice').byline('submit', ENG_PAGE)).request?.id ?? '';
    await edit();
    const view = ok(await app.as('u-bob').byline('getPageApproval', ENG_PAGE));
    expect(view.request).toMatchObject({ version: 5, status: 'inApproval' });
    expect(view.request?.id).not.toBe(first);
    const late = await app.as('u-bob').byline('approve', ENG_PAGE, { requestId: first, stepIndex: 0 });
    expect(late).toEqual({ error: { code: 'PRECONDITION', message: 'This request is no longer in approval: it was replaced by a newer submission' } });
    expect(view.history.entries.map((e) => e.summary).slice(0, 2)).toEqual([
      'Alice Author edited the page during its review: the review restarted on version 5 (Quick review)',
      'The review of version 4 was replaced by the submission of version 5',
    ]);
  });

  it("an edit during review keeps the review on the submitted version when the workflow says 'keep'", async () => {
    await app.createWorkflow(singleStep({ onEditDuringReview: 'keep' }), 'default');
    const first = ok(await app.as('u-alice').byline('submit', ENG_PAGE)).request?.id ?? '';
    await edit();
    const during = ok(await app.as('u-bob').byline('getPageApproval', ENG_PAGE));
    expect(during.request).toMatchObject({ id: first, version: 4, status: 'inApproval' });
    expect(during.page.currentVersion).toBe(5);
    const approved = ok(await app.as('u-bob').byline('approve', ENG_PAGE, { requestId: first, stepIndex: 0 }));
    // Version 4 was approved; version 5 already exists, so the page shows as Outdated.
    expect(approved.status).toBe('outdated');
    expect(approved.byline.title).toBe('Outdated (approved v4, current v5)');
  });
});
