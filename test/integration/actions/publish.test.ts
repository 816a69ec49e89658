/**
 * Publish page against the strict sandbox, called as the runner calls it with a run built from a
 * real approved request: the copy appears in the target space (with descendants and labels when
 * asked), a re-approval updates it instead of making another, a space variable is read when the
 * action runs, a missing target is an outcome a space admin can act on, a duplicate run or a run
 * resumed after a crash makes no second copy, a 429 is thrown for the runner, and the copy says
 * where it came from (property, footer, byline, dialog).
 */
import { kvs } from '@forge/kvs';
import { type ActionRun } from '../../../src/actions/action-run';
import { publishPage } from '../../../src/actions/execute/publish';
import { ConfluenceBusyError } from '../../../src/confluence/http';
import { PUBLISHED_FROM_PROPERTY_KEY } from '../../../src/shared/published-copy';
import { ENTITY } from '../../../src/storage/entities';
import { ok, refused, SPACES, startApp, type TestApp } from '../support/app';
import { actionRunFor, workflowAction } from '../support/action-run';
import { decideOnPage, submitPage } from '../support/effects-journey';

const PAGE = '10020'; // Release Process (ENG), children Release Checklist and Hotfix Procedure, label "process"
const HANDBOOK = '30010'; // Engineering Handbook, in PUB

let app: TestApp;

beforeEach(async () => {
  app = await startApp();
  await app.createWorkflow(
    { name: 'Release review', steps: [{ id: 'review', name: 'Review', approvers: [{ type: 'user', accountId: 'u-bob' }], rule: { kind: 'any' } }] },
    'default',
  );
});

afterEach(() => {
  jest.restoreAllMocks();
  app.close();
});

type ForgeFetch = (target: unknown, path: string, init?: RequestInit) => Promise<Response>;

/**
 * The bodies of the copy requests the app sends, watched on the SDK's transport (every call goes
 * through): attachments are not modelled in the emulator, so the request is what shows them asked for.
 */
function watchCopyRequests(): () => Record<string, unknown>[] {
  const transport = globalThis as unknown as { __forge_fetch__: ForgeFetch };
  const spy = jest.spyOn(transport, '__forge_fetch__');
  return () =>
    spy.mock.calls.filter(([, path]) => /\/(pagehierarchy\/)?copy$/.test(path.split('?')[0])).map(([, , init]) => JSON.parse(String(init?.body)) as Record<string, unknown>);
}

const publish = (input: Record<string, unknown>) => workflowAction({ type: 'publish', ...input });

const toHandbook = { target: { type: 'space', spaceKey: 'PUB', parentPageId: HANDBOOK } };

/** The page submitted by Alice and approved by Bob, and the run of entering Approved. */
async function approvedRun(): Promise<ActionRun> {
  const submitted = await submitPage(app, PAGE, 'u-alice');
  await decideOnPage(app, PAGE, 'u-bob', 'approve');
  await app.drain();
  return actionRunFor(app, submitted.id, 'approved', 'u-alice');
}

/** Pages of a space with this title (Confluence allows one current page per title). */
const contents = () => Object.keys(app.site().snapshot().contents).flatMap((id) => app.site().page(id) ?? []);
const titled = (spaceId: string, title: string) => contents().filter((c) => c.spaceId === spaceId && c.status === 'current' && c.title === title);

function copyIn(spaceId: string, title = 'Release Process') {
  const found = titled(spaceId, title);
  expect(found).toHaveLength(1);
  return found[0];
}

const childTitles = (pageId: string) => app.site().childrenOf(pageId).map((child) => child.title).sort();

describe('publish page', () => {
  it('copies the approved page under the target parent, without descendants or labels unless asked', async () => {
    const run = await approvedRun();
    const copyRequests = watchCopyRequests();

    expect(await publishPage(run, publish(toHandbook))).toEqual({ ok: true, message: 'published to PUB as "Release Process"' });
    expect(copyRequests()).toEqual([expect.objectContaining({ destination: { type: 'parent_page', value: HANDBOOK }, copyAttachments: false, copyLabels: false, copyPermissions: false })]);

    const copy = copyIn(SPACES.PUB.id);
    expect(copy.parentId).toBe(HANDBOOK);
    expect(childTitles(copy.id)).toEqual([]);
    expect(app.site().labelsOf(copy.id)).toEqual([]);
    expect(copy.authorId).toBe(app.sandbox.appAccountId);
  });

  it('copies descendants, attachments and labels when asked, in one long task', async () => {
    const run = await approvedRun();
    const copyRequests = watchCopyRequests();

    const outcome = await publishPage(run, publish({ ...toHandbook, includeDescendants: true, includeLabels: true, includeAttachments: true }));

    expect(outcome).toEqual({ ok: true, message: 'published to PUB as "Release Process"' });
    const copy = copyIn(SPACES.PUB.id);
    expect(childTitles(copy.id)).toEqual(['Hotfix Procedure', 'Release Checklist']);
    expect(app.site().labelsOf(copy.id)).toEqual(['process']);
    const calls = app.sandbox.ops.entries({ kind: 'confluence' }).map((op) => `${op.method} ${op.path.split('?')[0]}`);
    expect(calls.filter((call) => call.includes('/pagehierarchy/copy'))).toHaveLength(1);
    expect(copyRequests()[0]).toEqual(expect.objectContaining({ destinationPageId: HANDBOOK, copyDescendants: true, copyAttachments: true, copyLabels: true, copyPermissions: false }));
  });

  it('says where the copy came from: a property, a footer line and a byline of its own', async () => {
    const run = await approvedRun();
    await publishPage(run, publish(toHandbook));
    const copy = copyIn(SPACES.PUB.id);

    expect(app.site().propertyOf(copy.id, PUBLISHED_FROM_PROPERTY_KEY)).toEqual({
      sourcePageId: PAGE,
      sourceSpaceKey: 'ENG',
      sourceTitle: 'Release Process',
      approvedVersion: 4,
      requestId: run.requestId,
      revision: run.revision,
      approvedAt: run.request.decidedAt,
    });
    const { body } = copy;
    expect(body).toContain('The release manager rotates weekly');
    expect(body).toMatch(/Published from <ac:link><ri:page ri:space-key="ENG" ri:content-title="Release Process" \/><\/ac:link> \(ENG\) — approved version 4 on \d{1,2} \w+ \d{4}\./);
    expect(app.bylineProperty(copy.id)).toMatchObject({ title: 'Published copy of Release Process v4' });
    expect(app.bylineProperty(copy.id)?.tooltip).toMatch(/^Copy of Release Process \(ENG\), version 4 approved on /);
  });

  it('shows a copy in its dialog as a copy of its source, with nothing to submit, and keeps its byline', async () => {
    const run = await approvedRun();
    await publishPage(run, publish(toHandbook));
    const copy = copyIn(SPACES.PUB.id);
    const shown = app.bylineProperty(copy.id);

    const view = ok(await app.as('u-frank').byline('getPageApproval', copy.id));

    expect(view.publishedFrom).toMatchObject({ sourcePageId: PAGE, sourceTitle: 'Release Process', sourceSpaceKey: 'ENG', approvedVersion: 4 });
    expect(view.byline).toMatchObject({ title: 'Published copy of Release Process v4' });
    expect(Object.values(view.actions).some(Boolean)).toBe(false);
    await app.drain();
    expect(app.bylineProperty(copy.id)).toEqual(shown);
  });

  it("copies the approved version's body, not an edit made since, under the page's title now", async () => {
    const run = await approvedRun();
    // Before the action runs, Alice edits the page (it is Outdated now) and the title action renames it.
    app.site().editPage(PAGE, 'u-alice', { body: '<p>Not approved yet.</p>' });
    app.site().addPageVersion(PAGE, { authorId: app.sandbox.appAccountId, title: 'Release Process (approved)' });

    expect(await publishPage(run, publish(toHandbook))).toEqual({ ok: true, message: 'published to PUB as "Release Process (approved)"' });
    const { body } = copyIn(SPACES.PUB.id, 'Release Process (approved)');
    expect(body).toContain('The release manager rotates weekly and follows the Release Checklist.');
    expect(body).not.toContain('Not approved yet.');
  });

  it('updates the same copy on re-approval, and copies descendants it did not have yet', async () => {
    const first = await approvedRun();
    await publishPage(first, publish({ ...toHandbook, includeDescendants: true }));
    const copy = copyIn(SPACES.PUB.id);
    app.site().editPage(PAGE, 'u-alice', { body: '<p>Releases ship every Tuesday.</p>' });
    app.site().addPage({ id: '10025', spaceId: SPACES.ENG.id, parentId: PAGE, title: 'Release Calendar', authorId: 'u-alice', body: '<p>Dates.</p>' });

    const second = await approvedRun();
    const outcome = await publishPage(second, publish({ ...toHandbook, includeDescendants: true }));

    expect(outcome).toEqual({ ok: true, message: 'updated the copy "Release Process" in PUB with 3 descendant pages' });
    expect(copyIn(SPACES.PUB.id).id).toBe(copy.id);
    expect(app.site().page(copy.id)?.body).toContain('Releases ship every Tuesday.');
    expect(childTitles(copy.id)).toEqual(['Hotfix Procedure', 'Release Calendar', 'Release Checklist']);
    expect(titled(SPACES.PUB.id, 'Release Checklist')).toHaveLength(1);
    expect(app.site().propertyOf(copy.id, PUBLISHED_FROM_PROPERTY_KEY)).toMatchObject({ approvedVersion: 5, requestId: second.requestId });
    expect(app.bylineProperty(copy.id)?.title).toBe('Published copy of Release Process v5');

    // The copy's new versions reach the page-updated trigger: they neither track the copy nor outdate the source.
    await app.drain();
    const tracked = (app.sandbox.storage.snapshot().entities[ENTITY.pageState] ?? []).map(([key]) => key);
    expect(tracked).not.toContain(copy.id);
    expect(app.bylineProperty(PAGE)?.title).toBe('Approved v5');
  });

  it('keeps a copy per approved version when copies are not updated', async () => {
    const first = await approvedRun();
    await publishPage(first, publish({ ...toHandbook, updateExisting: false }));
    app.site().editPage(PAGE, 'u-alice', { body: '<p>Releases ship every Tuesday.</p>' });
    const second = await approvedRun();

    expect(await publishPage(second, publish({ ...toHandbook, updateExisting: false }))).toEqual({ ok: true, message: 'published to PUB as "Release Process (v5)"' });
    expect(childTitles(HANDBOOK)).toEqual(['Release Process (v4)', 'Release Process (v5)']);
  });

  it('reads a space variable when it runs: the second run goes where the variable points then', async () => {
    const run = await approvedRun();
    const action = publish({ target: { type: 'variable', name: 'publishTarget' } });

    const toPub = await publishPage({ ...run, spaceVariables: [{ name: 'publishTarget', spaceKey: 'PUB', parentPageId: HANDBOOK }] }, action);
    const toHr = await publishPage({ ...run, spaceVariables: [{ name: 'publishTarget', spaceKey: 'HR' }] }, action);

    expect([toPub, toHr]).toEqual([
      { ok: true, message: 'published to PUB as "Release Process"' },
      { ok: true, message: 'published to HR as "Release Process"' },
    ]);
    expect(copyIn(SPACES.PUB.id).parentId).toBe(HANDBOOK);
    expect(copyIn(SPACES.HR.id).parentId).toBeNull();
  });

  it('answers what a space admin must fix when the variable, the space or the parent is missing, and copies nothing', async () => {
    const run = await approvedRun();
    const before = contents().length;

    expect(await publishPage(run, publish({ target: { type: 'variable', name: 'publishTarget' } }))).toEqual({
      ok: false,
      message: "the space variable publishTarget is not set in this space's settings",
    });
    expect(await publishPage(run, publish({ target: { type: 'space', spaceKey: 'GONE' } }))).toEqual({ ok: false, message: 'the target space GONE no longer exists' });
    expect(await publishPage(run, publish({ target: { type: 'space', spaceKey: 'PUB', parentPageId: '99999' } }))).toEqual({
      ok: false,
      message: 'the parent page 99999 in PUB no longer exists, or its view restrictions leave ApprovalFlow out',
    });
    expect(await publishPage(run, publish({ target: { type: 'space', spaceKey: 'PUB', parentPageId: '10001' } }))).toEqual({
      ok: false,
      message: 'the parent page 10001 is no longer in space PUB: it was moved; choose a parent page in PUB',
    });
    expect(contents()).toHaveLength(before);
  });

  it("refuses to take over someone else's page of the same title in the target space", async () => {
    app.site().addPage({ id: '30040', spaceId: SPACES.PUB.id, parentId: '30001', title: 'Release Process', authorId: 'u-frank', body: '<p>Ours.</p>' });
    const run = await approvedRun();

    expect(await publishPage(run, publish(toHandbook))).toEqual({
      ok: false,
      message: 'PUB already has a page titled "Release Process" that is not a copy of this page: rename or move that page, or publish to another space or parent',
    });
    expect(app.site().page('30040')?.version).toBe(1);
  });

  it('reports a page tree Confluence would not copy, and leaves no claim on the title behind', async () => {
    app.site().addPage({ id: '30042', spaceId: SPACES.PUB.id, parentId: '30020', title: 'Hotfix Procedure', authorId: 'u-frank', body: '<p>Ours.</p>' });
    const run = await approvedRun();

    expect(await publishPage(run, publish({ ...toHandbook, includeDescendants: true }))).toEqual({
      ok: false,
      message: 'Confluence did not copy the page tree into PUB: A page with this title already exists in the destination space: Hotfix Procedure',
    });
    expect(titled(SPACES.PUB.id, 'Release Process')).toEqual([]);
    // Someone else then writes a page of that title: the next run must not take it for the app's copy.
    app.site().addPage({ id: '30043', spaceId: SPACES.PUB.id, parentId: HANDBOOK, title: 'Release Process', authorId: 'u-frank', body: '<p>Ours too.</p>' });
    expect(await publishPage(run, publish(toHandbook))).toMatchObject({ ok: false, message: expect.stringContaining('is not a copy of this page') });
    expect(app.site().page('30043')?.version).toBe(1);
  });

  it('says what to fix when an edit restriction keeps the app off its earlier copy, and changes nothing', async () => {
    const first = await approvedRun();
    await publishPage(first, publish(toHandbook));
    const copy = copyIn(SPACES.PUB.id);
    app.site().setRestriction(copy.id, 'update', { users: ['u-frank'] });
    const second = { ...first, revision: first.revision + 1 };

    expect(await publishPage(second, publish(toHandbook))).toEqual({
      ok: false,
      message: "ApprovalFlow may not add or edit the copy in the target space: check that space's permissions and the restrictions on the parent page and on the earlier copy",
    });
    expect(app.site().page(copy.id)?.version).toBe(copy.version);
    expect(titled(SPACES.PUB.id, 'Release Process')).toHaveLength(1);
  });

  it('does nothing more on a duplicate delivery of the same run', async () => {
    const run = await approvedRun();
    await publishPage(run, publish({ ...toHandbook, includeDescendants: true }));
    const copy = copyIn(SPACES.PUB.id);
    const before = contents();

    expect(await publishPage(run, publish({ ...toHandbook, includeDescendants: true }))).toEqual({ ok: true, message: 'already published to PUB as "Release Process"' });
    expect(contents()).toEqual(before);
    expect(copyIn(SPACES.PUB.id).id).toBe(copy.id);
  });

  it('finds its copy again after a crash between the copy and its record', async () => {
    const run = await approvedRun();
    // The crash left the copy in Confluence, storage still saying a copy was being made, and no property yet.
    await kvs.set(`published-copy:${PAGE}:${SPACES.PUB.id}`, { copies: {}, creating: true });
    app.site().addPage({ id: '30041', spaceId: SPACES.PUB.id, parentId: HANDBOOK, title: 'Release Process', authorId: app.sandbox.appAccountId, body: '<p>Half done.</p>' });

    expect(await publishPage(run, publish(toHandbook))).toEqual({ ok: true, message: 'updated the copy "Release Process" in PUB' });
    expect(copyIn(SPACES.PUB.id).id).toBe('30041');
    expect(app.site().propertyOf('30041', PUBLISHED_FROM_PROPERTY_KEY)).toMatchObject({ requestId: run.requestId });
  });

  it('throws a 429 for the runner to retry, and the retry publishes once', async () => {
    const run = await approvedRun();
    app.sandbox.faults.failNext('confluence', 1, { status: 429, retryAfterSeconds: 20 });

    await expect(publishPage(run, publish(toHandbook))).rejects.toBeInstanceOf(ConfluenceBusyError);
    expect(await publishPage(run, publish(toHandbook))).toEqual({ ok: true, message: 'published to PUB as "Release Process"' });
    copyIn(SPACES.PUB.id);
  });

  it('refuses a blog post: Confluence copies pages only', async () => {
    const run = await approvedRun();
    expect(await publishPage({ ...run, contentType: 'blogpost' }, publish(toHandbook))).toEqual({
      ok: false,
      message: 'Confluence copies pages only, so a blog post cannot be published to another space',
    });
  });
});

describe('a published copy', () => {
  it('cannot be submitted itself: the submission is refused with the source named, and nothing changes', async () => {
    const run = await approvedRun();
    await publishPage(run, publish(toHandbook));
    const copy = copyIn(SPACES.PUB.id);
    const before = app.appState();

    const error = refused(await app.as('u-frank').byline('submit', copy.id));

    expect(error).toEqual({ code: 'PRECONDITION', message: 'This page is a published copy of Release Process (ENG): submit the source page instead.' });
    expect(app.appState()).toEqual(before);
  });
});
