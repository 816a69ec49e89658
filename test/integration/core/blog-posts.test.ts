/**
 * Blog posts go through every path a page does: the byline (submit, decide, history, property,
 * approval comment), Outdated on edit (`avi:confluence:updated:blogpost`), the queue, the
 * manage-space tree (a "Blog posts" group beside the root pages) and analytics. Live docs are
 * refused with a clear notice: Confluence announces none of their edits.
 */
import { type AnalyticsView } from '../../../src/shared/contract/analytics';
import { type QueuePageView } from '../../../src/shared/contract/queue';
import { LIVE_DOC_NOTICE } from '../../../src/shared/content';
import { MODULES, type TestApp, ok, refused, startApp } from '../support/app';
import { settingsAs } from '../support/settings';
import { singleStep } from './fixtures';

const POST = '10070'; // "Release 4.2 is out", ENG, version 3
const LIVE_DOC = '10080'; // "Setup Troubleshooting Notes", ENG, a live doc

describe('blog posts, end to end', () => {
  let app: TestApp;
  beforeEach(async () => {
    app = await startApp();
  });
  afterEach(() => app.close());

  it('is submitted, approved and shown like a page: byline property, comments, history', async () => {
    await app.createWorkflow(singleStep(), 'default');
    const submitted = ok(await app.as('u-alice').byline('submit', POST, { comment: 'Ready for the newsletter' }));
    expect(submitted).toMatchObject({ page: { id: POST, type: 'blogpost', title: 'Release 4.2 is out', currentVersion: 3 }, status: 'inApproval', notice: null });
    const requestId = submitted.request?.id;
    const approved = ok(await app.as('u-bob').byline('approve', POST, { requestId, stepIndex: 0 }));
    expect(approved.status).toBe('approved');
    expect(approved.approvedVersion).toBe(3);
    await app.drain();

    expect(app.bylineProperty(POST)).toMatchObject({ title: 'Approved v3' });
    const comments = app.site().commentsOn(POST);
    expect(comments.length).toBeGreaterThanOrEqual(2);
    expect(comments[0]).toMatchObject({ pageId: POST, parentCommentId: null, authorId: app.sandbox.appAccountId });
    expect(comments.slice(1).every((c) => c.parentCommentId !== null)).toBe(true);

    const view = ok(await app.as('u-grace').byline('getPageApproval', POST));
    expect(view.history.entries.map((e) => e.summary)).toEqual([
      'Version 3 was approved',
      'Bob Approver approved step 1 of 1 (Review)',
      'Alice Author submitted version 3 for approval (Quick review)',
    ]);
  });

  it('becomes Outdated when someone edits the published blog post', async () => {
    await app.createWorkflow(singleStep(), 'default');
    const requestId = ok(await app.as('u-alice').byline('submit', POST)).request?.id;
    ok(await app.as('u-bob').byline('approve', POST, { requestId, stepIndex: 0 }));
    await app.drain();

    await app.sandbox.editPage(POST, 'u-alice', { body: '<p>Release 4.2 shipped, with one more fix.</p>' });
    await app.drain();
    const deliveries = app.sandbox.triggerDeliveries().filter((d) => d.pageId === POST);
    expect(deliveries).toEqual([expect.objectContaining({ eventType: 'avi:confluence:updated:blogpost', outcome: 'ok' })]);
    const view = ok(await app.as('u-grace').byline('getPageApproval', POST));
    expect(view.status).toBe('outdated');
    expect(view.page.currentVersion).toBe(4);
    expect(app.bylineProperty(POST)).toMatchObject({ title: 'Outdated (approved v3, current v4)' });
  });

  it('an edit whose event was lost is Outdated after the daily job, blog posts being asked for apart from pages', async () => {
    await app.createWorkflow(singleStep(), 'default');
    const requestId = ok(await app.as('u-alice').byline('submit', POST)).request?.id;
    ok(await app.as('u-bob').byline('approve', POST, { requestId, stepIndex: 0 }));
    await app.drain();
    app.site().addPageVersion(POST, { authorId: 'u-alice', body: '<p>Edited while events were lost.</p>' });

    expect(await app.sandbox.runScheduled('daily-maintenance-trigger')).toEqual({ statusCode: 204, ok: true });
    await app.drain();
    expect(ok(await app.as('u-grace').byline('getPageApproval', POST)).status).toBe('outdated');
    expect(app.bylineProperty(POST)).toMatchObject({ title: 'Outdated (approved v3, current v4)' });
  });

  it('is listed in the queue as a blog post, linked where Confluence keeps it', async () => {
    await app.createWorkflow(singleStep(), 'default');
    ok(await app.as('u-alice').byline('submit', POST));
    ok(await app.as('u-alice').byline('submit', '10020'));
    await app.drain();
    const queue = (await app.as('u-bob').invoke(MODULES.queue, 'listQueue', { tab: 'pending', filters: {} }, app.spaceContext('ENG'))) as QueuePageView;
    const byId = new Map(ok(queue).items.map((item) => [item.pageId, item]));
    expect(byId.get(POST)).toMatchObject({ contentType: 'blogpost', pageTitle: 'Release 4.2 is out', canDecide: true });
    expect(byId.get(POST)?.url).toMatch(/^\/wiki\/spaces\/ENG\/blog\/\d{4}\/\d{2}\/\d{2}\/10070\//);
    expect(byId.get('10020')).toMatchObject({ contentType: 'page' });

    const bulk = ok(
      await app.as('u-bob').invoke(MODULES.queue, 'bulkDecide', { decision: 'approve', items: [{ requestId: byId.get(POST)?.requestId, stepIndex: 0 }] }, app.spaceContext('ENG')),
    ) as { succeeded: number };
    expect(bulk.succeeded).toBe(1);
    await app.drain();
    expect(app.bylineProperty(POST)).toMatchObject({ title: 'Approved v3' });
  });

  it('appears in the manage-space tree under its own "Blog posts" group, where admins submit it', async () => {
    await app.createWorkflow(singleStep(), 'default');
    const frank = settingsAs(app, 'u-frank');
    const root = ok(await frank('getTreeLevel', { parent: { type: 'space' } }));
    expect(root.rows.map((row) => [row.id, row.type])).toEqual([
      ['10001', 'page'],
      ['blog', 'blog'],
    ]);
    const home = ok(await frank('getTreeLevel', { parent: { type: 'page', id: '10001' } }));
    expect(home.rows.some((row) => row.type === 'blogpost')).toBe(false);
    const blog = ok(await frank('getTreeLevel', { parent: { type: 'blog' } }));
    expect(blog.rows.map((row) => [row.id, row.type, row.status, row.hasChildren])).toEqual([
      [POST, 'blogpost', 'draft', false],
      ['10071', 'blogpost', 'draft', false],
    ]);
    const submitted = ok(await frank('submitPage', { pageId: POST }));
    expect(submitted).toMatchObject({ id: POST, type: 'blogpost', status: 'inApproval' });
    // A blog post of another space is refused like any page from elsewhere.
    expect(refused(await frank('submitPage', { pageId: '20040' })).code).toBe('NOT_FOUND');
  });

  it('counts in analytics like a page', async () => {
    await app.createWorkflow(singleStep(), 'default');
    const requestId = ok(await app.as('u-alice').byline('submit', POST)).request?.id;
    ok(await app.as('u-bob').byline('approve', POST, { requestId, stepIndex: 0 }));
    await app.drain();
    const today = new Date().toISOString().slice(0, 10);
    const view = ok((await app.as('u-grace').invoke(MODULES.analytics, 'getAnalytics', { from: today, to: today })) as AnalyticsView);
    expect(view.kpis).toMatchObject({ submitted: 1, approved: 1 });
  });

  it('says on a live doc that it cannot be submitted, offers nothing, and refuses a submission', async () => {
    await app.createWorkflow(singleStep(), 'default');
    const before = app.appState();
    const view = ok(await app.as('u-alice').byline('getPageApproval', LIVE_DOC));
    expect(view.notice).toBe(LIVE_DOC_NOTICE);
    expect(Object.values(view.actions).every((allowed) => !allowed)).toBe(true);
    expect(view.workflows).toEqual([]);
    const refusal = refused(await app.as('u-alice').byline('submit', LIVE_DOC));
    expect(refusal).toMatchObject({ code: 'PRECONDITION', message: LIVE_DOC_NOTICE });
    expect(app.appState()).toEqual(before);
  });

  it('refuses a content type the byline does not know instead of guessing', async () => {
    const context = { content: { id: POST, type: 'whiteboard' }, space: { id: '1001', key: 'ENG' } };
    const result = await app.as('u-alice').invoke(MODULES.byline, 'getPageApproval', {}, context);
    expect(refused(result).code).toBe('VALIDATION');
  });
});
