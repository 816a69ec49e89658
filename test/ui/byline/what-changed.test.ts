/** "What changed since v5" in the byline dialog of a resubmitted page, as the reviewer sees it. */
import { ok, startApp, type TestApp } from '../../integration/support/app';
import { buttonLabels, openDialog, quickReview, RELEASE_PROCESS, submittedByAlice } from './dialog';

describe('the byline dialog, on what changed since the approved version', () => {
  let app: TestApp;
  beforeEach(async () => {
    app = await startApp();
    await app.createWorkflow(quickReview(), 'default');
  });
  afterEach(() => app.close());

  it('offers the comparison only on a page under review after an approval, and shows the changes on demand', async () => {
    await app.sandbox.editPage(RELEASE_PROCESS, 'u-alice', { body: '<p>Ship on Fridays.</p>' });
    await app.drain();
    const { request } = await submittedByAlice(app);
    expect(buttonLabels(await openDialog(app, 'u-bob'))).not.toContain('What changed since v5');
    ok(await app.as('u-bob').byline('approve', RELEASE_PROCESS, { requestId: request?.id, stepIndex: 0 }));
    await app.sandbox.editPage(RELEASE_PROCESS, 'u-alice', { title: 'Release Process 2027', body: '<p>Ship on Mondays.</p>' });
    await app.drain();
    await submittedByAlice(app);
    await app.drain();

    const screen = await openDialog(app, 'u-bob');
    expect(buttonLabels(screen)).toContain('What changed since v5');
    await screen.click('What changed since v5');

    expect(screen.getByText('What changed since v5 (v6 under review)').type).toBe('Text');
    expect(screen.getByText('Release Process 2027').props.as).toBe('strong');
    expect(screen.getByText('1 block changed.').type).toBe('Text');
    expect(screen.getByText('Changed').type).toBe('Lozenge');
    expect(screen.getByText('Fridays').props.as).toBe('strike');
    expect(screen.getByText('Mondays').props.as).toBe('strong');
  });
});
