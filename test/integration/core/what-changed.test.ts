import { ConfluenceEmulator } from '../../../sandbox/confluence/emulator';
import { ok, startApp, type TestApp } from '../support/app';
import { ENG_PAGE, singleStep } from './fixtures';

/** "What changed since v5" in the byline dialog: the approved version of Release Process against the resubmitted one. */
describe('what changed since the approved version', () => {
  let app: TestApp;
  beforeEach(async () => {
    app = await startApp();
    await app.createWorkflow(singleStep(), 'default');
  });
  afterEach(() => app.close());

  async function edit(change: { title?: string; body?: string }): Promise<void> {
    await app.sandbox.editPage(ENG_PAGE, 'u-alice', change);
    await app.drain();
  }

  it('shows the reviewer the blocks and the title that changed, read as the reviewer', async () => {
    await edit({ body: '<h2>Steps</h2><ol><li>Tag the build</li><li>Notify QA</li></ol><p>Ship on Fridays.</p>' });
    const requestId = ok(await app.as('u-alice').byline('submit', ENG_PAGE)).request?.id;
    ok(await app.as('u-bob').byline('approve', ENG_PAGE, { requestId, stepIndex: 0 }));
    await app.drain();
    await edit({ title: 'Release Process 2027', body: '<h2>Steps</h2><ol><li>Tag the build</li></ol><p>Ship on Mondays.</p><p>Plan a rollback.</p>' });
    ok(await app.as('u-alice').byline('submit', ENG_PAGE));
    await app.drain();

    const view = ok(await app.as('u-bob').byline('getPageApproval', ENG_PAGE));
    expect([view.changesSinceVersion, view.request?.version, view.request?.status]).toEqual([5, 6, 'inApproval']);
    const changes = ok(await app.as('u-bob').byline('getChangesSinceApproval', ENG_PAGE));
    expect(changes).toMatchObject({
      fromVersion: 5,
      toVersion: 6,
      title: { from: 'Release Process', to: 'Release Process 2027' },
      counts: { added: 1, removed: 1, changed: 1 },
      truncated: false,
      notCompared: null,
    });
    expect(changes.blocks.map((block) => [block.change, block.kind, block.runs.map((run) => (run.change === undefined ? run.text : `[${run.change}:${run.text}]`)).join('')])).toEqual([
      ['removed', 'listItem', 'Notify QA'],
      ['changed', 'paragraph', 'Ship on [removed:Fridays][added:Mondays].'],
      ['added', 'paragraph', 'Plan a rollback.'],
    ]);
  });

  it('lists the labels added since the approved version was submitted (Confluence keeps no label history: the app records them)', async () => {
    const site = app.sandbox.confluence;
    if (!(site instanceof ConfluenceEmulator)) throw new Error('the test needs the Confluence emulator');
    site.addLabel(ENG_PAGE, 'process');
    const requestId = ok(await app.as('u-alice').byline('submit', ENG_PAGE)).request?.id;
    await app.drain();
    ok(await app.as('u-bob').byline('approve', ENG_PAGE, { requestId, stepIndex: 0 }));
    await app.drain();
    site.addLabel(ENG_PAGE, 'release-2027');
    await edit({ body: '<p>Ship on Mondays.</p>' });
    ok(await app.as('u-alice').byline('submit', ENG_PAGE));
    await app.drain();

    const changes = ok(await app.as('u-bob').byline('getChangesSinceApproval', ENG_PAGE));
    expect(changes.labels).toEqual({ added: ['release-2027'], removed: [] });
  });

  it('says there is nothing to compare on a page whose approval is current', async () => {
    const requestId = ok(await app.as('u-alice').byline('submit', ENG_PAGE)).request?.id;
    ok(await app.as('u-bob').byline('approve', ENG_PAGE, { requestId, stepIndex: 0 }));
    await app.drain();
    const refused = await app.as('u-bob').byline('getChangesSinceApproval', ENG_PAGE);
    expect(refused).toMatchObject({ error: { code: 'PRECONDITION', message: expect.stringContaining('no approved version to compare with') } });
  });
});
