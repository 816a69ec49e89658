/**
 * The byline lozenge after an action in the dialog: the dialog stores the resolver's byline value
 * in the content property Confluence draws from and announces it through the `useContentProperty`
 * setter, the documented way to redraw a byline; the effects consumer's write stays the backstop,
 * and whichever write describes the later page state wins.
 */
import { createBridgeHost } from '../../../sandbox/ui-host';
import { bylineSigner } from '../../../src/auth/byline-signature';
import { BYLINE_PROPERTY_KEY } from '../../../src/shared/byline';
import { type BylineResults } from '../../../src/shared/contract/byline';
import { startApp, type TestApp, type WorkflowDraft } from '../../integration/support/app';
import { type Screen } from '../support/screen';
import { announcedTitles, button, bylineAnnouncements, openDialog, quickReview, RELEASE_PROCESS, submittedByAlice, user } from './dialog';

const PROPERTIES = `/wiki/api/v2/pages/${RELEASE_PROCESS}/properties`;

/** The dialog's successful writes of the byline property, as Confluence received them. */
function bylineWrites(screen: Screen): { method: string; value: unknown }[] {
  return screen.productRequests
    .filter((request) => request.path.startsWith(PROPERTIES) && (request.method === 'PUT' || request.method === 'POST') && request.status === 200)
    .map((request) => ({ method: request.method, body: JSON.parse(request.body ?? '{}') as { key: string; value: unknown } }))
    .filter(({ body }) => body.key === BYLINE_PROPERTY_KEY)
    .map(({ method, body }) => ({ method, value: body.value }));
}

function answerOf(screen: Screen, functionKey: string): BylineResults['approve'] {
  const call = screen.invocations.find((invocation) => invocation.functionKey === functionKey && invocation.outcome === 'ok');
  if (call === undefined) throw new Error(`no successful ${functionKey} call`);
  return call.result as BylineResults['approve'];
}

/** The effects queue refuses the next push: only the dialog can change the byline property now. */
function withoutEffects(app: TestApp): void {
  jest.spyOn(console, 'error').mockImplementation(() => undefined);
  app.sandbox.faults.failNext('queue', 1);
}

/** One step decided by Dana, who may only view Engineering pages. */
function danaReviews(): WorkflowDraft {
  return { name: 'Legal look', steps: [{ id: 'legal', name: 'Legal', approvers: [user('u-dana')], rule: { kind: 'any' } }] };
}

describe('the byline lozenge after an action in the dialog', () => {
  let app: TestApp;
  beforeEach(async () => {
    app = await startApp();
  });
  afterEach(() => {
    jest.restoreAllMocks();
    app.close();
  });

  it('reads Approved at once after Approve, before any effect has run, and Confluence is told to redraw it', async () => {
    await app.createWorkflow(quickReview(), 'default');
    await submittedByAlice(app);
    await app.drain();
    expect(app.bylineProperty(RELEASE_PROCESS)?.title).toBe('In approval · step 1 of 1');
    const screen = await openDialog(app, 'u-bob');
    withoutEffects(app);

    await screen.click('Approve');

    const { byline } = answerOf(screen, 'approve');
    expect(byline.title).toBe('Approved v4');
    // The property Confluence draws from holds the resolver's value verbatim, revision included.
    expect(app.site().propertyOf(RELEASE_PROCESS, BYLINE_PROPERTY_KEY)).toEqual(byline);
    expect(bylineWrites(screen).map((write) => write.value)).toEqual([byline]);
    // The useContentProperty setter's event, under the manifest's contentPropertyKey.
    expect(bylineAnnouncements(screen)).toEqual([byline]);
    expect(screen.emitted).toEqual([{ event: 'FORGE_CONTENT_PROPERTY_UPDATED', payload: { propertyKey: BYLINE_PROPERTY_KEY, valueUpdate: byline }, isPublic: false }]);
    expect(screen.refreshed).toBe(false);
    expect(screen.failures).toEqual([]);
  });

  it('announces each action of one dialog in turn: submit, then withdraw', async () => {
    await app.createWorkflow(quickReview(), 'default');
    const screen = await openDialog(app, 'u-alice');

    await screen.click('Submit');
    expect(announcedTitles(screen)).toEqual(['In approval · step 1 of 1']);
    await screen.click('Withdraw');
    await screen.click(button(screen, 'Withdraw'));

    expect(announcedTitles(screen)).toEqual(['In approval · step 1 of 1', 'Draft']);
    const [submitted, withdrawn] = bylineAnnouncements(screen) as { revision: number }[];
    expect(withdrawn.revision).toBeGreaterThan(submitted.revision);
    await app.drain();
    // The effects consumer's write of the same page state changes nothing.
    expect(app.site().propertyOf(RELEASE_PROCESS, BYLINE_PROPERTY_KEY)).toEqual(bylineAnnouncements(screen)[1]);
  });

  it('never brings back an older status: a stored later page state stays and is what the byline shows', async () => {
    await app.createWorkflow(quickReview(), 'default');
    await submittedByAlice(app);
    await app.drain();
    // The app's own value for a later page state (a writer ahead of this dialog): signed, as only the app can.
    const later = (await bylineSigner()).sign(RELEASE_PROCESS, { title: 'Outdated (approved v4, current v5)', icon: 'data:image/svg+xml,%3Csvg%2F%3E', tooltip: 'A later change' }, 1000);
    const found = await app.site().handle({ method: 'GET', path: `${PROPERTIES}?key=${BYLINE_PROPERTY_KEY}`, headers: {}, actor: { kind: 'user', accountId: 'u-alice' } });
    const [stored] = (JSON.parse(found.body) as { results: { id: string; version: { number: number } }[] }).results;
    const put = await app.site().handle({
      method: 'PUT',
      path: `${PROPERTIES}/${stored.id}`,
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ key: BYLINE_PROPERTY_KEY, value: later, version: { number: stored.version.number + 1 } }),
      actor: { kind: 'user', accountId: 'u-alice' },
    });
    expect(put.status).toBe(200);
    const screen = await openDialog(app, 'u-bob');
    withoutEffects(app);

    await screen.click('Approve');

    expect(bylineWrites(screen)).toEqual([]);
    expect(app.site().propertyOf(RELEASE_PROCESS, BYLINE_PROPERTY_KEY)).toEqual(later);
    expect(bylineAnnouncements(screen)).toEqual([later]);
  });

  it('leaves the byline to the effects consumer when the approver may only view the page', async () => {
    await app.createWorkflow(danaReviews(), 'default');
    await submittedByAlice(app);
    await app.drain();
    const screen = await openDialog(app, 'u-dana');

    await screen.click('Approve');

    // Confluence refuses property writes to someone who cannot edit the page: nothing to announce.
    expect(screen.flags).toEqual([expect.objectContaining({ title: 'Page approved' })]);
    expect(screen.productRequests.filter((request) => request.path.startsWith(PROPERTIES) && request.method !== 'GET').map((request) => request.status)).toEqual([403]);
    expect(bylineAnnouncements(screen)).toEqual([]);
    expect(screen.failures).toEqual([]);
    await app.drain();
    expect(app.bylineProperty(RELEASE_PROCESS)?.title).toBe('Approved v4');
  });
});

describe('view.refresh() in a byline item', () => {
  const backend = { invoke: () => Promise.resolve(null), requestConfluence: () => Promise.resolve({ status: 404, headers: {}, body: '' }) };

  it('is refused as the bridge reports for a view that is not refreshable, and redraws nothing', async () => {
    const onRefresh = jest.fn();
    const host = createBridgeHost({
      moduleKey: 'approval-byline',
      accountId: 'u-alice',
      extensionContext: { type: 'confluence:contentBylineItem', content: { id: RELEASE_PROCESS, type: 'page' }, space: { id: '1001', key: 'ENG' } },
      backend,
      hooks: { onRefresh },
    });

    expect(await host.callBridge('refresh')).toBe(false);
    expect(host.refreshes).toBe(1);
    expect(onRefresh).not.toHaveBeenCalled();
  });
});
