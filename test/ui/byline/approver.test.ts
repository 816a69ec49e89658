/** The byline dialog as an approver of the current step: approve, reject, and what they cannot do. */
import { startApp, type TestApp } from '../../integration/support/app';
import {
  announcedTitles,
  button,
  buttonLabels,
  functionCalls,
  historyLines,
  openDialog,
  pressWithoutWaiting,
  quickReview,
  reviewThenSignOff,
  statusLozenge,
  submittedByAlice,
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
  });

  it('refuses a rejection without a comment next to the field, and changes nothing', async () => {
    await app.createWorkflow(quickReview(), 'default');
    await submittedByAlice(app);
    const screen = await openDialog(app, 'u-bob');
    const before = app.appState();

    await screen.click('Reject');

    expect(screen.getByText('A comment explaining the rejection is required').type).toBe('ErrorMessage');
    expect(screen.getByLabel('Comment').props.isInvalid).toBe(true);
    expect(functionCalls(screen, 'reject')).toEqual([]);
    expect(statusLozenge(screen).text).toBe('In Approval');
    expect(buttonLabels(screen)).toEqual(['Approve', 'Reject']);
    expect(screen.flags).toEqual([]);
    expect(screen.refreshed).toBe(false);
    expect(app.appState()).toEqual(before);

    // Typing clears the message: the person is fixing it.
    await screen.type('Comment', 'The rollback steps are missing');
    expect(screen.queryByText('A comment explaining the rejection is required')).toBeNull();

    await screen.click('Reject');
    expect(statusLozenge(screen)).toEqual({ text: 'Changes Requested', appearance: 'removed' });
    // No decision left to make; Bob edits Engineering pages, so like any editor he may resubmit.
    expect(buttonLabels(screen)).toEqual(['Resubmit']);
    expect(screen.queryByLabel('Comment')).toBeNull();
    expect(screen.getByText(/^Bob Approver · Rejected on /).type).toBe('Text');
    expect(screen.getAllByText('“The rollback steps are missing”')).toHaveLength(2); // on the step and in the history
    expect(historyLines(screen)).toEqual([
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
    expect(historyLines(screen)[0]).toBe('Step 1 of 2 (Review) is complete; step 2 of 2 (Sign-off) has started');
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
    expect(historyLines(screen).slice(0, 2)).toEqual(['Version 4 was approved', 'Bob Approver approved step 1 of 1 (Review)']);
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
});

