/**
 * Who may create workflows in a space: everyone who can view it unless a space admin keeps it to
 * admins. The setting lives in the space's settings row beside the default and the assignments,
 * and its changes are audited like theirs.
 */
import { ok, refusedUnchanged, SPACES, startApp, type TestApp } from '../support/app';
import { editorWorkflow, settingsAs, type SettingsCall, workflowAuditRows } from '../support/settings';

describe('who can create workflows in a space', () => {
  let app: TestApp;
  let frank: SettingsCall;
  let grace: SettingsCall;

  beforeEach(async () => {
    app = await startApp();
    frank = settingsAs(app, 'u-frank');
    grace = settingsAs(app, 'u-grace');
  });
  afterEach(() => app.close());

  const unchangedBy = (call: () => Promise<unknown>) => refusedUnchanged(app, call);

  it('is everyone who can view the space by default, and a creator becomes an owner', async () => {
    expect(ok(await grace('listWorkflows'))).toMatchObject({ workflowCreators: 'everyone', canCreate: true, isSpaceAdmin: false });
    const created = ok(await grace('createWorkflow', { workflow: editorWorkflow() }));
    expect(created.workflow.owners).toEqual(['u-grace']);
  });

  it('restricted to space admins: a viewer is refused with a clear message and nothing changes; admins still create', async () => {
    const restricted = ok(await frank('setWorkflowCreators', { workflowCreators: 'spaceAdmins' }));
    expect(restricted).toMatchObject({ workflowCreators: 'spaceAdmins', canCreate: true, isSpaceAdmin: true });

    expect(ok(await grace('listWorkflows'))).toMatchObject({ workflowCreators: 'spaceAdmins', canCreate: false });
    expect(await unchangedBy(() => grace('createWorkflow', { workflow: editorWorkflow() }))).toEqual({
      code: 'FORBIDDEN',
      message: 'Only space admins can create workflows in this space.',
    });
    expect(ok(await frank('createWorkflow', { workflow: editorWorkflow() })).workflow.owners).toEqual(['u-frank']);

    ok(await frank('setWorkflowCreators', { workflowCreators: 'everyone' }));
    expect(ok(await grace('createWorkflow', { workflow: editorWorkflow({ name: 'Grace review' }) })).workflow.owners).toEqual(['u-grace']);
  });

  it('only a space admin changes it; anything but the two choices is a validation error', async () => {
    expect(await unchangedBy(() => grace('setWorkflowCreators', { workflowCreators: 'spaceAdmins' }))).toEqual({
      code: 'FORBIDDEN',
      message: 'Only space admins can choose who can create workflows. Nothing was changed.',
    });
    expect((await unchangedBy(() => frank('setWorkflowCreators', { workflowCreators: 'nobody' }))).code).toBe('VALIDATION');
    expect((await unchangedBy(() => frank('setWorkflowCreators', {}))).code).toBe('VALIDATION');
  });

  it('is kept apart from the default and the assignments, each change audited once', async () => {
    const { workflow } = ok(await frank('createWorkflow', { workflow: editorWorkflow() }));
    ok(await frank('setWorkflowCreators', { workflowCreators: 'spaceAdmins' }));
    expect(ok(await frank('setDefaultWorkflow', { workflowId: workflow.id }))).toMatchObject({ workflowCreators: 'spaceAdmins', defaultWorkflowId: workflow.id });
    ok(await frank('assignWorkflow', { pageId: '10020', workflowIds: [workflow.id], scope: 'page' }));
    // The same choice again changes nothing and is not audited again.
    ok(await frank('setWorkflowCreators', { workflowCreators: 'spaceAdmins' }));
    expect(ok(await frank('listWorkflows'))).toMatchObject({ workflowCreators: 'spaceAdmins', defaultWorkflowId: workflow.id });
    ok(await frank('setWorkflowCreators', { workflowCreators: 'everyone' }));
    await app.drain();

    const rows = (await workflowAuditRows(SPACES.ENG.id)).filter((row) => row.type !== 'workflow.created');
    expect(rows.map((row) => [row.type, row.actorId])).toEqual([
      ['workflow.creatorsSet', 'u-frank'],
      ['workflow.defaultSet', 'u-frank'],
      ['workflow.assigned', 'u-frank'],
      ['workflow.creatorsSet', 'u-frank'],
    ]);
    expect(rows[0].body).toMatchObject({ details: { workflowCreators: 'spaceAdmins', previous: 'everyone' } });
    expect(rows[3].body).toMatchObject({ details: { workflowCreators: 'everyone', previous: 'spaceAdmins' } });

    const exported = ok(await frank('exportAudit', {}));
    expect(exported.entries.filter((entry) => entry.type === 'workflow.creatorsSet').map((entry) => entry.summary)).toEqual([
      'Frank Spaceadmin allowed only space admins to create workflows',
      'Frank Spaceadmin allowed everyone who can view the space to create workflows',
    ]);
  });
});
