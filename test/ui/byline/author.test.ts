/** The byline dialog as the page's author: submit (with a workflow choice), withdraw, resubmit. */
import { startApp, type TestApp } from '../../integration/support/app';
import { announcedTitles, button, buttonLabels, functionCalls, shownHistory, openDialog, quickReview, RELEASE_PROCESS, statusLozenge, user } from './dialog';

describe('the byline dialog, for the author', () => {
  let app: TestApp;
  beforeEach(async () => {
    app = await startApp();
  });
  afterEach(() => app.close());

  it('offers Submit with the only workflow named, then shows the page in approval with Withdraw and no decision', async () => {
    await app.createWorkflow(quickReview(), 'default');
    const screen = await openDialog(app, 'u-alice');

    expect(statusLozenge(screen)).toEqual({ text: 'Draft', appearance: 'default' });
    expect(screen.getByText('Current version: v4').type).toBe('Text');
    expect(screen.getByText('Submit version 4 for approval').type).toBe('Heading');
    expect(screen.textContent()).toContain('Workflow: Quick review');
    expect(screen.queryByLabel('Workflow')).toBeNull();
    expect(buttonLabels(screen)).toEqual(['Submit']);
    expect(screen.getByText('No approval history yet').type).toBe('Text');

    await screen.type(screen.getByLabel('Note for the approvers'), 'The rollback section is new');
    await screen.click('Submit');

    expect(statusLozenge(screen)).toEqual({ text: 'In Approval', appearance: 'inprogress' });
    expect(screen.getByText('In review v4 · current version').type).toBe('Text');
    expect(screen.getByText(/^Version 4 submitted by Alice Author on \d{1,2} \w{3} \d{4}; waiting for step 1 of 1 \(Review\)$/).type).toBe('Text');
    expect(buttonLabels(screen)).toEqual(['Withdraw']);
    expect(screen.queryByLabel('Comment')).toBeNull();
    expect(screen.getByText('Current request').type).toBe('Heading');
    expect(screen.textContent()).toContain('Workflow: Quick review · version 4');
    expect(screen.getByText('Bob Approver · Waiting for a decision').type).toBe('Text');
    expect(await shownHistory(screen)).toEqual(['Alice Author submitted version 4 for approval (Quick review)']);
    expect(screen.getByText('“The rollback section is new”').type).toBe('Text');
    expect(screen.flags).toEqual([expect.objectContaining({ type: 'success', title: 'Submitted for approval' })]);
    expect(announcedTitles(screen)).toEqual(['In approval · step 1 of 1']);

    // What the byline shows once Confluence re-reads the property the app writes.
    await app.drain();
    expect(app.bylineProperty(RELEASE_PROCESS)?.title).toBe('In approval · step 1 of 1');
  });

  it('asks which workflow when two apply, and sends nothing until one is picked', async () => {
    await app.createWorkflow(quickReview());
    await app.createWorkflow({ name: 'Legal review', description: 'Frank checks the wording', steps: [{ id: 'legal', name: 'Legal', approvers: [user('u-frank')], rule: { kind: 'any' } }] });
    const screen = await openDialog(app, 'u-alice');

    const picker = screen.getByLabel('Workflow');
    expect(picker.type).toBe('Select');
    expect((picker.props.options as { label: string }[]).map((option) => option.label).sort()).toEqual(['Legal review', 'Quick review']);

    await screen.click('Submit');

    expect(screen.getByText('Choose the workflow to submit with').type).toBe('ErrorMessage');
    expect(screen.getByLabel('Workflow').props.isInvalid).toBe(true);
    expect(functionCalls(screen, 'submit')).toEqual([]);
    expect(statusLozenge(screen).text).toBe('Draft');

    await screen.select('Workflow', 'Legal review');
    expect(screen.queryByText('Choose the workflow to submit with')).toBeNull();
    expect(screen.getByText('Frank checks the wording').type).toBe('Text');
    await screen.click('Submit');

    expect(statusLozenge(screen).text).toBe('In Approval');
    expect(screen.textContent()).toContain('Workflow: Legal review · version 4');
    expect(screen.getByText('Frank Spaceadmin · Waiting for a decision').type).toBe('Text');
  });

  it('withdraws after confirming, and then offers Resubmit', async () => {
    await app.createWorkflow(quickReview(), 'default');
    const screen = await openDialog(app, 'u-alice');
    await screen.click('Submit');

    await screen.click('Withdraw');
    expect(screen.getByText(/^Withdraw version 4 from approval\?/).type).toBe('SectionMessage');
    await screen.click('Cancel');
    expect(screen.queryByText(/^Withdraw version 4 from approval\?/)).toBeNull();
    expect(statusLozenge(screen).text).toBe('In Approval');
    expect(functionCalls(screen, 'withdraw')).toEqual([]);

    await screen.click('Withdraw');
    await screen.click(button(screen, 'Withdraw'));

    expect(statusLozenge(screen)).toEqual({ text: 'Draft', appearance: 'default' });
    expect(screen.queryByText(/^Withdraw version 4 from approval\?/)).toBeNull();
    expect(screen.getByText('Resubmit version 4 for approval').type).toBe('Heading');
    expect(buttonLabels(screen)).toEqual(['Resubmit']);
    expect(screen.getByText('Latest request').type).toBe('Heading');
    expect(await shownHistory(screen)).toEqual([
      'Alice Author withdrew version 4 from approval',
      'Alice Author submitted version 4 for approval (Quick review)',
    ]);
    expect(screen.flags.map((flag) => flag.title)).toEqual(['Submitted for approval', 'Withdrawn from approval']);

    await screen.click('Resubmit');
    expect(statusLozenge(screen).text).toBe('In Approval');
    expect(screen.flags.map((flag) => flag.title)).toEqual(['Submitted for approval', 'Withdrawn from approval', 'Resubmitted for approval']);
  });
});
