/** Version awareness and due dates as the dialog shows them. */
import { setOfficialVersion } from '../../../src/actions/execute/official-version';
import { actionRunFor, workflowAction } from '../../integration/support/action-run';
import { advanceCalendar, ok, startApp, type TestApp } from '../../integration/support/app';
import { buttonLabels, openDialog, quickReview, RELEASE_PROCESS, statusLozenge, submittedByAlice, user } from './dialog';

describe('the byline dialog, on versions and due dates', () => {
  let app: TestApp;
  beforeEach(async () => {
    app = await startApp();
  });
  afterEach(() => {
    jest.useRealTimers();
    app.close();
  });

  it('shows an approved page edited twice as Outdated, approved v4 against current v6, and offers Resubmit', async () => {
    await app.createWorkflow(quickReview(), 'default');
    const { request } = await submittedByAlice(app);
    ok(await app.as('u-bob').byline('approve', RELEASE_PROCESS, { requestId: request?.id, stepIndex: 0 }));
    await app.sandbox.editPage(RELEASE_PROCESS, 'u-alice', { body: '<p>Step 5 is new.</p>' });
    await app.sandbox.editPage(RELEASE_PROCESS, 'u-alice', { body: '<p>Step 6 is new.</p>' });
    await app.drain();

    const screen = await openDialog(app, 'u-alice');

    expect(statusLozenge(screen)).toEqual({ text: 'Outdated', appearance: 'moved' });
    expect(screen.getByText('Approved v4 · current v6').type).toBe('Text');
    expect(screen.getByText(/^Version 4 was approved by Bob Approver on .+; version 6 has not been approved$/).type).toBe('Text');
    expect(screen.getByText('Resubmit version 6 for approval').type).toBe('Heading');
    expect(buttonLabels(screen)).toEqual(['Resubmit']);
  });

  it('shows the official version a workflow action recorded on approval', async () => {
    await app.createWorkflow(quickReview(), 'default');
    const { request } = await submittedByAlice(app);
    ok(await app.as('u-bob').byline('approve', RELEASE_PROCESS, { requestId: request?.id, stepIndex: 0 }));
    await app.drain();
    if (request == null) throw new Error('the submission shows no request');
    await setOfficialVersion(await actionRunFor(app, request.id, 'approved'), workflowAction({ type: 'setOfficialVersion' }));

    const screen = await openDialog(app, 'u-grace');

    expect(screen.getByText('Official version: v4').type).toBe('Text');
  });

  it('flags a step past its due date as overdue', async () => {
    await app.createWorkflow(
      { name: 'Timed review', steps: [{ id: 'review', name: 'Review', approvers: [user('u-bob')], rule: { kind: 'any' }, dueDays: 2 }] },
      'default',
    );
    await submittedByAlice(app);
    advanceCalendar(3);

    const screen = await openDialog(app, 'u-grace');

    const step = screen.within(screen.getByType('Box'));
    expect(step.getByText('Overdue').type).toBe('Lozenge');
    // The sandbox's viewer is en-US, as the queue and settings write days for them.
    expect(step.getByText(/^Any one approver · due \w{3} \d{1,2}, \d{4}$/).type).toBe('Text');
  });

  it('writes the request\'s days and times in the order of the viewer\'s locale', async () => {
    await app.createWorkflow(
      { name: 'Timed review', steps: [{ id: 'review', name: 'Review', approvers: [user('u-bob')], rule: { kind: 'any' }, dueDays: 2 }] },
      'default',
    );
    await submittedByAlice(app);

    const american = await openDialog(app, 'u-grace');
    expect(american.getByText(/^Any one approver · due \w{3} \d{1,2}, \d{4}$/).type).toBe('Text');
    expect(american.getByText(/^Submitted by Alice Author on \w{3} \d{1,2}, \d{4}, \d{1,2}:\d{2} (AM|PM)$/).type).toBe('Text');

    const british = await openDialog(app, 'u-grace', RELEASE_PROCESS, 'en-GB');
    expect(british.getByText(/^Any one approver · due \d{1,2} \w{3} \d{4}$/).type).toBe('Text');
    expect(british.getByText(/^Submitted by Alice Author on \d{1,2} \w{3} \d{4}, \d{2}:\d{2}$/).type).toBe('Text');
  });

  it('does not flag a step that is still within its due date', async () => {
    await app.createWorkflow(
      { name: 'Timed review', steps: [{ id: 'review', name: 'Review', approvers: [user('u-bob')], rule: { kind: 'any' }, dueDays: 2 }] },
      'default',
    );
    await submittedByAlice(app);

    const screen = await openDialog(app, 'u-grace');

    expect(screen.within(screen.getByType('Box')).queryByText('Overdue')).toBeNull();
  });
});
