import { ok, startApp, type TestApp } from '../../integration/support/app';
import { editorWorkflow, type SettingsCall, settingsAs } from '../../integration/support/settings';
import { formSection, openSettings, pickPeople, rowWith } from './settings-screen';

describe('space settings: workflows', () => {
  let app: TestApp;
  let frank: SettingsCall;

  beforeEach(async () => {
    app = await startApp();
    frank = settingsAs(app, 'u-frank');
  });
  afterEach(() => app.close());

  it('lets a space admin create a two-step workflow, showing a rule the approvers cannot meet next to its field', async () => {
    const screen = await openSettings(app, 'u-frank');
    expect(screen.getByType('EmptyState').props.header).toBe('No workflows yet');
    await screen.click('Create workflow');

    await screen.type('Name', 'Policy review');
    const first = screen.within(formSection(screen, 'Step 1'));
    await screen.type(first.getByLabel('Step name'), 'Review');
    await pickPeople(screen, first.getByLabel('Approvers (people)'), ['u-bob', 'u-carol']);
    await screen.choose(first.getByLabel('Approval rule'), 'atLeast');
    await screen.type(screen.within(formSection(screen, 'Step 1')).getByLabel('Number of approvals'), '3');

    await screen.click('Add step');
    const second = screen.within(formSection(screen, 'Step 2'));
    await screen.type(second.getByLabel('Step name'), 'Legal');
    await screen.select(second.getByLabel('Approver groups'), 'legal');
    await screen.choose(screen.within(formSection(screen, 'Step 2')).getByLabel('Approval rule'), 'all');

    await screen.click('Create workflow');
    const problem = 'Step 1: at least 3 approvals required but only 2 approvers can approve';
    // Next to the field: the ErrorMessage sits in step 1's section, right under "Number of approvals".
    const stepOne = screen.within(formSection(screen, 'Step 1'));
    expect(stepOne.getByText(problem).type).toBe('ErrorMessage');
    expect(stepOne.getByLabel('Number of approvals').props.isInvalid).toBe(true);
    const summary = screen.getByType('SectionMessage');
    expect(summary.props).toMatchObject({ appearance: 'error', title: 'Fix 1 problem to save this workflow' });
    expect(screen.textContent(summary)).toContain(problem);
    expect(ok(await frank('listWorkflows')).workflows).toEqual([]);

    await screen.type(stepOne.getByLabel('Number of approvals'), '2');
    await screen.click('Create workflow');

    await screen.waitFor(() => rowWith(screen, 'Policy review'));
    const row = screen.within(rowWith(screen, 'Policy review'));
    expect(row.getByText('2 steps')).toBeTruthy();
    expect(row.getByText('Frank Spaceadmin')).toBeTruthy();
    expect(row.getByText('Enabled').type).toBe('Lozenge');
    expect(screen.flags).toEqual([expect.objectContaining({ title: 'Workflow created' })]);

    const [saved] = ok(await frank('listWorkflows')).workflows;
    const { workflow } = ok(await frank('getWorkflow', { workflowId: saved.id }));
    expect(workflow.steps.map((step) => [step.name, step.rule])).toEqual([
      ['Review', { kind: 'atLeast', count: 2 }],
      ['Legal', { kind: 'all' }],
    ]);
    expect(workflow.steps[1].approvers).toEqual([{ type: 'group', groupId: 'g-legal', name: 'legal' }]);
    expect(workflow.options.selfApproval).toBe(false);
    expect(workflow.owners).toEqual(['u-frank']);
  });

  it('checks what it can before sending, and says under each field and in the summary which step is wrong', async () => {
    const screen = await openSettings(app, 'u-frank');
    await screen.click('Create workflow');
    await screen.type('Name', 'Quick check');
    const step = screen.within(formSection(screen, 'Step 1'));
    await pickPeople(screen, step.getByLabel('Approvers (people)'), ['u-bob']);
    await screen.type(step.getByLabel('Rejections to fail'), '');
    await screen.click('Create workflow');
    expect(screen.within(formSection(screen, 'Step 1')).getByText('Step 1: rejections to fail is required').type).toBe('ErrorMessage');

    await screen.type(screen.within(formSection(screen, 'Step 1')).getByLabel('Rejections to fail'), '1');
    await screen.click('Add step');
    await screen.type(screen.within(formSection(screen, 'Step 2')).getByLabel('Step name'), ' ');
    await screen.click('Create workflow');

    const second = screen.within(formSection(screen, 'Step 2'));
    expect(second.getByText('Step name is required').type).toBe('ErrorMessage');
    expect(second.getByText('Add at least one approver').type).toBe('ErrorMessage');
    expect(screen.queryByText('Step 1: rejections to fail is required')).toBeNull();
    const summary = screen.getByType('SectionMessage');
    expect(summary.props.title).toBe('Fix 2 problems to save this workflow');
    expect(screen.within(summary).getByText('• Step 2: step name is required')).toBeTruthy();
    expect(screen.within(summary).getByText('• Step 2: add at least one approver')).toBeTruthy();
    expect(screen.invocations.filter((call) => call.functionKey === 'createWorkflow')).toEqual([]);
    // The summary sits right above the Save button, where the person clicked.
    const form = screen.getByType('Form').children.map((child) => child.type);
    expect(form.indexOf('SectionMessage')).toBe(form.indexOf('FormFooter') - 1);

    // A message goes as soon as its field is fixed; the summary counts what is left.
    await screen.type(screen.within(formSection(screen, 'Step 2')).getByLabel('Step name'), 'Legal');
    expect(screen.within(formSection(screen, 'Step 2')).queryByText('Step name is required')).toBeNull();
    expect(screen.within(formSection(screen, 'Step 2')).getByText('Add at least one approver')).toBeTruthy();
    expect(screen.getByType('SectionMessage').props.title).toBe('Fix 1 problem to save this workflow');
    await pickPeople(screen, screen.within(formSection(screen, 'Step 2')).getByLabel('Approvers (people)'), ['u-carol']);
    expect(screen.queryAllByType('SectionMessage')).toEqual([]);
    expect(screen.queryAllByType('ErrorMessage')).toEqual([]);
  });

  it('shows a workflow to someone who does not own it, without the buttons that change it', async () => {
    ok(await frank('createWorkflow', { workflow: editorWorkflow({ name: 'Release review' }) }));
    const screen = await openSettings(app, 'u-bob');
    await screen.waitFor(() => rowWith(screen, 'Release review'));

    const row = screen.within(rowWith(screen, 'Release review'));
    expect(row.getByText('View')).toBeTruthy();
    for (const button of ['Edit', 'Delete', 'Disable']) expect(row.queryByText(button)).toBeNull();
    expect(screen.queryByLabel('Space default workflow')).toBeNull();
    expect(screen.getByText('This space has no default workflow.')).toBeTruthy();
    expect(screen.getAllByType('Tab').map((tab) => screen.textContent(tab))).toEqual(['Workflows', 'Manage space']);

    await screen.click(row.getByText('View'));
    await screen.waitFor(() => screen.getByText('Step 2: Legal'));
    expect(screen.getByText('Approvers: Bob Approver')).toBeTruthy();
    expect(screen.getByText('Rule: All approvers · 1 rejection to fail')).toBeTruthy();
    expect(screen.getByText('Authors cannot approve their own pages (segregation of duties)')).toBeTruthy();
    expect(screen.queryByText('Edit workflow')).toBeNull();
  });

  it('lets an owner edit and reorder steps, and the list shows the change', async () => {
    const { workflow } = ok(await settingsAs(app, 'u-alice')('createWorkflow', { workflow: editorWorkflow({ name: 'Release review' }) }));
    const screen = await openSettings(app, 'u-alice');
    await screen.waitFor(() => rowWith(screen, 'Release review'));
    const row = screen.within(rowWith(screen, 'Release review'));
    expect(row.queryByText('Edit')).not.toBeNull();
    await screen.click(row.getByText('Edit'));

    await screen.waitFor(() => screen.getByType('FormHeader').props.title === 'Edit workflow');
    expect(screen.getByLabel('Name').props.value).toBe('Release review');
    await screen.type('Name', 'Release sign-off');
    await screen.click(screen.within(formSection(screen, 'Step 2')).getByText('Move up'));
    expect(screen.within(formSection(screen, 'Step 1')).getByLabel('Step name').props.value).toBe('Legal');
    // In the drawn order too: the step that moved down comes right after the other, before "Add step".
    const drawn = screen.getByType('Form').children.map((child) => (child.type === 'FormSection' ? String(child.props.title) : screen.textContent(child)));
    expect(drawn.slice(drawn.indexOf('Step 1'), drawn.indexOf('Step 1') + 3)).toEqual(['Step 1', 'Step 2', 'Add step']);
    await screen.click('Save changes');

    await screen.waitFor(() => rowWith(screen, 'Release sign-off'));
    expect(screen.queryByText('Release review')).toBeNull();
    expect(screen.flags).toEqual([expect.objectContaining({ title: 'Workflow saved' })]);
    const saved = ok(await frank('getWorkflow', { workflowId: workflow.id })).workflow;
    expect(saved.steps.map((step) => step.name)).toEqual(['Legal', 'Review']);
    expect(saved.revision).toBe(1);
  });

  it('tells an editor someone else saved first and reloads their version', async () => {
    const { workflow } = ok(await frank('createWorkflow', { workflow: editorWorkflow({ name: 'Release review', owners: ['u-alice'] }) }));
    const screen = await openSettings(app, 'u-frank');
    await screen.waitFor(() => rowWith(screen, 'Release review'));
    await screen.click(screen.within(rowWith(screen, 'Release review')).getByText('Edit'));
    await screen.waitFor(() => screen.getByType('FormHeader').props.title === 'Edit workflow');

    ok(await settingsAs(app, 'u-alice')('updateWorkflow', { workflowId: workflow.id, revision: 0, workflow: editorWorkflow({ name: 'Release review', description: 'Changed by Alice', owners: ['u-frank', 'u-alice'] }) }));
    await screen.type('Description', 'Changed by Frank');
    await screen.click('Save changes');

    const conflict = screen.getByType('SectionMessage');
    expect(conflict.props.title).toBe('This workflow changed since you opened it');
    expect(screen.textContent(conflict)).toContain('This workflow was changed by Alice Author since you opened it. Your changes were not saved');
    expect(ok(await frank('getWorkflow', { workflowId: workflow.id })).workflow.description).toBe('Changed by Alice');

    await screen.click('Reload workflow');
    await screen.waitFor(() => screen.getByLabel('Description').props.value === 'Changed by Alice');
    expect(screen.queryByText('This workflow changed since you opened it')).toBeNull();
    await screen.type('Description', 'Changed by Frank');
    await screen.click('Save changes');
    await screen.waitFor(() => rowWith(screen, 'Release review'));
    expect(ok(await frank('getWorkflow', { workflowId: workflow.id })).workflow).toMatchObject({ description: 'Changed by Frank', revision: 2 });
  });

  it('refuses to delete a workflow with a page in approval and offers to disable it instead', async () => {
    const { workflow } = ok(await frank('createWorkflow', { workflow: editorWorkflow({ name: 'Release review' }) }));
    ok(await frank('setDefaultWorkflow', { workflowId: workflow.id }));
    ok(await app.as('u-alice').byline('submit', '10020', {}));
    const screen = await openSettings(app, 'u-frank');
    await screen.waitFor(() => rowWith(screen, 'Release review'));
    expect(screen.within(rowWith(screen, 'Release review')).getByText('Default').type).toBe('Lozenge');

    await screen.click(screen.within(rowWith(screen, 'Release review')).getByText('Delete'));
    const dialog = screen.within(screen.getByType('Modal'));
    expect(dialog.getByText('Delete Release review?')).toBeTruthy();
    await screen.click(dialog.getByText('Delete'));

    const modal = screen.within(screen.getByType('Modal'));
    expect(modal.getByType('SectionMessage').props.title).toBe('This workflow is still in use');
    expect(modal.getByText("'Release review' still has pages in approval, so it cannot be deleted. Disable it instead: running requests finish, and no new ones start.")).toBeTruthy();
    await screen.click(modal.getByText('Disable instead'));

    expect(screen.queryAllByType('Modal')).toEqual([]);
    await screen.waitFor(() => screen.within(rowWith(screen, 'Release review')).getByText('Disabled'));
    expect(screen.within(rowWith(screen, 'Release review')).getByText('Enable')).toBeTruthy();
    expect(ok(await frank('getWorkflow', { workflowId: workflow.id })).workflow.enabled).toBe(false);
  });

  it('deletes an unused workflow and sets the space default from the list', async () => {
    ok(await frank('createWorkflow', { workflow: editorWorkflow({ name: 'Release review' }) }));
    ok(await frank('createWorkflow', { workflow: editorWorkflow({ name: 'Old review' }) }));
    const screen = await openSettings(app, 'u-frank');
    await screen.waitFor(() => rowWith(screen, 'Old review'));

    await screen.select('Space default workflow', 'Release review');
    expect(screen.within(rowWith(screen, 'Release review')).getByText('Default').type).toBe('Lozenge');
    expect(ok(await frank('listWorkflows')).defaultWorkflowId).not.toBeNull();

    await screen.click(screen.within(rowWith(screen, 'Old review')).getByText('Delete'));
    await screen.click(screen.within(screen.getByType('Modal')).getByText('Delete'));
    await screen.waitFor(() => screen.queryByText('Old review') === null);
    expect(ok(await frank('listWorkflows')).workflows.map((w) => w.name)).toEqual(['Release review']);
  });
});
