/**
 * Workflow names and the settings list while the space's index lags the writes
 * (storage-reference/entities, "Data consistency"): every step below runs before the index
 * catches up, as clicks a moment apart would on Forge.
 */
import { type TestApp, ok, refused, startApp } from '../support/app';
import { editorWorkflow, settingsAs } from '../support/settings';

describe('workflow names and the list before the index catches up', () => {
  let app: TestApp;

  beforeEach(async () => {
    app = await startApp({ indexCatchUp: 'manual' });
  });

  afterEach(() => app.close());

  const names = async (changed: string[]) =>
    ok(await settingsAs(app, 'u-alice')('listWorkflows', { changed })).workflows.map((w) => [w.name, w.enabled]);

  it('refuses a second workflow with the same name, however it is spelled, and frees a name on rename and delete', async () => {
    const alice = settingsAs(app, 'u-alice');
    const first = ok(await alice('createWorkflow', { workflow: editorWorkflow({ name: 'Policy review' }) }));

    const twin = refused(await settingsAs(app, 'u-carol')('createWorkflow', { workflow: editorWorkflow({ name: ' POLICY Review' }) }));
    expect(twin).toEqual({
      code: 'VALIDATION',
      message: "A workflow named 'POLICY Review' already exists in this space",
      details: { issues: [{ path: ['workflow', 'name'], message: "A workflow named 'POLICY Review' already exists in this space" }] },
    });
    app.settleIndexes();
    expect(await names([])).toEqual([['Policy review', true]]);

    const other = ok(await alice('createWorkflow', { workflow: editorWorkflow({ name: 'Legal review' }) }));
    const renamed = refused(
      await alice('updateWorkflow', { workflowId: other.workflow.id, revision: 0, workflow: editorWorkflow({ name: 'policy review', owners: ['u-alice'] }) }),
    );
    expect(renamed).toMatchObject({ code: 'VALIDATION', message: "A workflow named 'policy review' already exists in this space" });

    ok(await alice('updateWorkflow', { workflowId: first.workflow.id, revision: 0, workflow: editorWorkflow({ name: 'Policy review v2', owners: ['u-alice'] }) }));
    ok(await alice('createWorkflow', { workflow: editorWorkflow({ name: 'Policy review' }) }));
    refused(await alice('createWorkflow', { workflow: editorWorkflow({ name: 'Policy Review V2' }) }));

    expect(ok(await alice('deleteWorkflow', { workflowId: other.workflow.id }))).toEqual({ deleted: true });
    ok(await alice('createWorkflow', { workflow: editorWorkflow({ name: 'Legal review' }) }));
  });

  it('lists the workflows the screen just created, saved, disabled and deleted as they are now', async () => {
    const alice = settingsAs(app, 'u-alice');
    const kept = ok(await alice('createWorkflow', { workflow: editorWorkflow({ name: 'Kept' }) }));
    const gone = ok(await alice('createWorkflow', { workflow: editorWorkflow({ name: 'Gone' }) }));
    expect(await names([kept.workflow.id, gone.workflow.id])).toEqual([
      ['Gone', true],
      ['Kept', true],
    ]);
    app.settleIndexes();

    ok(await alice('updateWorkflow', { workflowId: kept.workflow.id, revision: 0, workflow: editorWorkflow({ name: 'A kept one', owners: ['u-alice'] }) }));
    ok(await alice('setWorkflowEnabled', { workflowId: kept.workflow.id, enabled: false }));
    ok(await alice('deleteWorkflow', { workflowId: gone.workflow.id }));
    expect(await names([kept.workflow.id, gone.workflow.id])).toEqual([['A kept one', false]]);
    // What the index alone still says: the reason the screen names what it changed.
    expect(await names([])).toEqual([
      ['Gone', true],
      ['Kept', true],
    ]);
  });

  it('never lists another space’s workflow named in `changed`', async () => {
    const hr = ok(await settingsAs(app, 'u-frank', 'HR')('createWorkflow', { workflow: editorWorkflow({ name: 'HR only' }) }));
    expect(await names([hr.workflow.id])).toEqual([]);
  });
});
