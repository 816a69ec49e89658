import { ok, refused, startApp, type TestApp } from '../support/app';
import { editorWorkflow, type SettingsCall, settingsAs } from '../support/settings';

describe('admin actions from the manage-space tree', () => {
  let app: TestApp;
  let frank: SettingsCall;

  beforeEach(async () => {
    app = await startApp();
    frank = settingsAs(app, 'u-frank');
    const { workflow } = ok(await frank('createWorkflow', { workflow: editorWorkflow({ steps: [editorWorkflow().steps[0]] }) }));
    ok(await frank('setDefaultWorkflow', { workflowId: workflow.id }));
  });

  afterEach(() => app.close());

  it('submits a page and then overrides its status, each returning the page row as it now is', async () => {
    const submitted = ok(await frank('submitPage', { pageId: '10022' }));
    expect(submitted).toMatchObject({ id: '10022', title: 'Hotfix Procedure', status: 'inApproval', lozenge: { text: 'In Approval' }, origin: 'spaceDefault' });

    const overridden = ok(await frank('overridePageStatus', { pageId: '10022', targetStatus: 'approved', reason: 'Approved in the release meeting' }));
    expect(overridden).toMatchObject({ id: '10022', status: 'approved', lozenge: { text: 'Approved', appearance: 'success' } });
    await app.drain();

    const children = ok(await settingsAs(app, 'u-grace')('getTreeLevel', { parent: { type: 'page', id: '10020' } }));
    expect(children.rows.find((row) => row.id === '10022')).toMatchObject({ status: 'approved' });
  });

  it('refuses an override by a non-admin, a submit by someone who cannot edit, and pages of other spaces', async () => {
    ok(await frank('submitPage', { pageId: '10022' }));
    expect(refused(await settingsAs(app, 'u-alice')('overridePageStatus', { pageId: '10022', targetStatus: 'draft', reason: 'Mine' })).code).toBe('FORBIDDEN');
    expect(refused(await settingsAs(app, 'u-grace')('submitPage', { pageId: '10021' })).code).toBe('FORBIDDEN');
    expect(refused(await frank('submitPage', { pageId: '20011' }))).toEqual({
      code: 'NOT_FOUND',
      message: "This page isn't in this space, or you don't have permission to view it.",
    });
    expect(refused(await frank('overridePageStatus', { pageId: '20011', targetStatus: 'approved', reason: 'No' })).code).toBe('NOT_FOUND');

    const children = ok(await frank('getTreeLevel', { parent: { type: 'page', id: '10020' } }));
    expect(children.rows.map((row) => [row.id, row.status])).toEqual([
      ['10021', 'draft'],
      ['10022', 'inApproval'],
    ]);
  });
});
