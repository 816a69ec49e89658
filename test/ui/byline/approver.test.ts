/** The byline dialog as an approver of the current step: approve, reject, and what they cannot do. */
import { ok, startApp, type TestApp } from '../../integration/support/app';
import { editorWorkflow, settingsAs } from '../../integration/support/settings';
import {
  announcedTitles,
  button,
  buttonLabels,
  functionCalls,
  shownHistory,
  openDialog,
  pressWithoutWaiting,
  quickReview,
  reviewThenSignOff,
  statusLozenge,
  submittedByAlice,
  user,
  whileInFlight,
} from './dialog';

describe('the byline dialog, for an approver', () => {
  let app: TestApp;
  beforeEach(async () => {
    app = await startApp();
  });
  afterEach(() => app.close());

  it('offers Approve and Reject, and nothing an author or admin does', async () => {
    await app.createWorkflow(quickReview(), 'default');
    await submittedByAlice(app);
    const screen = await openDialog(app, 'u-bob');

    expect(statusLozenge(screen)).toEqual({ text: 'In Approval', appearance: 'inprogress' });
    expect(buttonLabels(screen)).toEqual(['Approve', 'Reject']);
    expect(screen.getByText('Your decision').type).toBe('Heading');
    expect(screen.getByText('Step 1 of 1 · Review · Any one approver').type).toBe('Text');
    expect(screen.getByLabel('Comment').type).toBe('TextArea');
    // The popup's first screen is the decision: the byline's sentence would repeat the step, and
    // a line says what the popup holds further down.
    expect(screen.queryByText(/waiting for step 1 of 1/)).toBeNull();
    expect(screen.getByText("More below: the request's step and the history (1)").type).toBe('Text');
  });

  it('refuses a rejection without a comment next to the field, and changes nothing', async () => {
    await app.createWorkflow(quickReview(), 'default');
    await submittedByAlice(app);
    const screen = await openDialog(app, 'u-bob');
    const before = app.appState();

    await screen.click('Reject');

    expect(screen.getByText('A comment explaining the rejection is required').type).toBe('ErrorMessage');
    expect(screen.getByLabel('Comment').props.isInvalid).toBe(true);
    expect(screen.getByLabel('Comment').props['aria-invalid']).toBe(true);
    expect(functionCalls(screen, 'reject')).toEqual([]);
    expect(statusLozenge(screen).text).toBe('In Approval');
    expect(buttonLabels(screen)).toEqual(['Approve', 'Reject']);
    expect(screen.flags).toEqual([]);
    expect(screen.refreshed).toBe(false);
    expect(app.appState()).toEqual(before);

    // Typing clears the message: the person is fixing it.
    await screen.type('Comment', 'The rollback steps are missing');
    expect(screen.queryByText('A comment explaining the rejection is required')).toBeNull();
    expect(screen.getByLabel('Comment').props['aria-invalid']).toBe(false);

    await screen.click('Reject');
    expect(statusLozenge(screen)).toEqual({ text: 'Changes Requested', appearance: 'removed' });
    // No decision left to make; Bob edits Engineering pages, so like any editor he may resubmit.
    expect(buttonLabels(screen)).toEqual(['Resubmit']);
    expect(screen.queryByLabel('Comment')).toBeNull();
    expect(screen.getByText(/^Bob Approver · Rejected on /).type).toBe('Text');
    expect(screen.getAllByText('“The rollback steps are missing”')).toHaveLength(1); // on the step; the history is collapsed
    expect(await shownHistory(screen)).toEqual([
      'Changes were requested on version 4 at step 1 of 1 (Review)',
      'Bob Approver rejected step 1 of 1 (Review)',
      'Alice Author submitted version 4 for approval (Quick review)',
    ]);
    expect(screen.flags).toEqual([expect.objectContaining({ type: 'success', title: 'Changes requested' })]);
    expect(announcedTitles(screen)).toEqual(['Changes requested v4']);
  });

  it('approves the first of two steps: the dialog shows the next step and Bob has nothing left to decide', async () => {
    await app.createWorkflow(reviewThenSignOff(), 'default');
    await submittedByAlice(app);
    const screen = await openDialog(app, 'u-bob');

    await screen.type('Comment', 'Looks good');
    await screen.click('Approve');

    expect(statusLozenge(screen)).toEqual({ text: 'In Approval', appearance: 'inprogress' });
    expect(screen.getByText(/^Version 4 submitted by Alice Author on .+; waiting for step 2 of 2 \(Sign-off\)$/).type).toBe('Text');
    expect(buttonLabels(screen)).toEqual([]);
    expect(screen.queryByLabel('Comment')).toBeNull();
    const [review, signOff] = screen.getAllByType('Box').map((step) => screen.within(step));
    expect(review.getByText('Step 1 of 2 · Review').type).toBe('Text');
    expect(review.getByText('Approved').type).toBe('Lozenge');
    expect(review.getByText(/^Bob Approver · Approved on /).type).toBe('Text');
    expect(review.getByText('“Looks good”').type).toBe('Text');
    expect(signOff.getByText('Step 2 of 2 · Sign-off').type).toBe('Text');
    expect(signOff.getByText('In progress').type).toBe('Lozenge');
    expect(signOff.getByText('Ivan Contractor · Waiting for a decision').type).toBe('Text');
    expect((await shownHistory(screen))[0]).toBe('Step 1 of 2 (Review) is complete; step 2 of 2 (Sign-off) has started');
    expect(screen.flags).toEqual([expect.objectContaining({ title: 'Your approval was recorded' })]);
    expect(announcedTitles(screen)).toEqual(['In approval · step 2 of 2']);
  });

  it('approves the last step: the page is Approved', async () => {
    await app.createWorkflow(quickReview(), 'default');
    await submittedByAlice(app);
    const screen = await openDialog(app, 'u-bob');

    await screen.click('Approve');

    expect(statusLozenge(screen)).toEqual({ text: 'Approved', appearance: 'success' });
    expect(screen.getByText('Approved v4 · current version').type).toBe('Text');
    expect(screen.getByText(/^Approved by Bob Approver on /).type).toBe('Text');
    expect(screen.getByText(/^Approved on /).type).toBe('Text');
    expect(buttonLabels(screen)).toEqual([]);
    expect((await shownHistory(screen)).slice(0, 2)).toEqual(['Version 4 was approved', 'Bob Approver approved step 1 of 1 (Review)']);
    expect(functionCalls(screen, 'approve')).toEqual([{ requestId: expect.any(String), stepIndex: 0 }]);
    expect(screen.flags).toEqual([expect.objectContaining({ title: 'Page approved' })]);
    expect(announcedTitles(screen)).toEqual(['Approved v4']);
  });

  it('shows the buttons loading while the call runs, and a second click sends nothing', async () => {
    await app.createWorkflow(quickReview(), 'default');
    await submittedByAlice(app);
    const screen = await openDialog(app, 'u-bob');
    app.sandbox.latency.set({ invoke: 300 });

    const approve = button(screen, 'Approve');
    const first = pressWithoutWaiting(approve);
    await whileInFlight(() => button(screen, 'Approve').props.isLoading === true);
    expect(button(screen, 'Reject').props.isDisabled).toBe(true);
    const second = pressWithoutWaiting(approve);
    await Promise.all([first, second]);
    await screen.settle();

    expect(functionCalls(screen, 'approve')).toHaveLength(1);
    expect(statusLozenge(screen).text).toBe('Approved');
    expect(screen.flags).toHaveLength(1);
  });

  it('tells an author who is also an approver why there is no decision form, where the form would be', async () => {
    await app.createWorkflow(
      { name: 'Peer review', steps: [{ id: 'review', name: 'Review', approvers: [user('u-alice'), user('u-bob')], rule: { kind: 'any' } }] },
      'default',
    );
    await submittedByAlice(app);
    const screen = await openDialog(app, 'u-alice');

    const notice = screen.getByType('SectionMessage');
    expect(notice.props).toMatchObject({ appearance: 'information', title: 'Your decision' });
    expect(screen.within(notice).getByText('You submitted this version, and this workflow does not let authors approve their own pages.').type).toBe('Text');
    expect(buttonLabels(screen)).toEqual(['Withdraw']);
    expect(screen.queryByLabel('Comment')).toBeNull();

    // Bob, the other approver, decides as usual; a viewer is told nothing about decisions.
    expect(buttonLabels(await openDialog(app, 'u-bob'))).toEqual(['Approve', 'Reject']);
    expect((await openDialog(app, 'u-grace')).queryByText(/does not let authors approve/)).toBeNull();
  });

  it('tells an approver who changed the workflow after the submission why they cannot decide', async () => {
    const frank = settingsAs(app, 'u-frank');
    const draft = editorWorkflow({ name: 'Ops review', owners: ['u-bob'], steps: [{ id: 'review', name: 'Review', approvers: [user('u-bob'), user('u-ivan')], rule: { kind: 'any' } }] });
    const { workflow } = ok(await frank('createWorkflow', { workflow: draft }));
    ok(await frank('setDefaultWorkflow', { workflowId: workflow.id }));
    await submittedByAlice(app);
    const current = ok(await settingsAs(app, 'u-bob')('getWorkflow', { workflowId: workflow.id })).workflow;
    ok(await settingsAs(app, 'u-bob')('updateWorkflow', { workflowId: workflow.id, revision: current.revision, workflow: { ...draft, description: 'Now with a description' } }));

    const screen = await openDialog(app, 'u-bob');

    const notice = screen.getByType('SectionMessage');
    expect(notice.props.title).toBe('Your decision');
    expect(screen.within(notice).getByText("You changed this workflow after this page was submitted, so you can't decide on this request.").type).toBe('Text');
    expect(buttonLabels(screen)).toEqual([]);
    expect(buttonLabels(await openDialog(app, 'u-ivan'))).toEqual(['Approve', 'Reject']);
  });
});
