import { ok, refused, SPACES, startApp, type TestApp } from '../support/app';
import { editorWorkflow, settingsAs, workflowAuditRows } from '../support/settings';

describe('workflow editor (space settings)', () => {
  let app: TestApp;

  beforeEach(async () => {
    app = await startApp();
  });

  afterEach(() => app.close());

  it('shows every problem of an invalid workflow next to its field, saves nothing, then saves the fixed one', async () => {
    const alice = settingsAs(app, 'u-alice');
    const invalid = editorWorkflow({
      steps: [
        { id: 'review', name: 'Review', approvers: [{ type: 'user', accountId: 'u-bob' }], rule: { kind: 'any' } },
        { id: 'legal', name: 'Legal', approvers: [{ type: 'group', groupId: 'g-legal', name: 'legal' }], rule: { kind: 'atLeast', count: 3 } },
      ],
    });
    const error = refused(await alice('createWorkflow', { workflow: invalid }));
    expect(error.code).toBe('VALIDATION');
    expect(error.message).toBe('Step 2: at least 3 approvals required but only 2 approvers can approve');
    expect(error.details).toEqual({
      issues: [{ path: ['workflow', 'steps', '1', 'rule', 'count'], message: 'Step 2: at least 3 approvals required but only 2 approvers can approve' }],
    });
    expect(ok(await alice('listWorkflows')).workflows).toEqual([]);

    const fixed = editorWorkflow({
      steps: [invalid.steps[0], { ...invalid.steps[1], rule: { kind: 'atLeast', count: 2 } }],
    });
    const created = ok(await alice('createWorkflow', { workflow: fixed }));
    expect(created.workflow).toMatchObject({ name: 'Policy review', spaceId: SPACES.ENG.id, revision: 0, enabled: true });
    expect(ok(await alice('getWorkflow', { workflowId: created.workflow.id })).workflow.steps[1].rule).toEqual({ kind: 'atLeast', count: 2 });
  });

  it('reports approvers and groups Confluence does not know, and a name already used in the space', async () => {
    const alice = settingsAs(app, 'u-alice');
    ok(await alice('createWorkflow', { workflow: editorWorkflow() }));
    const error = refused(
      await alice('createWorkflow', {
        workflow: editorWorkflow({
          name: 'policy REVIEW',
          steps: [
            { id: 'a', name: 'A', approvers: [{ type: 'user', accountId: 'u-nobody' }], rule: { kind: 'any' } },
            { id: 'b', name: 'B', approvers: [{ type: 'group', groupId: 'g-gone', name: 'gone' }], rule: { kind: 'any' } },
          ],
        }),
      }),
    );
    expect(error.code).toBe('VALIDATION');
    expect((error.details as { issues: unknown[] }).issues).toEqual([
      { path: ['workflow', 'name'], message: "A workflow named 'policy REVIEW' already exists in this space" },
      { path: ['workflow', 'steps', '0', 'approvers', '0'], message: 'Step 1: approver u-nobody is not a Confluence user' },
      { path: ['workflow', 'steps', '1', 'approvers', '0'], message: "Step 2: group 'gone' doesn't exist in Confluence any more" },
    ]);
    expect(error.message).toBe("A workflow named 'policy REVIEW' already exists in this space (and 2 more problems)");
  });

  it('makes the creator an owner who manages the workflow, while others only view it', async () => {
    const created = ok(await settingsAs(app, 'u-alice')('createWorkflow', { workflow: editorWorkflow({ owners: ['u-carol'] }) }));
    expect(created.workflow.owners).toEqual(['u-alice', 'u-carol']);
    expect(created.workflow.createdBy).toBe('u-alice');
    expect(created.canManage).toBe(true);
    expect(created.people).toEqual(
      expect.arrayContaining([
        { accountId: 'u-alice', displayName: 'Alice Author' },
        { accountId: 'u-bob', displayName: 'Bob Approver' },
      ]),
    );

    const asGrace = ok(await settingsAs(app, 'u-grace')('listWorkflows'));
    expect(asGrace).toMatchObject({ canCreate: true, isSpaceAdmin: false, defaultWorkflowId: null });
    expect(asGrace.workflows).toEqual([
      expect.objectContaining({
        id: created.workflow.id,
        stepCount: 2,
        canManage: false,
        owners: [
          { accountId: 'u-alice', displayName: 'Alice Author' },
          { accountId: 'u-carol', displayName: 'Carol Approver' },
        ],
      }),
    ]);
    expect(ok(await settingsAs(app, 'u-grace')('getWorkflow', { workflowId: created.workflow.id })).canManage).toBe(false);
    expect(ok(await settingsAs(app, 'u-frank')('listWorkflows'))).toMatchObject({ isSpaceAdmin: true, workflows: [expect.objectContaining({ canManage: true })] });
  });

  it('refuses the workflows of a space the caller cannot view, and a workflow of another space', async () => {
    expect(refused(await settingsAs(app, 'u-ivan', 'HR')('listWorkflows')).code).toBe('NOT_FOUND');
    expect(refused(await settingsAs(app, 'u-ivan', 'HR')('createWorkflow', { workflow: editorWorkflow() })).code).toBe('NOT_FOUND');
    const hrWorkflow = ok(await settingsAs(app, 'u-carol', 'HR')('createWorkflow', { workflow: editorWorkflow() }));
    const error = refused(await settingsAs(app, 'u-alice', 'ENG')('getWorkflow', { workflowId: hrWorkflow.workflow.id }));
    expect(error).toMatchObject({ code: 'NOT_FOUND', message: "This workflow doesn't exist in this space any more. Reload the list of workflows." });
  });

  it('refuses an update by someone who is neither owner nor space admin, and changes nothing', async () => {
    const created = ok(await settingsAs(app, 'u-alice')('createWorkflow', { workflow: editorWorkflow() }));
    const error = refused(
      await settingsAs(app, 'u-bob')('updateWorkflow', { workflowId: created.workflow.id, revision: 0, workflow: editorWorkflow({ name: 'Hijacked' }) }),
    );
    expect(error).toEqual({ code: 'FORBIDDEN', message: "Only the owners of 'Policy review' (Alice Author) and space admins can change it. Nothing was changed." });
    expect(refused(await settingsAs(app, 'u-bob')('setWorkflowEnabled', { workflowId: created.workflow.id, enabled: false })).code).toBe('FORBIDDEN');
    expect(refused(await settingsAs(app, 'u-bob')('deleteWorkflow', { workflowId: created.workflow.id })).code).toBe('FORBIDDEN');
    expect(ok(await settingsAs(app, 'u-bob')('getWorkflow', { workflowId: created.workflow.id })).workflow).toMatchObject({ name: 'Policy review', revision: 0, enabled: true });
  });

  it('lets the owner and a space admin update in turn, and refuses an update based on a stale revision', async () => {
    const alice = settingsAs(app, 'u-alice');
    const frank = settingsAs(app, 'u-frank');
    const { workflow } = ok(await alice('createWorkflow', { workflow: editorWorkflow() }));

    const byOwner = ok(await alice('updateWorkflow', { workflowId: workflow.id, revision: 0, workflow: editorWorkflow({ owners: workflow.owners, description: 'By the owner' }) }));
    expect(byOwner.workflow).toMatchObject({ revision: 1, description: 'By the owner', createdBy: 'u-alice', createdAt: workflow.createdAt });

    const byAdmin = ok(await frank('updateWorkflow', { workflowId: workflow.id, revision: 1, workflow: editorWorkflow({ owners: workflow.owners, name: 'Policy review v2' }) }));
    expect(byAdmin.workflow).toMatchObject({ revision: 2, name: 'Policy review v2', description: 'Two-step review of HR policies' });

    const withoutOwners = refused(await alice('updateWorkflow', { workflowId: workflow.id, revision: 2, workflow: editorWorkflow({ owners: [] }) }));
    expect(withoutOwners).toMatchObject({ code: 'VALIDATION', details: { issues: [{ path: ['workflow', 'owners'], message: 'A workflow needs at least one owner' }] } });

    const stale = refused(await alice('updateWorkflow', { workflowId: workflow.id, revision: 1, workflow: editorWorkflow({ owners: workflow.owners, description: 'Lost' }) }));
    expect(stale).toMatchObject({
      code: 'CONFLICT',
      message: 'This workflow was changed by Frank Spaceadmin since you opened it. Your changes were not saved: reload the workflow, then make them again.',
    });
    expect(ok(await alice('getWorkflow', { workflowId: workflow.id })).workflow).toMatchObject({ revision: 2, name: 'Policy review v2' });
  });

  it('lets only one of two editors who opened the same revision save', async () => {
    const { workflow } = ok(await settingsAs(app, 'u-alice')('createWorkflow', { workflow: editorWorkflow() }));
    const results = await Promise.all(
      ['First', 'Second'].map((description, index) =>
        settingsAs(app, index === 0 ? 'u-alice' : 'u-frank')('updateWorkflow', { workflowId: workflow.id, revision: 0, workflow: editorWorkflow({ owners: workflow.owners, description }) }),
      ),
    );
    const saved = results.filter((r) => !('error' in r));
    expect(saved).toHaveLength(1);
    expect(results.map((r) => ('error' in r ? r.error.code : 'saved')).sort()).toEqual(['CONFLICT', 'saved']);
    expect(ok(await settingsAs(app, 'u-grace')('getWorkflow', { workflowId: workflow.id })).workflow.revision).toBe(1);
  });

  it('disables and re-enables a workflow; a disabled workflow no longer applies to pages', async () => {
    const alice = settingsAs(app, 'u-alice');
    const { workflow } = ok(await alice('createWorkflow', { workflow: editorWorkflow() }));
    const disabled = ok(await alice('setWorkflowEnabled', { workflowId: workflow.id, enabled: false }));
    expect(disabled.workflow).toMatchObject({ enabled: false, revision: 1 });
    const root = ok(await alice('getTreeLevel', { parent: { type: 'space' } }));
    expect(root.rows[0]).toMatchObject({ id: '10001', workflows: [], origin: 'none' });
    expect(ok(await alice('setWorkflowEnabled', { workflowId: workflow.id, enabled: false })).workflow.revision).toBe(1);
    // Saving the editor keeps the workflow disabled: only enable/disable switches it.
    const edited = ok(await alice('updateWorkflow', { workflowId: workflow.id, revision: 1, workflow: editorWorkflow({ owners: workflow.owners, enabled: true }) }));
    expect(edited.workflow).toMatchObject({ enabled: false, revision: 2 });
    expect(ok(await alice('setWorkflowEnabled', { workflowId: workflow.id, enabled: true })).workflow).toMatchObject({ enabled: true, revision: 3 });
  });

  it('refuses to delete a workflow while a page is in approval on it, and deletes it once nothing runs', async () => {
    const alice = settingsAs(app, 'u-alice');
    const { workflow } = ok(await alice('createWorkflow', { workflow: editorWorkflow({ steps: [editorWorkflow().steps[0]] }) }));
    // Alice is no space admin: she submits from the page (the tree's Submit is an admin action).
    expect(ok(await app.as('u-alice').byline('submit', '10020', { workflowId: workflow.id })).status).toBe('inApproval');

    expect(ok(await alice('getWorkflow', { workflowId: workflow.id })).runningRequests).toBe(1);
    const error = refused(await alice('deleteWorkflow', { workflowId: workflow.id }));
    expect(error).toEqual({
      code: 'PRECONDITION',
      message: "'Policy review' still has pages in approval, so it cannot be deleted. Disable it instead: running requests finish, and no new ones start.",
    });
    expect(ok(await alice('listWorkflows')).workflows).toHaveLength(1);

    const { workflow: other } = ok(await alice('createWorkflow', { workflow: editorWorkflow({ name: 'Unused' }) }));
    expect(ok(await settingsAs(app, 'u-frank')('deleteWorkflow', { workflowId: other.id }))).toEqual({ deleted: true });
    expect(ok(await alice('listWorkflows')).workflows.map((w) => w.name)).toEqual(['Policy review']);
    expect(refused(await alice('getWorkflow', { workflowId: other.id })).code).toBe('NOT_FOUND');
  });

  it('writes an audit entry for every workflow change, in the space, by its actor', async () => {
    const alice = settingsAs(app, 'u-alice');
    const { workflow } = ok(await alice('createWorkflow', { workflow: editorWorkflow() }));
    ok(await settingsAs(app, 'u-frank')('updateWorkflow', { workflowId: workflow.id, revision: 0, workflow: editorWorkflow({ owners: workflow.owners, name: 'Renamed' }) }));
    ok(await alice('setWorkflowEnabled', { workflowId: workflow.id, enabled: false }));
    ok(await alice('deleteWorkflow', { workflowId: workflow.id }));
    refused(await settingsAs(app, 'u-bob')('setWorkflowEnabled', { workflowId: workflow.id, enabled: true }));
    await app.drain();

    const rows = await workflowAuditRows(SPACES.ENG.id);
    expect(rows.map((r) => [r.type, r.actorId, r.body.kind === 'workflow' ? r.body.workflowId : null])).toEqual([
      ['workflow.created', 'u-alice', workflow.id],
      ['workflow.updated', 'u-frank', workflow.id],
      ['workflow.disabled', 'u-alice', workflow.id],
      ['workflow.deleted', 'u-alice', workflow.id],
    ]);
    expect(rows[1].body).toMatchObject({ kind: 'workflow', change: 'updated', details: { name: 'Renamed', previousName: 'Policy review', revision: 1 } });
    expect(rows.every((r) => r.spaceId === SPACES.ENG.id && r.pageId === '-')).toBe(true);
    // The effects consumer sealed them into the space's hash chain.
    expect(rows.map((r) => [r.sealed, r.hash !== '-'])).toEqual(rows.map(() => [true, true]));
    expect(new Set(rows.map((r) => r.seq)).size).toBe(rows.length);

    const exported = ok(await settingsAs(app, 'u-frank')('exportAudit', {}));
    expect(exported.chainVerified).toBe(true);
    // Chain order is the order the effects jobs sealed them in, which the queue does not promise.
    const exportedByType = new Map(exported.entries.map((e) => [e.type, e]));
    expect([...exportedByType.keys()].sort()).toEqual(['workflow.created', 'workflow.deleted', 'workflow.disabled', 'workflow.updated']);
    expect(exportedByType.get('workflow.created')?.summary).toBe('Alice Author created the workflow "Policy review"');
    expect(exportedByType.get('workflow.updated')?.actor?.displayName).toBe('Frank Spaceadmin');
  });

  it('finds groups for the approver picker by part of their name', async () => {
    const result = ok(await settingsAs(app, 'u-alice')('searchGroups', { query: 'LEG' }));
    expect(result.groups).toEqual([{ id: 'g-legal', name: 'legal' }]);
    expect(ok(await settingsAs(app, 'u-alice')('searchGroups', { query: '' })).groups.map((g) => g.name)).toContain('engineering');
  });
});
