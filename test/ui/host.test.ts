import { join } from 'node:path';
import { kvs } from '@forge/kvs';
import { type Sandbox, createSandbox } from '../../sandbox';
import { type BridgeBackend, createBridgeHost } from '../../sandbox/ui-host';
import { renderModule } from './support/render';

const FIXTURE_ROOT = join(__dirname, 'fixtures', 'app-ui');
/** "Release Process" in the seeded Engineering space; Alice and Bob may edit it. */
const RELEASE_PROCESS = { content: { id: '10020', type: 'page' }, space: { id: '1001', key: 'ENG' } };

describe('the UI Kit host, with the fixture app', () => {
  let sandbox: Sandbox;

  beforeEach(async () => {
    sandbox = await createSandbox({ appRoot: FIXTURE_ROOT });
  });
  afterEach(() => sandbox.close());

  const render = (accountId = 'u-alice') =>
    renderModule({ entry: 'src/frontend/panel.tsx', appRoot: FIXTURE_ROOT, moduleKey: 'fixture-byline', accountId, context: RELEASE_PROCESS, sandbox });

  it('gives view.getContext() the context the resolver gets', async () => {
    const screen = await render();

    expect(screen.getByText('Resolver sees u-alice').type).toBe('Text');
    expect(screen.getByText('Page 10020').type).toBe('Text');
    const context = screen.context();
    expect(context).toMatchObject({
      accountId: 'u-alice',
      moduleKey: 'fixture-byline',
      locale: 'en-US',
      timezone: 'Europe/Berlin',
      extension: { type: 'confluence:contentBylineItem', content: { id: '10020', type: 'page' }, space: { id: '1001', key: 'ENG' } },
    });
    const whoami = screen.invocations.find((call) => call.functionKey === 'whoami');
    expect(whoami?.result).toEqual({
      accountId: 'u-alice',
      localId: context.localId,
      cloudId: context.cloudId,
      moduleKey: 'fixture-byline',
      siteUrl: context.siteUrl,
      extension: context.extension,
    });
  });

  it('re-renders after a click', async () => {
    const screen = await render();

    await screen.click(screen.getByText('Clicked 0 times'));
    await screen.click('Clicked 1 times');

    expect(screen.getByText('Clicked 2 times').type).toBe('Button');
  });

  it('submits a useForm form: typed and selected values reach the resolver, then a flag shows', async () => {
    const screen = await render();

    await screen.type(screen.getByLabel('Note'), 'Ship it');
    await screen.select(screen.getByLabel('Priority'), 'High');
    await screen.click('Save note');

    expect(screen.getByText('Saved "Ship it" (high) by u-alice').type).toBe('Text');
    expect(screen.invocations.filter((call) => call.functionKey === 'saveNote').map((call) => call.payload)).toEqual([{ note: 'Ship it', priority: 'high' }]);
    expect(await kvs.get('note:10020')).toEqual({ note: 'Ship it', priority: 'high', by: 'u-alice' });
    expect(screen.flags).toEqual([expect.objectContaining({ id: 'note-saved', title: 'Note saved', type: 'success', open: true })]);
  });

  it('validates before submitting: an empty required field never reaches the resolver', async () => {
    const screen = await render();

    await screen.submitForm(screen.getByLabel('Note'));

    expect(screen.getByText('A note is required').type).toBe('ErrorMessage');
    expect(screen.getByLabel('Note').props.isInvalid).toBe(true);
    expect(screen.invocations.map((call) => call.functionKey)).toEqual(['whoami']);
    expect(screen.flags).toEqual([]);
  });

  it('rejects invoke with the resolver failure, as @forge/bridge surfaces it', async () => {
    const screen = await render();

    await screen.click('Explode');

    expect(screen.getByText(/^Failed: /).type).toBe('Text');
    expect(screen.textContent(screen.getByText(/^Failed: /))).toBe('Failed: There was an error invoking the function - The fixture resolver refuses');
  });

  // view.refresh() is refused in a byline item (byline-lozenge.test.ts), which this fixture is.
  it('records close, navigation and emitted events, and delivers events to listeners', async () => {
    const screen = await render();

    await screen.click('Tell the others');
    await screen.click('Open the page');
    await screen.deliver('fixture:announce', 'release at noon');
    expect(screen.closed).toBe(false);
    await screen.click('Done');

    expect(screen.emitted).toEqual([{ event: 'fixture:saved', payload: { contentId: '10020' }, isPublic: false }]);
    expect(screen.navigations).toEqual([{ kind: 'same-tab', location: { target: 'contentView', contentId: '10020' } }]);
    expect(screen.getByText('Announced: release at noon').type).toBe('Text');
    expect(screen.closed).toBe(true);
  });

  it('waits for what happens later, and says why it gave up', async () => {
    const screen = await render();

    setTimeout(() => void screen.deliver('fixture:announce', 'late news'), 50);
    await screen.waitFor(() => screen.getByText('Announced: late news'));

    await expect(screen.waitFor(() => screen.getByText('Announced: never'), 100)).rejects.toThrow(/gave up after 100 ms: No node with text "Announced: never"/);
  });

  it('fails loudly when the app uses a bridge command the host does not support', async () => {
    const screen = await render();

    await expect(screen.click('Open a modal')).rejects.toThrow("the bridge command 'openModal' is not supported");
    // The app itself only saw @forge/bridge's generic refusal.
    expect(screen.getByText('No modal').type).toBe('Text');
  });

  it('keeps two users’ views of the same module apart', async () => {
    const alice = await render('u-alice');
    const bob = await render('u-bob');

    await alice.click('Clicked 0 times');
    await bob.type(bob.getByLabel('Note'), 'From Bob');
    await bob.click('Save note');

    expect(alice.getByText('Resolver sees u-alice').type).toBe('Text');
    expect(bob.getByText('Resolver sees u-bob').type).toBe('Text');
    expect(alice.getByText('Clicked 1 times').type).toBe('Button');
    expect(bob.getByText('Clicked 0 times').type).toBe('Button');
    expect(bob.getByText('Saved "From Bob" (no priority) by u-bob').type).toBe('Text');
    expect(alice.queryByText(/^Saved/)).toBeNull();
  });
});

describe('createBridgeHost', () => {
  const backend: BridgeBackend = {
    invoke: async (functionKey, payload) => ({ functionKey, payload }),
    requestConfluence: async () => ({ status: 204, headers: {}, body: '' }),
  };
  const host = () => createBridgeHost({ moduleKey: 'approval-byline', accountId: 'u-alice', extensionContext: { type: 'confluence:contentBylineItem' }, backend });

  it('rejects an unknown command with its name and records the failure', async () => {
    const subject = host();

    await expect(subject.callBridge('changeWindowTitle', 'Approvals')).rejects.toThrow("the bridge command 'changeWindowTitle' is not supported");
    expect(subject.failures.map((failure) => failure.message)).toEqual([expect.stringContaining("'changeWindowTitle'")]);
  });

  it('refuses product requests to anything but Confluence', async () => {
    const subject = host();

    await expect(subject.callBridge('fetchProduct', { product: 'jira', restPath: '/rest/api/3/myself', fetchRequestInit: {} })).rejects.toThrow('Confluence only');
  });

  it('wraps the invoke result in {body, metadata} only when @forge/bridge passed metadata', async () => {
    const subject = host();

    expect(await subject.callBridge('invoke', { functionKey: 'load', payload: { a: 1 } })).toEqual({ functionKey: 'load', payload: { a: 1 } });
    expect(await subject.callBridge('invoke', { functionKey: 'load', payload: {}, metadata: { rateLimitProperties: true } })).toEqual({
      body: { functionKey: 'load', payload: {} },
      metadata: {},
    });
  });

  it('answers getContext with a fresh copy each time', async () => {
    const subject = host();
    const first = await subject.callBridge('getContext');
    if (typeof first === 'object' && first !== null) Object.assign(first, { locale: 'fr-FR' });

    expect(await subject.callBridge('getContext')).toMatchObject({ locale: 'en-US', localId: 'approval-byline-local', extension: { type: 'confluence:contentBylineItem' } });
  });
});
