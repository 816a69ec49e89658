import { kvs } from '@forge/kvs';
import { ENTITY, type PageStateRow } from '../../../src/storage/entities';
import { advanceCalendar, ok, startApp, type TestApp } from '../support/app';
import { ENG_PAGE, singleStep } from './fixtures';

const HOTFIX_PAGE = '10022'; // Hotfix Procedure, v1, in ENG

describe('page edits: retried events, lost events and the daily version check', () => {
  let app: TestApp;
  beforeEach(async () => {
    app = await startApp();
  });
  afterEach(() => {
    jest.useRealTimers();
    app.close();
  });

  async function approve(pageId: string): Promise<void> {
    const requestId = ok(await app.as('u-alice').byline('submit', pageId)).request?.id;
    ok(await app.as('u-bob').byline('approve', pageId, { requestId, stepIndex: 0 }));
    await app.drain();
  }

  /** A person edits the page, and Forge never delivers the `updated:page` event. */
  function editWithoutEvent(pageId: string, authorId = 'u-alice'): void {
    app.site().addPageVersion(pageId, { authorId, body: `<p>edited by ${authorId} at ${Date.now()}</p>` });
  }

  const storedStatus = async (pageId: string) => (await kvs.entity<PageStateRow>(ENTITY.pageState).get(pageId))?.status;
  const statusOf = async (pageId: string) => ok(await app.as('u-grace').byline('getPageApproval', pageId));

  it.each([
    ['a storage 503', { status: 503 as const }],
    ['storage rate limiting (429)', { status: 429 as const }],
    ['a storage timeout', { timeout: true }],
  ])('%s while recording an edit asks Forge to deliver the event again; the retry records it', async (_, fault) => {
    await app.createWorkflow(singleStep(), 'default');
    await approve(ENG_PAGE);
    const warn = jest.spyOn(console, 'warn').mockImplementation(() => undefined);
    app.sandbox.faults.failNext('kvs', 1, fault);
    await app.sandbox.editPage(ENG_PAGE, 'u-alice', { body: '<p>edited</p>' });
    await app.drain();
    expect(warn).toHaveBeenCalledWith(expect.stringMatching(/^page 10020 v5: .*; asking for delivery again in 10 s$/));
    warn.mockRestore();
    expect(app.sandbox.triggerDeliveries().map(({ retryCount, outcome }) => [retryCount, outcome])).toEqual([
      [0, 'retry'],
      [1, 'ok'],
    ]);
    expect(await storedStatus(ENG_PAGE)).toBe('outdated');
    expect((await statusOf(ENG_PAGE)).history.entries[0].summary).toBe('Alice Author edited the page: version 5 is not approved (version 4 is)');
  });

  it('after four retries the event is dropped, and the daily job records the edit', async () => {
    await app.createWorkflow(singleStep(), 'default');
    await approve(ENG_PAGE);
    const warn = jest.spyOn(console, 'warn').mockImplementation(() => undefined);
    const error = jest.spyOn(console, 'error').mockImplementation(() => undefined);
    app.sandbox.faults.failNext('kvs', 5, { status: 500 });
    await app.sandbox.editPage(ENG_PAGE, 'u-alice', { body: '<p>edited</p>' });
    await app.drain();
    expect(app.sandbox.triggerDeliveries().map(({ outcome }) => outcome)).toEqual(['retry', 'retry', 'retry', 'retry', 'ok']);
    expect(error).toHaveBeenCalledWith('page 10020 v5: the edit was not recorded; the daily version check will catch it', expect.anything());
    warn.mockRestore();
    error.mockRestore();
    expect(await storedStatus(ENG_PAGE)).toBe('approved');

    await app.sandbox.runScheduled('daily-maintenance-trigger');
    await app.drain();
    expect(await storedStatus(ENG_PAGE)).toBe('outdated');
  });

  it('a failure no retry can cure is logged and the event dropped', async () => {
    await app.createWorkflow(singleStep(), 'default');
    await approve(ENG_PAGE);
    const record = await kvs.get<Record<string, unknown>>(`page-approval:${ENG_PAGE}`);
    await kvs.set(`page-approval:${ENG_PAGE}`, { ...record, latest: { ...(record?.latest as object), workflow: null } });
    const error = jest.spyOn(console, 'error').mockImplementation(() => undefined);
    await app.sandbox.editPage(ENG_PAGE, 'u-alice', { body: '<p>edited</p>' });
    await app.drain();
    expect(error).toHaveBeenCalledWith('page 10020 v5: the edit was not recorded; the daily version check will catch it', expect.any(TypeError));
    error.mockRestore();
    expect(app.sandbox.triggerDeliveries()).toEqual([expect.objectContaining({ retryCount: 0, outcome: 'ok' })]);
  });

  it('an edit whose event was lost is Outdated after the daily job, found with one Confluence call', async () => {
    await app.createWorkflow(singleStep(), 'default');
    await approve(ENG_PAGE);
    await approve(HOTFIX_PAGE);
    editWithoutEvent(ENG_PAGE);
    // The dialog reads the page's version itself, but what is stored (and the lozenge) missed the edit.
    expect(await storedStatus(ENG_PAGE)).toBe('approved');
    expect(app.bylineProperty(ENG_PAGE)?.title).toBe('Approved v4');

    app.sandbox.ops.reset();
    expect(await app.sandbox.runScheduled('daily-maintenance-trigger')).toEqual({ statusCode: 204, ok: true });
    await app.drain();
    // The run's steps (queue jobs) check the approved pages' versions in one listing.
    const steps = app.sandbox.ops.invocations({ kind: 'consumer' }).filter((invocation) => invocation.functionKey === 'maintenance-consumer');
    const listings = steps.flatMap((step) => app.sandbox.ops.entries({ kind: 'confluence', invocationId: step.id })).filter((op) => op.path.startsWith('/wiki/api/v2/pages?'));
    expect(listings).toHaveLength(1);

    const view = await statusOf(ENG_PAGE);
    expect(view.status).toBe('outdated');
    expect(view.byline.title).toBe('Outdated (approved v4, current v5)');
    expect(view.history.entries[0].summary).toBe('Alice Author edited the page: version 5 is not approved (version 4 is)');
    expect(app.bylineProperty(ENG_PAGE)?.title).toBe('Outdated (approved v4, current v5)');
    expect(await storedStatus(ENG_PAGE)).toBe('outdated');
    expect(await storedStatus(HOTFIX_PAGE)).toBe('approved');

    // The next run finds nothing new.
    await app.sandbox.runScheduled('daily-maintenance-trigger');
    await app.drain();
    expect((await statusOf(ENG_PAGE)).history.entries).toHaveLength(view.history.entries.length);
  });

  it("a review whose edit event was lost restarts after the daily job when the workflow says 'restart'", async () => {
    await app.createWorkflow(singleStep({ onEditDuringReview: 'restart' }), 'default');
    const first = ok(await app.as('u-alice').byline('submit', ENG_PAGE)).request?.id;
    editWithoutEvent(ENG_PAGE);
    await app.drain();
    await app.sandbox.runScheduled('daily-maintenance-trigger');
    await app.drain();
    const view = ok(await app.as('u-bob').byline('getPageApproval', ENG_PAGE));
    expect(view.request).toMatchObject({ version: 5, status: 'inApproval' });
    expect(view.request?.id).not.toBe(first);
  });

  it('an edit the trigger already recorded is not handled again by the daily job', async () => {
    await app.createWorkflow(singleStep({ autoSubmitOnEdit: true }), 'default');
    await approve(ENG_PAGE);
    await app.sandbox.editPage(ENG_PAGE, 'u-alice', { body: '<p>seen edit</p>' });
    await app.drain();
    const before = await statusOf(ENG_PAGE);
    await app.sandbox.runScheduled('daily-maintenance-trigger');
    await app.drain();
    expect((await statusOf(ENG_PAGE)).history.entries).toEqual(before.history.entries);
  });

  it('an expiry that fails does not stop the others, and the queue runs its job again', async () => {
    await app.createWorkflow(singleStep({ validityDays: 30 }), 'default');
    await approve(ENG_PAGE);
    await approve(HOTFIX_PAGE);
    advanceCalendar(31);
    // The first expiry's commit fails (the only transaction of the run's jobs).
    app.sandbox.faults.failMatching('kvs', (call) => call.operation === 'transaction' && call.invocation?.functionKey === 'maintenance-consumer', 1, { status: 500 });
    const error = jest.spyOn(console, 'error').mockImplementation(() => undefined);
    expect(await app.sandbox.runScheduled('daily-maintenance-trigger')).toEqual({ statusCode: 204, ok: true });
    await app.drain();
    expect(error).toHaveBeenCalledWith(expect.stringMatching(/^expiry of request .* failed; the job runs again$/), expect.anything());
    error.mockRestore();
    const jobs = app.sandbox.ops.invocations({ kind: 'consumer' }).filter((invocation) => invocation.functionKey === 'maintenance-consumer');
    expect(jobs.map((invocation) => invocation.outcome)).toContain('error');
    expect([(await statusOf(ENG_PAGE)).status, (await statusOf(HOTFIX_PAGE)).status]).toEqual(['expired', 'expired']);
  });
});
