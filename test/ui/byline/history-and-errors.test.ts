/** The history's "Show more", and refusals and failures shown where they happen. */
import { ok, startApp, type TestApp } from '../../integration/support/app';
import {
  button,
  buttonLabels,
  functionCalls,
  historyLines,
  openDialog,
  quickReview,
  RELEASE_PROCESS,
  statusLozenge,
  submittedByAlice,
  user,
} from './dialog';

describe('the byline dialog history', () => {
  let app: TestApp;
  beforeEach(async () => {
    app = await startApp();
  });
  afterEach(() => app.close());

  it('keeps the history behind "Show history (N)" so the status and actions come first, then pages through it with Show more', async () => {
    await app.createWorkflow(quickReview(), 'default');
    // 11 submissions, each withdrawn: 22 entries.
    for (let round = 0; round < 11; round += 1) {
      const { request } = await submittedByAlice(app);
      ok(await app.as('u-alice').byline('withdraw', RELEASE_PROCESS, { requestId: request?.id }));
    }
    const screen = await openDialog(app, 'u-grace');

    // Collapsed: the heading and a button that says how much there is (20 loaded, more to come).
    expect(screen.getByText('History').type).toBe('Heading');
    expect(historyLines(screen)).toEqual([]);
    expect(screen.queryByText('Alice Author withdrew version 4 from approval')).toBeNull();
    expect(button(screen, 'Show history (20+)').props.appearance).toBe('subtle');
    expect(screen.queryByText('Show more')).toBeNull();

    await screen.click('Show history (20+)');

    expect(historyLines(screen)).toHaveLength(20);
    expect(historyLines(screen)[0]).toBe('Alice Author withdrew version 4 from approval');
    expect(buttonLabels(screen)).toEqual(['Show more']);
    expect(screen.queryByText(/^Show history/)).toBeNull();

    await screen.click('Show more');

    const lines = historyLines(screen);
    expect(lines).toHaveLength(22);
    expect(lines.at(-1)).toBe('Alice Author submitted version 4 for approval (Quick review)');
    expect(lines.filter((line) => line.startsWith('Alice Author submitted'))).toHaveLength(11);
    expect(lines.filter((line) => line.startsWith('Alice Author withdrew'))).toHaveLength(11);
    expect(buttonLabels(screen)).toEqual([]);
    expect(functionCalls(screen, 'getPageHistory')).toHaveLength(1);

    // Hiding it again says the count that is now known.
    await screen.click('Hide history');
    expect(historyLines(screen)).toEqual([]);
    expect(button(screen, 'Show history (22)').type).toBe('Button');
  });

  it('counts a short history exactly, and shows no toggle when there is none', async () => {
    await app.createWorkflow(quickReview(), 'default');
    expect((await openDialog(app, 'u-grace')).queryByText(/^Show history/)).toBeNull();
    await submittedByAlice(app);

    const dialog = await openDialog(app, 'u-grace');
    await dialog.click('Show history (1)');
    expect(historyLines(dialog)).toEqual(['Alice Author submitted version 4 for approval (Quick review)']);
  });
});

describe('the byline dialog, when a call is refused or fails', () => {
  let app: TestApp;
  beforeEach(async () => {
    app = await startApp();
  });
  afterEach(() => app.close());

  it('shows a decision that lost a race in place, and Reload shows what happened', async () => {
    await app.createWorkflow(
      {
        name: 'Two reviewers',
        steps: [
          { id: 'review', name: 'Review', approvers: [user('u-bob'), user('u-ivan')], rule: { kind: 'any' } },
          { id: 'sign-off', name: 'Sign-off', approvers: [user('u-frank')], rule: { kind: 'any' } },
        ],
      },
      'default',
    );
    const { request } = await submittedByAlice(app);
    const screen = await openDialog(app, 'u-bob');
    // Ivan decides while Bob's dialog is open.
    ok(await app.as('u-ivan').byline('approve', RELEASE_PROCESS, { requestId: request?.id, stepIndex: 0 }));

    await screen.type('Comment', 'Fine by me');
    await screen.click('Approve');

    const refusal = screen.getByText(/^Someone else changed this at the same time/);
    expect(refusal.type).toBe('SectionMessage');
    expect(refusal.props.appearance).toBe('error');
    expect(screen.within(refusal).getByText(/has moved on to step 2 .*since you opened it/).type).toBe('Text');
    // The dialog still shows what Bob saw; nothing pretends the approval went through.
    expect(statusLozenge(screen).text).toBe('In Approval');
    expect(screen.getByLabel('Comment').props.value).toBe('Fine by me');
    expect(screen.flags).toEqual([]);
    expect(screen.refreshed).toBe(false);
    // Editing the comment does not hide it: the page moved on, whatever Bob types.
    await screen.type('Comment', 'Fine by me, really');
    expect(screen.getByText(/^Someone else changed this at the same time/).type).toBe('SectionMessage');

    await screen.click('Reload');

    expect(screen.queryByText(/^Someone else changed this at the same time/)).toBeNull();
    expect(buttonLabels(screen)).toEqual([]);
    expect(screen.getByText(/^Ivan Contractor · Approved on /).type).toBe('Text');
    expect(screen.getByText('Frank Spaceadmin · Waiting for a decision').type).toBe('Text');
  });

  it('shows a failed load with Try again, then the dialog once it works', async () => {
    await app.createWorkflow(quickReview(), 'default');
    app.sandbox.faults.failNext('storage', 1000, { status: 500 });
    // The resolver logs the storage failure it hides from the person; keep the test output clean.
    const logged = jest.spyOn(console, 'error').mockImplementation(() => undefined);
    const screen = await openDialog(app, 'u-alice');
    logged.mockRestore();

    const failure = screen.getByText(/^Couldn't load this page's approval/);
    expect(failure.type).toBe('SectionMessage');
    expect(screen.within(failure).getByText('Something went wrong on our side. Nothing was changed; please try again.').type).toBe('Text');
    expect(screen.queryAllByType('Lozenge')).toEqual([]);

    app.sandbox.faults.clear();
    await screen.click('Try again');

    expect(screen.queryByText(/^Couldn't load this page's approval/)).toBeNull();
    expect(statusLozenge(screen).text).toBe('Draft');
    expect(button(screen, 'Submit').type).toBe('LoadingButton');
  });
});

