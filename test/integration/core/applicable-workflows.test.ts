/**
 * Which workflows a page offers, right after an admin's change and before the space's index
 * catches up (storage-reference/entities, "Data consistency"): workflows named by the default
 * or an assignment are read by key, so the change applies at the author's next click.
 */
import { type TestApp, ok, startApp } from '../support/app';
import { editorWorkflow, type SettingsCall, settingsAs } from '../support/settings';

describe('the workflows a page offers while the index lags', () => {
  let app: TestApp;
  let frank: SettingsCall;

  const single = { steps: [editorWorkflow().steps[0]] };
  const offered = async (pageId: string) => ok(await app.as('u-alice').byline('getPageApproval', pageId)).workflows.map((w) => w.name);

  beforeEach(async () => {
    app = await startApp({ indexCatchUp: 'manual' });
    frank = settingsAs(app, 'u-frank');
  });

  afterEach(() => app.close());

  it('offers a default created and chosen a moment ago, and submits with it', async () => {
    const standard = ok(await frank('createWorkflow', { workflow: editorWorkflow({ ...single, name: 'Standard review' }) })).workflow;
    ok(await frank('setDefaultWorkflow', { workflowId: standard.id }));

    expect(await offered('10020')).toEqual(['Standard review']);
    const submitted = ok(await app.as('u-alice').byline('submit', '10020', {}));
    expect(submitted.request).toMatchObject({ workflowId: standard.id, status: 'inApproval' });
  });

  it('follows page and subtree assignments to workflows the index does not list yet', async () => {
    const release = ok(await frank('createWorkflow', { workflow: editorWorkflow({ ...single, name: 'Release sign-off' }) })).workflow;
    const architecture = ok(await frank('createWorkflow', { workflow: editorWorkflow({ ...single, name: 'Architecture review' }) })).workflow;
    ok(await frank('assignWorkflow', { pageId: '10021', workflowIds: [release.id], scope: 'page' }));
    ok(await frank('assignWorkflow', { pageId: '10011', workflowIds: [architecture.id], scope: 'subtree' }));

    expect(await offered('10021')).toEqual(['Release sign-off']);
    expect(await offered('10014')).toEqual(['Architecture review']);
  });

  it('stops offering an assigned workflow disabled a moment ago', async () => {
    const release = ok(await frank('createWorkflow', { workflow: editorWorkflow({ ...single, name: 'Release sign-off' }) })).workflow;
    ok(await frank('assignWorkflow', { pageId: '10021', workflowIds: [release.id], scope: 'page' }));
    app.settleIndexes();
    ok(await frank('setWorkflowEnabled', { workflowId: release.id, enabled: false }));

    expect(await offered('10021')).toEqual([]);
  });
});
