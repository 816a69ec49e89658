import { MODULES, ok, refused, startApp, type TestApp } from '../support/app';
import { ENG_PAGE, singleStep, user } from './fixtures';

/** Every refusal says why and changes nothing: storage as before, no effect queued. */
describe('refusals', () => {
  let app: TestApp;
  beforeEach(async () => {
    app = await startApp();
  });
  afterEach(() => app.close());

  async function expectRefusal(call: () => Promise<unknown>, code: string, message: string | RegExp): Promise<void> {
    await app.drain();
    const before = app.appState();
    const pushed = app.sandbox.queue.deliveries().length;
    const error = refused(await call());
    expect(error.code).toBe(code);
    expect(error.message).toMatch(message);
    await app.drain();
    expect(app.appState()).toEqual(before);
    expect(app.sandbox.queue.deliveries()).toHaveLength(pushed);
  }

  async function submitted(): Promise<string> {
    return ok(await app.as('u-alice').byline('submit', ENG_PAGE)).request?.id ?? '';
  }

  it('a viewer cannot submit', async () => {
    await app.createWorkflow(singleStep(), 'default');
    const view = ok(await app.as('u-grace').byline('getPageApproval', ENG_PAGE));
    expect(view.actions).toEqual({ submit: false, resubmit: false, approve: false, reject: false, withdraw: false, override: false });
    expect(view.workflows).toEqual([]);
    await expectRefusal(() => app.as('u-grace').byline('submit', ENG_PAGE), 'FORBIDDEN', "You can't edit this page, so you can't submit it for approval.");
  });

  it('someone who is not an approver of the current step cannot approve', async () => {
    await app.createWorkflow(singleStep(), 'default');
    const requestId = await submitted();
    await expectRefusal(
      () => app.as('u-grace').byline('approve', ENG_PAGE, { requestId, stepIndex: 0 }),
      'FORBIDDEN',
      'You are not an approver of step 1 of 1 (Review)',
    );
  });

  it('the author cannot approve their own page when self-approval is off', async () => {
    await app.createWorkflow(
      { name: 'Pair review', steps: [{ id: 's', name: 'Review', approvers: [user('u-alice'), user('u-bob')], rule: { kind: 'any' } }] },
      'default',
    );
    const requestId = await submitted();
    expect(ok(await app.as('u-alice').byline('getPageApproval', ENG_PAGE)).actions.approve).toBe(false);
    await expectRefusal(
      () => app.as('u-alice').byline('approve', ENG_PAGE, { requestId, stepIndex: 0 }),
      'FORBIDDEN',
      'You submitted this page, and this workflow does not allow self-approval',
    );
  });

  it('a rejection needs a comment', async () => {
    await app.createWorkflow(singleStep(), 'default');
    const requestId = await submitted();
    await expectRefusal(() => app.as('u-bob').byline('reject', ENG_PAGE, { requestId, stepIndex: 0, comment: '   ' }), 'VALIDATION', /comment.*required/i);
  });

  it('an unpublished draft cannot be submitted', async () => {
    await app.createWorkflow(singleStep(), 'default');
    await expectRefusal(
      () => app.as('u-alice').byline('submit', '10060'),
      'PRECONDITION',
      'Only published pages can be submitted for approval: publish the page first.',
    );
  });

  it('a page the caller cannot see answers as if it did not exist', async () => {
    await app.createWorkflow(singleStep(), 'default');
    // 10040 is restricted to engineering and Frank: Grace cannot see it.
    await expectRefusal(() => app.as('u-grace').byline('getPageApproval', '10040'), 'NOT_FOUND', "This page doesn't exist, or you don't have permission to view it.");
    await expectRefusal(() => app.as('u-grace').byline('submit', '10040'), 'NOT_FOUND', "This page doesn't exist, or you don't have permission to view it.");
  });

  it('a context that puts the page in another space is refused', async () => {
    await app.createWorkflow(singleStep(), 'default');
    const elsewhere = { content: { id: ENG_PAGE, type: 'page' }, space: { id: '1002', key: 'HR' } };
    await expectRefusal(
      () => app.as('u-alice').invoke(MODULES.byline, 'submit', {}, elsewhere),
      'NOT_FOUND',
      "This page isn't in this space, or you don't have permission to view it.",
    );
  });

  it('an approver who cannot see the page cannot decide on it', async () => {
    await app.createWorkflow(
      { spaceId: '1002', name: 'Policy review', steps: [{ id: 's', name: 'Review', approvers: [user('u-ivan'), user('u-carol')], rule: { kind: 'any' } }] },
      'default',
    );
    const requestId = ok(await app.as('u-alice').byline('submit', '20011')).request?.id ?? '';
    // HR is invisible to Ivan, contractor: listed as an approver, he still cannot act on the page.
    await expectRefusal(
      () => app.as('u-ivan').byline('approve', '20011', { requestId, stepIndex: 0 }),
      'NOT_FOUND',
      "This page doesn't exist, or you don't have permission to view it.",
    );
  });

  it('only the submitter or a space admin can withdraw, and only a space admin can override', async () => {
    await app.createWorkflow(singleStep(), 'default');
    const requestId = await submitted();
    expect(ok(await app.as('u-bob').byline('getPageApproval', ENG_PAGE)).actions.withdraw).toBe(false);
    await expectRefusal(
      () => app.as('u-bob').byline('withdraw', ENG_PAGE, { requestId }),
      'FORBIDDEN',
      'Only the person who submitted the page or a space admin can withdraw it',
    );
    await expectRefusal(
      () => app.as('u-alice').byline('override', ENG_PAGE, { targetStatus: 'approved', reason: 'Urgent' }),
      'FORBIDDEN',
      "Only a space admin can override a page's status.",
    );
  });

  it('submitting with several workflows and none chosen asks for a choice', async () => {
    await app.createWorkflow({ ...singleStep(), name: 'Alpha' });
    await app.createWorkflow({ ...singleStep(), name: 'Beta' });
    const view = ok(await app.as('u-alice').byline('getPageApproval', ENG_PAGE));
    expect(view.workflows.map((w) => w.name)).toEqual(['Alpha', 'Beta']);
    await expectRefusal(() => app.as('u-alice').byline('submit', ENG_PAGE), 'VALIDATION', 'Choose a workflow: Alpha, Beta.');
    const chosen = ok(await app.as('u-alice').byline('submit', ENG_PAGE, { workflowId: view.workflows[1].id }));
    expect(chosen.request?.workflowName).toBe('Beta');
  });
});
