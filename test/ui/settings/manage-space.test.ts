import { ok, startApp, type TestApp } from '../../integration/support/app';
import { editorWorkflow, type SettingsCall, settingsAs } from '../../integration/support/settings';
import { type Screen } from '../support/render';
import { chooseTab, openSettings, rowWith } from './settings-screen';

describe('space settings: manage space', () => {
  let app: TestApp;
  let frank: SettingsCall;
  let releaseReview: string;

  beforeEach(async () => {
    app = await startApp();
    frank = settingsAs(app, 'u-frank');
    releaseReview = ok(await frank('createWorkflow', { workflow: editorWorkflow({ name: 'Release review' }) })).workflow.id;
    ok(await frank('createWorkflow', { workflow: editorWorkflow({ name: 'Runbook review' }) }));
  });
  afterEach(() => app.close());

  async function openTree(accountId: string): Promise<Screen> {
    const screen = await openSettings(app, accountId);
    await chooseTab(screen, 'Manage space');
    await screen.waitFor(() => rowWith(screen, 'Engineering Home'));
    return screen;
  }

  const cell = (screen: Screen, title: string) => screen.within(rowWith(screen, title));

  /** The actions a row's menu offers, opening it first (the menu is built only while open). */
  async function openActions(screen: Screen, title: string): Promise<string[]> {
    await screen.click(cell(screen, title).getByText('Actions'));
    const menu = screen.within(screen.getAllByType('Popup').find((popup) => popup.props.isOpen === true) ?? rowWith(screen, title));
    return menu.queryAllByType('Button').map((button) => screen.textContent(button)).filter((text) => text !== 'Actions');
  }

  async function chooseAction(screen: Screen, title: string, action: string): Promise<void> {
    expect(await openActions(screen, title)).toContain(action);
    await screen.click(cell(screen, title).getByText(action));
  }

  it('shows the root pages with their statuses and loads children when a page is expanded', async () => {
    ok(await frank('setDefaultWorkflow', { workflowId: releaseReview }));
    ok(await app.as('u-alice').byline('submit', '10020', {}));
    const screen = await openTree('u-frank');

    // The root page and, after it, the space's blog posts as a group of their own.
    expect(screen.getAllByType('Row')).toHaveLength(2);
    // The type is an icon named for screen readers, with the word in its tooltip.
    const typeOf = (title: string) => screen.within(cell(screen, title).getByType('Tooltip'));
    expect(typeOf('Blog posts').getByType('Icon').props.label).toBe('Blog');
    expect(cell(screen, 'Blog posts').getByType('Tooltip').props.content).toBe('Blog');
    const home = cell(screen, 'Engineering Home');
    expect(home.getByText('Draft').type).toBe('Lozenge');
    expect(home.getByText('Space default')).toBeTruthy();
    expect(home.getByText('Release review')).toBeTruthy();
    expect(screen.queryByText('Release Process')).toBeNull();

    await screen.click('Engineering Home');
    await screen.waitFor(() => rowWith(screen, 'Release Process'));
    const release = cell(screen, 'Release Process');
    expect(release.getByText('In Approval').type).toBe('Lozenge');
    expect(release.getByText('In Approval').props.appearance).toBe('inprogress');
    // Only a page that was submitted has a status an admin could override.
    expect(await openActions(screen, 'Release Process')).toEqual(['Assign workflow', 'Override status', 'Submit']);
    expect(await openActions(screen, 'Engineering Home')).toEqual(['Assign workflow', 'Submit']);
    expect(await openActions(screen, 'Architecture')).toEqual(['Assign workflow']);
    await screen.click(cell(screen, 'Architecture').getByText('Actions'));
    expect(screen.queryByText('Assign workflow')).toBeNull();
    expect(typeOf('Architecture').getByType('Icon').props.label).toBe('Folder');
    expect(cell(screen, 'Architecture').getByText('No status')).toBeTruthy();
    // Alice's unpublished draft is hers alone.
    expect(screen.queryByText('Q4 Roadmap')).toBeNull();
    expect(screen.invocations.filter((call) => call.functionKey === 'getTreeLevel').map((call) => call.payload)).toEqual([
      { parent: { type: 'space' } },
      { parent: { type: 'page', id: '10001' } },
    ]);

    await screen.click('Release Process');
    await screen.waitFor(() => rowWith(screen, 'Hotfix Procedure'));
    await screen.click('Hotfix Procedure');
    await screen.waitFor(() => screen.getByText('No child pages or folders.'));
    await screen.click('Engineering Home');
    expect(screen.queryByText('Release Process')).toBeNull();
  });

  it('assigns a workflow to a subtree, and an already expanded child shows it as inherited', async () => {
    const screen = await openTree('u-frank');
    await screen.click('Engineering Home');
    await screen.waitFor(() => rowWith(screen, 'Release Process'));
    await screen.click('Release Process');
    await screen.waitFor(() => rowWith(screen, 'Release Checklist'));
    expect(cell(screen, 'Release Checklist').getByText('Any workflow')).toBeTruthy();

    await chooseAction(screen, 'Release Process', 'Assign workflow');
    const dialog = screen.within(screen.getByType('Modal'));
    await screen.select(dialog.getByLabel('Workflows'), ['Release review']);
    await screen.choose(dialog.getByLabel('Applies to'), 'This page and its children');
    await screen.click(dialog.getByText('Save assignment'));

    expect(screen.queryAllByType('Modal')).toEqual([]);
    expect(cell(screen, 'Release Process').getByText('Own assignment (this page and its children)')).toBeTruthy();
    await screen.waitFor(() => cell(screen, 'Release Checklist').getByText('Inherited from Release Process'));
    expect(cell(screen, 'Release Checklist').getByText('Release review')).toBeTruthy();
    expect(cell(screen, 'Onboarding Guide').getByText('Any workflow')).toBeTruthy();
    expect(screen.flags).toEqual([expect.objectContaining({ title: 'Workflow assigned', description: 'Release Process' })]);

    expect(cell(screen, 'Hotfix Procedure').getByText('Inherited from Release Process')).toBeTruthy();
    const children = ok(await frank('getTreeLevel', { parent: { type: 'page', id: '10020' } }));
    expect(children.rows.map((row) => [row.title, row.origin, row.fromPageId])).toEqual([
      ['Release Checklist', 'inherited', '10020'],
      ['Hotfix Procedure', 'inherited', '10020'],
    ]);

    // Emptying the assignment removes it; the children fall back to any workflow.
    await chooseAction(screen, 'Release Process', 'Assign workflow');
    await screen.select(screen.within(screen.getByType('Modal')).getByLabel('Workflows'), []);
    await screen.click(screen.within(screen.getByType('Modal')).getByText('Save assignment'));
    expect(cell(screen, 'Release Process').getByText('Any workflow')).toBeTruthy();
    await screen.waitFor(() => cell(screen, 'Release Checklist').getByText('Any workflow'));
    expect(screen.flags.map((f) => f.title)).toEqual(['Workflow assigned', 'Assignment removed']);
  });

  it('loads a long level a page at a time', async () => {
    for (let i = 1; i <= 260; i += 1) {
      app.site().addPage({ id: String(700000 + i), spaceId: '1001', parentId: '10050', title: `Runbook ${String(i).padStart(3, '0')}`, authorId: 'u-frank' });
    }
    const screen = await openTree('u-frank');
    await screen.click('Engineering Home');
    await screen.waitFor(() => rowWith(screen, 'Runbooks'));
    await screen.click('Runbooks');
    await screen.waitFor(() => screen.getByText('Load more'));
    expect(screen.queryByText('Runbook 260')).toBeNull();
    const before = screen.getAllByType('Row').length;

    await screen.click('Load more');
    await screen.waitFor(() => rowWith(screen, 'Runbook 260'));
    expect(screen.queryByText('Load more')).toBeNull();
    // 261 children: 250 came with the first call, the other 11 take the place of the "Load more" row.
    expect(screen.getAllByType('Row').length).toBe(before + 11 - 1);
  });

  it('overrides a status from the tree, and asks for the reason first', async () => {
    ok(await frank('setDefaultWorkflow', { workflowId: releaseReview }));
    ok(await app.as('u-alice').byline('submit', '10020', {}));
    const screen = await openTree('u-frank');
    await screen.click('Engineering Home');
    await screen.waitFor(() => rowWith(screen, 'Release Process'));

    await chooseAction(screen, 'Release Process', 'Override status');
    let dialog = screen.within(screen.getByType('Modal'));
    // With neither a status nor a reason, both problems show at once, and nothing is sent.
    await screen.click(dialog.getByText('Override status'));
    dialog = screen.within(screen.getByType('Modal'));
    expect(dialog.getAllByType('ErrorMessage').map((message) => screen.textContent(message))).toEqual(['Choose the status to set', 'A reason for the override is required']);
    expect(dialog.getByLabel('New status').props.isInvalid).toBe(true);
    expect(dialog.getByLabel('Reason').props.isInvalid).toBe(true);
    expect(screen.invocations.filter((call) => call.functionKey === 'overridePageStatus')).toEqual([]);

    // Choosing a status clears its message at once; the reason's stays until it is given.
    await screen.choose(dialog.getByLabel('New status'), 'Approved');
    dialog = screen.within(screen.getByType('Modal'));
    expect(dialog.getAllByType('ErrorMessage').map((message) => screen.textContent(message))).toEqual(['A reason for the override is required']);
    expect(dialog.getByLabel('New status').props.isInvalid).toBe(false);
    await screen.click(dialog.getByText('Override status'));
    dialog = screen.within(screen.getByType('Modal'));
    expect(dialog.getByText('A reason for the override is required').type).toBe('ErrorMessage');
    expect(cell(screen, 'Release Process').getByText('In Approval')).toBeTruthy();

    await screen.type(dialog.getByLabel('Reason'), 'Signed off in the release meeting');
    await screen.click(dialog.getByText('Override status'));

    expect(screen.queryAllByType('Modal')).toEqual([]);
    const approved = cell(screen, 'Release Process').getByText('Approved');
    expect(approved.type).toBe('Lozenge');
    expect(approved.props.appearance).toBe('success');
    expect(screen.flags).toEqual([expect.objectContaining({ title: 'Status overridden' })]);
    const level = ok(await frank('getTreeLevel', { parent: { type: 'page', id: '10001' } }));
    expect(level.rows.find((row) => row.id === '10020')?.status).toBe('approved');
  });

  it('submits a page with the workflow the admin picks', async () => {
    const screen = await openTree('u-frank');
    await screen.click('Engineering Home');
    await screen.waitFor(() => rowWith(screen, 'Onboarding Guide'));

    await chooseAction(screen, 'Onboarding Guide', 'Submit');
    let dialog = screen.within(screen.getByType('Modal'));
    await screen.click(dialog.getByText('Submit for approval'));
    dialog = screen.within(screen.getByType('Modal'));
    expect(dialog.getByText('Choose the workflow to submit the page with').type).toBe('ErrorMessage');

    await screen.choose(dialog.getByLabel('Workflow'), 'Runbook review');
    await screen.click(dialog.getByText('Submit for approval'));
    expect(screen.queryAllByType('Modal')).toEqual([]);
    expect(cell(screen, 'Onboarding Guide').getByText('In Approval').type).toBe('Lozenge');
    const approval = ok(await app.as('u-frank').byline('getPageApproval', '10030'));
    expect(JSON.stringify(approval)).toContain('Runbook review');
  });

  it('shows the tree without admin actions to someone who is not a space admin', async () => {
    const screen = await openTree('u-bob');
    expect(screen.queryByText('Actions')).toBeNull();
    await screen.click('Engineering Home');
    await screen.waitFor(() => rowWith(screen, 'Release Process'));
    for (const action of ['Assign workflow', 'Override status', 'Submit']) expect(screen.queryAllByType('Button').some((b) => screen.textContent(b) === action)).toBe(false);
    expect(screen.getAllByType('Cell').filter((c) => c.props.cellKey === 'actions')).toEqual([]);
  });
});
