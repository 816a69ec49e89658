import { ok, startApp, type TestApp } from '../../integration/support/app';
import { editorWorkflow, settingsAs } from '../../integration/support/settings';
import { type Screen } from '../support/render';
import { formSection, openSettings, pickPeople, rowWith } from './settings-screen';

/** The section of the editor that lists what runs on entering `state` (e.g. "Approved"). */
const stateSection = (screen: Screen, state: string) => screen.within(formSection(screen, `On entering ${state}`));

/** The headings of a state's actions, in order ("1. Manage labels", …). */
function actionHeadings(screen: Screen, state: string): string[] {
  return stateSection(screen, state)
    .getAllByType('Heading')
    .map((heading) => screen.textContent(heading));
}

async function addAction(screen: Screen, state: string, type: string): Promise<void> {
  await screen.select(stateSection(screen, state).getByLabel('Add action'), type);
}

async function openNewWorkflow(app: TestApp): Promise<Screen> {
  const screen = await openSettings(app, 'u-frank');
  await screen.click('Create workflow');
  await screen.type('Name', 'Handbook publishing');
  await pickPeople(screen, screen.within(formSection(screen, 'Step 1')).getByLabel('Approvers (people)'), ['u-bob']);
  return screen;
}

describe('space settings: the actions of a workflow', () => {
  let app: TestApp;

  beforeEach(async () => {
    app = await startApp();
  });
  afterEach(() => app.close());

  it('adds, edits, reorders and removes actions per state, previews a title change and saves them in the listed order', async () => {
    const screen = await openNewWorkflow(app);
    expect(stateSection(screen, 'Approved').getByText('No actions.')).toBeTruthy();
    expect(screen.getAllByType('FormSection').map((section) => section.props.title)).toEqual(
      expect.arrayContaining(['On entering In Approval', 'On entering Approved', 'On entering Changes Requested', 'On entering Expired', 'On entering Draft (withdrawn)']),
    );

    await addAction(screen, 'Approved', 'Manage labels');
    await addAction(screen, 'Approved', 'Modify title');
    await addAction(screen, 'Approved', 'Publish page');
    await addAction(screen, 'Approved', 'Set official version');
    expect(actionHeadings(screen, 'Approved')).toEqual(['1. Manage labels', '2. Modify title', '3. Publish page', '4. Set official version']);
    expect(stateSection(screen, 'Approved').queryByText('No actions.')).toBeNull();

    await screen.type(stateSection(screen, 'Approved').getByLabel('Labels to add'), 'approved, handbook');
    await screen.type(stateSection(screen, 'Approved').getByLabel('Labels to remove'), 'draft');

    // The preview runs the action's own rule on a sample title, which the admin can change.
    const title = () => stateSection(screen, 'Approved');
    expect(title().getByText('New title: Release Process')).toBeTruthy();
    await screen.type(title().getByLabel('Text before the title'), '[Approved] ');
    expect(title().getByText('New title: [Approved] Release Process')).toBeTruthy();
    await screen.type(title().getByLabel('Try it on a title'), '[Approved] Hotfix Procedure');
    expect(title().getByText('New title: [Approved] Hotfix Procedure')).toBeTruthy();
    await screen.choose(title().getByLabel('Change to the title'), 'regex');
    expect(title().getByText('Enter a pattern to see the new title.')).toBeTruthy();
    await screen.type(title().getByLabel('Pattern'), '^\\[Approved\\] ');
    await screen.type(title().getByLabel('Replacement'), 'Official: ');
    expect(title().getByText('New title: Official: Hotfix Procedure')).toBeTruthy();

    await screen.type(stateSection(screen, 'Approved').getByLabel('Target space key'), 'PUB');
    await screen.type(stateSection(screen, 'Approved').getByLabel('Parent page id'), '30010');
    await screen.check(stateSection(screen, 'Approved').getByLabel('Include child pages'));
    expect(stateSection(screen, 'Approved').getByLabel('On re-approval, update the earlier copy instead of making another').props.isChecked).toBe(true);

    // Publish moves up above the title change; the official version goes again.
    const publish = stateSection(screen, 'Approved').getAllByType('ButtonGroup')[2];
    await screen.click(screen.within(publish).getByText('Move up'));
    expect(actionHeadings(screen, 'Approved')).toEqual(['1. Manage labels', '2. Publish page', '3. Modify title', '4. Set official version']);
    await screen.click(screen.within(stateSection(screen, 'Approved').getAllByType('ButtonGroup')[3]).getByText('Remove action'));
    expect(actionHeadings(screen, 'Approved')).toEqual(['1. Manage labels', '2. Publish page', '3. Modify title']);
    // The moved action kept what was typed into it.
    expect(stateSection(screen, 'Approved').getByLabel('Target space key').props.value).toBe('PUB');

    await addAction(screen, 'Draft (withdrawn)', 'Remove restrictions');
    expect(stateSection(screen, 'Draft (withdrawn)').getByText(/^Removes every view and edit restriction/)).toBeTruthy();

    await screen.click('Create workflow');
    await screen.waitFor(() => rowWith(screen, 'Handbook publishing'));
    const frank = settingsAs(app, 'u-frank');
    const [saved] = ok(await frank('listWorkflows')).workflows;
    const { workflow } = ok(await frank('getWorkflow', { workflowId: saved.id }));
    expect(workflow.actions.approved).toEqual([
      { type: 'labels', add: ['approved', 'handbook'], remove: ['draft'] },
      {
        type: 'publish',
        target: { type: 'space', spaceKey: 'PUB', parentPageId: '30010' },
        includeDescendants: true,
        includeAttachments: false,
        includeLabels: false,
        updateExisting: true,
      },
      { type: 'title', mode: 'regex', value: 'Official: ', pattern: '^\\[Approved\\] ' },
    ]);
    expect(workflow.actions.draft).toEqual([{ type: 'removeRestrictions' }]);
    expect(workflow.actions.inApproval).toEqual([]);
  });

  it('shows every problem under its field and in the summary: the shared schemas before sending, then the workflow checks', async () => {
    const screen = await openNewWorkflow(app);
    await addAction(screen, 'Approved', 'Manage labels');
    await addAction(screen, 'Approved', 'Publish page');
    await addAction(screen, 'Changes Requested', 'Modify title');
    await addAction(screen, 'Changes Requested', 'Notify');
    await addAction(screen, 'Expired', 'Manage labels');
    await screen.choose(stateSection(screen, 'Changes Requested').getByLabel('Change to the title'), 'regex');
    await screen.type(stateSection(screen, 'Changes Requested').getByLabel('Pattern'), '([A-Z');
    // A label with a character Confluence refuses is caught by the shared schema, before sending.
    await screen.type(stateSection(screen, 'Expired').getByLabel('Labels to remove'), 'in-review draft!');
    await screen.click('Create workflow');

    expect(stateSection(screen, 'Approved').getByLabel('Target space key').props.isInvalid).toBe(true);
    const expired = stateSection(screen, 'Expired');
    expect(expired.getByText('A label cannot contain spaces or any of : ; , . ? & [ ] ( ) # ^ * @ !').type).toBe('ErrorMessage');
    expect(expired.getByLabel('Labels to remove').props.isInvalid).toBe(true);
    const changes = stateSection(screen, 'Changes Requested');
    expect(changes.getByText('The new title shows once the pattern is a valid regular expression.')).toBeTruthy();
    expect(changes.getByText('Add at least one recipient').type).toBe('ErrorMessage');
    expect(changes.getByText('Message is required').type).toBe('ErrorMessage');
    let summary = screen.getByType('SectionMessage');
    expect(summary.props.title).toBe('Fix 4 problems to save this workflow');
    expect(screen.within(summary).getByText('• On Changes Requested, action 2: add at least one recipient')).toBeTruthy();
    expect(screen.invocations.filter((call) => call.functionKey === 'createWorkflow')).toEqual([]);

    // Each message goes as its field is fixed.
    await screen.type(stateSection(screen, 'Expired').getByLabel('Labels to remove'), 'in-review draft');
    expect(stateSection(screen, 'Expired').queryAllByType('ErrorMessage')).toEqual([]);
    await screen.type(stateSection(screen, 'Approved').getByLabel('Target space key'), 'PUB');
    await screen.select(stateSection(screen, 'Changes Requested').getByLabel('Mention: variables'), '@author');
    await screen.type(stateSection(screen, 'Changes Requested').getByLabel('Message'), 'Please look at the comments.');
    expect(screen.queryAllByType('SectionMessage')).toEqual([]);

    // What only the workflow checks know: a labels action with no label, a pattern that does not compile.
    await screen.click('Create workflow');
    summary = screen.getByType('SectionMessage');
    expect(summary.props.title).toBe('Fix 2 problems to save this workflow');
    const labels = 'On Approved, action 1: add or remove at least one label';
    expect(stateSection(screen, 'Approved').getByText(labels).type).toBe('ErrorMessage');
    expect(stateSection(screen, 'Approved').getByLabel('Labels to add').props.isInvalid).toBe(true);
    expect(stateSection(screen, 'Changes Requested').getByText(/^On Changes Requested, action 1: the pattern is not a valid regular expression/).type).toBe('ErrorMessage');
    expect(screen.within(summary).getByText(`• ${labels}`)).toBeTruthy();

    await screen.type(stateSection(screen, 'Approved').getByLabel('Labels to add'), 'approved');
    await screen.type(stateSection(screen, 'Changes Requested').getByLabel('Pattern'), '^DRAFT: ');
    expect(screen.queryAllByType('ErrorMessage')).toEqual([]);
    await screen.click('Create workflow');
    await screen.waitFor(() => rowWith(screen, 'Handbook publishing'));
    const frank = settingsAs(app, 'u-frank');
    const [saved] = ok(await frank('listWorkflows')).workflows;
    const { workflow } = ok(await frank('getWorkflow', { workflowId: saved.id }));
    expect(workflow.actions.changesRequested).toEqual([
      { type: 'title', mode: 'regex', value: '', pattern: '^DRAFT: ' },
      { type: 'notify', recipients: [{ type: 'variable', variable: '@author' }], message: 'Please look at the comments.' },
    ]);
    expect(workflow.actions.expired).toEqual([{ type: 'labels', add: [], remove: ['in-review', 'draft'] }]);
  });

  it('loads saved actions into the editor, people, groups and variables each in their picker, and keeps them on save', async () => {
    const alice = settingsAs(app, 'u-frank');
    ok(
      await alice('createWorkflow', {
        workflow: editorWorkflow({
          name: 'Release review',
          actions: {
            approved: [
              {
                type: 'addRestrictions',
                operation: 'read',
                principals: [
                  { type: 'user', accountId: 'u-carol' },
                  { type: 'group', groupId: 'g-legal', name: 'legal' },
                  { type: 'variable', variable: '@owners' },
                ],
              },
            ],
            expired: [{ type: 'notify', recipients: [{ type: 'variable', variable: '@reviewers' }], message: 'The approval expired.' }],
          },
        }),
      }),
    );
    const screen = await openSettings(app, 'u-frank');
    await screen.waitFor(() => rowWith(screen, 'Release review'));
    await screen.click(screen.within(rowWith(screen, 'Release review')).getByText('Edit'));
    await screen.waitFor(() => screen.getByType('FormHeader').props.title === 'Edit workflow');

    const approved = stateSection(screen, 'Approved');
    expect(approved.getByLabel('Restrict').props.value).toBe('read');
    expect(approved.getByLabel('Who can view: people').props.defaultValue).toEqual(['u-carol']);
    expect(approved.getByLabel('Who can view: groups').props.value).toEqual([{ label: 'legal', value: 'g-legal' }]);
    expect(approved.getByLabel('Who can view: variables').props.value).toEqual([{ label: '@owners', value: '@owners' }]);
    const expired = stateSection(screen, 'Expired');
    expect(expired.getByLabel('Message').props.value).toBe('The approval expired.');

    await screen.choose(approved.getByLabel('Restrict'), 'update');
    expect(stateSection(screen, 'Approved').getByLabel('Who can edit: people')).toBeTruthy();
    await screen.type(expired.getByLabel('Message'), 'The approval expired: please resubmit.');
    await screen.click('Save changes');
    await screen.waitFor(() => rowWith(screen, 'Release review'));

    const [saved] = ok(await alice('listWorkflows')).workflows;
    const { workflow } = ok(await alice('getWorkflow', { workflowId: saved.id }));
    expect(workflow.actions.approved).toEqual([
      {
        type: 'addRestrictions',
        operation: 'update',
        principals: [
          { type: 'user', accountId: 'u-carol' },
          { type: 'group', groupId: 'g-legal', name: 'legal' },
          { type: 'variable', variable: '@owners' },
        ],
      },
    ]);
    expect(workflow.actions.expired).toEqual([{ type: 'notify', recipients: [{ type: 'variable', variable: '@reviewers' }], message: 'The approval expired: please resubmit.' }]);
  });
  it("publishes to a space variable chosen from the space's variables", async () => {
    const frank = settingsAs(app, 'u-frank');
    ok(await frank('saveSpaceVariable', { variable: { name: 'publishTarget', spaceKey: 'PUB', parentPageId: '30010' } }));
    const screen = await openNewWorkflow(app);
    await addAction(screen, 'Approved', 'Publish page');
    await screen.choose(stateSection(screen, 'Approved').getByLabel('Publish to'), 'variable');
    expect(stateSection(screen, 'Approved').queryByLabel('Target space key')).toBeNull();
    // "Publish to" is offered once the space's variables have loaded.
    expect(stateSection(screen, 'Approved').getByLabel('Space variable').props.options).toEqual([{ label: 'publishTarget', value: 'publishTarget' }]);
    await screen.select(stateSection(screen, 'Approved').getByLabel('Space variable'), 'publishTarget');
    await screen.click('Create workflow');
    await screen.waitFor(() => rowWith(screen, 'Handbook publishing'));

    const [saved] = ok(await frank('listWorkflows')).workflows;
    const { workflow } = ok(await frank('getWorkflow', { workflowId: saved.id }));
    expect(workflow.actions.approved).toEqual([
      { type: 'publish', target: { type: 'variable', name: 'publishTarget' }, includeDescendants: false, includeAttachments: false, includeLabels: false, updateExisting: true },
    ]);
  });
  it("shows a problem with an action as a whole under the action's heading: an owner who is not a space admin changing a publish target", async () => {
    const publish = { type: 'publish' as const, target: { type: 'space' as const, spaceKey: 'PUB' } };
    ok(await settingsAs(app, 'u-frank')('createWorkflow', { workflow: editorWorkflow({ name: 'Release review', owners: ['u-frank', 'u-alice'], actions: { approved: [publish] } }) }));
    const screen = await openSettings(app, 'u-alice');
    await screen.waitFor(() => rowWith(screen, 'Release review'));
    await screen.click(screen.within(rowWith(screen, 'Release review')).getByText('Edit'));
    await screen.waitFor(() => screen.getByType('FormHeader').props.title === 'Edit workflow');
    await screen.type(stateSection(screen, 'Approved').getByLabel('Parent page id'), '30010');
    await screen.click('Save changes');

    await screen.waitFor(() => screen.getByType('SectionMessage'));
    const [problem] = stateSection(screen, 'Approved').getAllByType('ErrorMessage');
    expect(screen.textContent(problem)).toMatch(/^On Approved, action 1: only a space admin can add or change this action \(Publish page\)/);
    // Under the heading, above the fields: it is about the action, not one field.
    const card = stateSection(screen, 'Approved').getAllByType('Box')[0];
    const parts = card.children[0].children.map((child) => child.type);
    expect(parts.slice(0, 2)).toEqual(['Inline', 'Stack']);
    expect(screen.within(card.children[0].children[1]).getByType('ErrorMessage')).toBe(problem);
    expect(stateSection(screen, 'Approved').getByLabel('Target space key').props.isInvalid).toBe(false);
  });
});
