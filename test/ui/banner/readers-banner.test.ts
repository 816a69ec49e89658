/**
 * The readers' banner on a page view: what it says in each approval state, read from the byline
 * property the effects write, with no app function invoked and one Confluence read.
 */
import { getVersionedAssignments, saveSpaceAssignments } from '../../../src/storage/assignments';
import { type TestApp, startApp } from '../../integration/support/app';
import { decideOnPage, submitPage } from '../../integration/support/effects-journey';
import { type Screen, renderModule } from '../support/render';

const PAGE = '10020'; // Release Process, ENG, v4: Alice edits, Grace only views
const POST = '10070'; // Release 4.2 is out, ENG blog post, v3

let app: TestApp;

beforeEach(async () => {
  app = await startApp();
  await app.createWorkflow({ name: 'Quick review', steps: [{ id: 'review', name: 'Review', approvers: [{ type: 'user', accountId: 'u-bob' }], rule: { kind: 'any' } }] }, 'default');
});

afterEach(() => app.close());

function viewAs(accountId: string, pageId = PAGE): Promise<Screen> {
  return renderModule({ entry: 'src/frontend/banner.tsx', moduleKey: 'readers-banner', accountId, context: app.pageContext(pageId), sandbox: app.sandbox, locale: 'en-GB' });
}

/** What a reader sees, after the banner's one read; asserts the page view's cost as it goes. */
async function bannerText(accountId = 'u-grace', pageId = PAGE): Promise<string> {
  const screen = await viewAs(accountId, pageId);
  await screen.waitFor(() => screen.productRequests.length === 1);
  await screen.settle();
  expect(screen.invocations).toHaveLength(0);
  expect(screen.productRequests).toHaveLength(1);
  return screen.textContent();
}

async function approvedThenEdited(pageId = PAGE): Promise<void> {
  await submitPage(app, pageId, 'u-alice');
  await decideOnPage(app, pageId, 'u-bob', 'approve');
  await app.drain();
  await app.sandbox.editPage(pageId, 'u-alice', { body: '<p>A rollback section nobody approved.</p>' });
  await app.drain();
}

const DAY = /\d{1,2} [A-Z][a-z]{2} \d{4}/.source;

describe('the readers banner', () => {
  it('shows nothing on a page no workflow touched, and reads the property once', async () => {
    expect(await bannerText()).toBe('');
  });

  it('says since when a review runs while the first version is in review', async () => {
    await submitPage(app, PAGE, 'u-alice');
    await app.drain();
    expect(await bannerText()).toMatch(new RegExp(`^In review since ${DAY}: this version \\(v4\\) is not approved yet\\.$`));
  });

  it('shows nothing on an approved page', async () => {
    await submitPage(app, PAGE, 'u-alice');
    await decideOnPage(app, PAGE, 'u-bob', 'approve');
    await app.drain();
    expect(await bannerText()).toBe('');
  });

  it('links an edited page to its approved version', async () => {
    await approvedThenEdited();
    const screen = await viewAs('u-grace');
    await screen.waitFor(() => screen.queryByText(/not approved yet/) !== null);
    expect(screen.textContent()).toMatch(new RegExp(`^This version \\(v5\\) is not approved yet\\. Approved version: v4 by Bob Approver on ${DAY} — view it$`));
    expect(screen.getByType('Link').props.href).toBe(`/wiki/pages/viewpage.action?pageId=${PAGE}&pageVersion=4`);
    expect(screen.getByType('SectionMessage').props.appearance).toBe('warning');
    expect(screen.invocations).toHaveLength(0);
  });

  it('can be dismissed for the page view', async () => {
    await approvedThenEdited();
    const screen = await viewAs('u-grace');
    await screen.waitFor(() => screen.queryAllByType('SectionMessage').length === 1);
    // The message's actions arrive as React elements in its `actions` prop (the reconciler leaves props alone).
    const [dismiss] = screen.getByType('SectionMessage').props.actions as { type: unknown; props: { children: unknown; onClick(): unknown } }[];
    expect([dismiss.type, dismiss.props.children]).toEqual(['SectionMessageAction', 'Dismiss']);
    await dismiss.props.onClick();
    await screen.waitFor(() => screen.closed);
    expect(screen.closed).toBe(true);
    expect(screen.invocations).toHaveLength(0);
  });

  it('names both the review and the approved version when an edited page is resubmitted', async () => {
    await approvedThenEdited();
    await submitPage(app, PAGE, 'u-alice');
    await app.drain();
    expect(await bannerText()).toMatch(new RegExp(`^In review since ${DAY}: this version \\(v5\\) is not approved yet\\. Approved version: v4 by Bob Approver on ${DAY} — view it$`));
  });

  it('reads a blog post from its own properties', async () => {
    await approvedThenEdited(POST);
    const screen = await viewAs('u-grace', POST);
    await screen.waitFor(() => screen.queryByText(/not approved yet/) !== null);
    expect(screen.productRequests.map((request) => request.path)).toEqual([expect.stringMatching(new RegExp(`^/wiki/api/v2/blogposts/${POST}/properties\\?key=`))]);
    expect(screen.textContent()).toMatch(/^This version \(v4\) is not approved yet\. Approved version: v3 by Bob Approver/);
  });

  it('shows nothing in a space that turned the banner off, from the next write on', async () => {
    const { assignments, revision } = await getVersionedAssignments('1001');
    expect(await saveSpaceAssignments('1001', { ...assignments, readersBanner: false }, revision, new Date().toISOString(), [])).toBe(true);
    await approvedThenEdited();
    expect(await bannerText()).toBe('');
  });
});
