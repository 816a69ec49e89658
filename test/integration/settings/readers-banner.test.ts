/**
 * The space setting "Show readers which version is approved": on by default, changed by space
 * admins only and audited; the banner learns it from the byline property, written with a page's
 * next change, and the daily byline check brings pages no change touches in line.
 */
import { BYLINE_PROPERTY_KEY } from '../../../src/shared/byline';
import { decideOnPage, submitPage } from '../support/effects-journey';
import { ok, refused, SPACES, startApp, type TestApp } from '../support/app';
import { settingsAs, type SettingsCall, workflowAuditRows } from '../support/settings';

const PAGE = '10020';

describe('the readers banner setting', () => {
  let app: TestApp;
  let frank: SettingsCall;
  let grace: SettingsCall;

  beforeEach(async () => {
    app = await startApp();
    frank = settingsAs(app, 'u-frank');
    grace = settingsAs(app, 'u-grace');
    await app.createWorkflow({ name: 'Quick review', steps: [{ id: 'review', name: 'Review', approvers: [{ type: 'user', accountId: 'u-bob' }], rule: { kind: 'any' } }] }, 'default');
  });
  afterEach(() => app.close());

  /** The banner part of the page's byline property, as the banner module reads it. */
  const bannerOf = (pageId: string): unknown => {
    const value = app.site().propertyOf(pageId, BYLINE_PROPERTY_KEY);
    return typeof value === 'object' && value !== null && 'banner' in value ? value.banner : undefined;
  };

  async function approvedThenEdited(): Promise<void> {
    await submitPage(app, PAGE, 'u-alice');
    await decideOnPage(app, PAGE, 'u-bob', 'approve');
    await app.drain();
    await app.sandbox.editPage(PAGE, 'u-alice', { body: '<p>Not approved yet.</p>' });
    await app.drain();
  }

  async function dailyCheck(): Promise<void> {
    expect((await app.sandbox.runScheduled('daily-maintenance-trigger')).ok).toBe(true);
    await app.drain();
  }

  it('is on by default, for admins and viewers alike', async () => {
    expect(ok(await grace('listWorkflows'))).toMatchObject({ readersBanner: true, isSpaceAdmin: false });
    expect(ok(await frank('listWorkflows'))).toMatchObject({ readersBanner: true, isSpaceAdmin: true });
  });

  it('only a space admin changes it; a viewer is told so and nothing changes; a non-boolean is a validation error', async () => {
    await app.drain();
    const before = app.appState();
    expect(refused(await grace('setReadersBanner', { shown: false }))).toEqual({
      code: 'FORBIDDEN',
      message: 'Only space admins can choose whether readers see which version is approved. Nothing was changed.',
    });
    expect(refused(await frank('setReadersBanner', { shown: 'no' })).code).toBe('VALIDATION');
    expect(refused(await frank('setReadersBanner', {})).code).toBe('VALIDATION');
    await app.drain();
    expect(app.appState()).toEqual(before);
  });

  it('turned off, the next change writes no banner; turned on, the daily check brings it back without a change', async () => {
    expect(ok(await frank('setReadersBanner', { shown: false }))).toMatchObject({ readersBanner: false });
    await approvedThenEdited();
    expect(app.bylineProperty(PAGE)?.title).toBe('Outdated (approved v4, current v5)');
    expect(bannerOf(PAGE)).toBeUndefined();

    ok(await frank('setReadersBanner', { shown: true }));
    await dailyCheck();
    expect(bannerOf(PAGE)).toMatchObject({ version: 5, approved: { version: 4, by: 'Bob Approver' } });
  });

  it('turned off after banners were written, the daily check takes them away', async () => {
    await approvedThenEdited();
    expect(bannerOf(PAGE)).toMatchObject({ version: 5 });
    ok(await frank('setReadersBanner', { shown: false }));
    await dailyCheck();
    expect(bannerOf(PAGE)).toBeUndefined();
    expect(app.bylineProperty(PAGE)?.title).toBe('Outdated (approved v4, current v5)');
  });

  it('is audited once per change, in words', async () => {
    ok(await frank('setReadersBanner', { shown: false }));
    ok(await frank('setReadersBanner', { shown: false }));
    ok(await frank('setReadersBanner', { shown: true }));
    await app.drain();
    const rows = (await workflowAuditRows(SPACES.ENG.id)).filter((row) => row.type === 'workflow.readersBannerSet');
    expect(rows.map((row) => [row.actorId, row.body])).toEqual([
      ['u-frank', expect.objectContaining({ details: { shown: false } })],
      ['u-frank', expect.objectContaining({ details: { shown: true } })],
    ]);
    const exported = ok(await frank('exportAudit', {}));
    expect(exported.entries.filter((entry) => entry.type === 'workflow.readersBannerSet').map((entry) => entry.summary)).toEqual([
      'Frank Spaceadmin stopped showing readers which version of a page is approved',
      'Frank Spaceadmin showed readers which version of a page is approved',
    ]);
  });
});
