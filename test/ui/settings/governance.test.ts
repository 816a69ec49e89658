/**
 * The settings screen's governance controls: who can create workflows (a space admin's choice on
 * the Workflows tab) and the self-approval switch, which only a space admin can turn on.
 */
import { ok, startApp, type TestApp } from '../../integration/support/app';
import { editorWorkflow, type SettingsCall, settingsAs } from '../../integration/support/settings';
import { type Screen } from '../support/render';
import { openSettings, rowWith } from './settings-screen';

const CREATORS = 'Who can create workflows in this space';
const ADMINS_ONLY = 'Only space admins can allow authors to approve their own pages.';
const GRANT_STANDS = 'A space admin allowed authors to approve their own pages in this workflow. You can turn it off; only a space admin can turn it on again.';

describe('space settings: governance', () => {
  let app: TestApp;
  let frank: SettingsCall;

  beforeEach(async () => {
    app = await startApp();
    frank = settingsAs(app, 'u-frank');
  });
  afterEach(() => app.close());

  /** The Create workflow buttons on the list (the header's, or the empty state's). */
  const createButtons = (screen: Screen) => screen.getAllByType('Button').filter((button) => screen.textContent(button) === 'Create workflow');

  describe('who can create workflows', () => {
    it('a space admin keeps creation to space admins; a viewer then sees a disabled button and why', async () => {
      const admin = await openSettings(app, 'u-frank');
      const choice = admin.getByLabel(CREATORS);
      expect(choice.type).toBe('RadioGroup');
      expect(choice.props.value).toBe('everyone');
      expect((choice.props.options as { label: string }[]).map((option) => option.label)).toEqual(['Everyone who can view the space', 'Space admins only']);
      await admin.choose(CREATORS, 'spaceAdmins');
      await admin.waitFor(() => admin.getByLabel(CREATORS).props.value === 'spaceAdmins');
      expect(ok(await frank('listWorkflows')).workflowCreators).toBe('spaceAdmins');
      expect(createButtons(admin).map((button) => button.props.isDisabled)).toEqual([false]);

      const viewer = await openSettings(app, 'u-grace');
      await viewer.waitFor(() => viewer.getByText('Only space admins can create workflows in this space.'));
      expect(viewer.queryByLabel(CREATORS)).toBeNull();
      const [button] = createButtons(viewer);
      expect(button.props.isDisabled).toBe(true);
      await expect(viewer.click(button)).rejects.toThrow('it is disabled');
    });

    it('a viewer sees no choice and an enabled button while everyone may create', async () => {
      ok(await frank('createWorkflow', { workflow: editorWorkflow() }));
      const viewer = await openSettings(app, 'u-grace');
      await viewer.waitFor(() => rowWith(viewer, 'Policy review'));
      expect(viewer.queryByLabel(CREATORS)).toBeNull();
      expect(viewer.queryByText('Only space admins can create workflows in this space.')).toBeNull();
      await viewer.click(createButtons(viewer)[0]);
      await viewer.waitFor(() => viewer.getByType('FormHeader').props.title === 'New workflow');
    });
  });

  describe('the self-approval switch', () => {
    async function openEditor(accountId: string, name: string): Promise<Screen> {
      const screen = await openSettings(app, accountId);
      await screen.waitFor(() => rowWith(screen, name));
      await screen.click(screen.within(rowWith(screen, name)).getByText('Edit'));
      await screen.waitFor(() => screen.getByType('FormHeader').props.title === 'Edit workflow');
      return screen;
    }

    it('is disabled for someone who is no space admin, with the reason under it; a space admin can turn it on', async () => {
      const author = await openSettings(app, 'u-alice');
      await author.click('Create workflow');
      const toggle = author.getByLabel('Allow self-approval');
      expect(toggle.props).toMatchObject({ isChecked: false, isDisabled: true });
      expect(author.getByText(ADMINS_ONLY).type).toBe('HelperMessage');
      await expect(author.check(toggle, true)).rejects.toThrow('it is disabled');

      const admin = await openSettings(app, 'u-frank');
      await admin.click('Create workflow');
      expect(admin.getByLabel('Allow self-approval').props.isDisabled).toBe(false);
      expect(admin.queryByText(ADMINS_ONLY)).toBeNull();
    });

    it("shows an admin's standing grant to an owner, who can turn it off but not on again", async () => {
      const { workflow } = ok(await frank('createWorkflow', { workflow: editorWorkflow({ owners: ['u-alice'], options: { selfApproval: true } }) }));
      expect(workflow.selfApprovalGrant).toMatchObject({ by: 'u-frank' });

      const owner = await openEditor('u-alice', 'Policy review');
      expect(owner.getByLabel('Allow self-approval').props).toMatchObject({ isChecked: true, isDisabled: false });
      expect(owner.getByText(GRANT_STANDS).type).toBe('HelperMessage');
      await owner.check('Allow self-approval', false);
      await owner.click('Save changes');
      await owner.waitFor(() => owner.flags.some((flag) => flag.title === 'Workflow saved'));
      const saved = ok(await frank('getWorkflow', { workflowId: workflow.id })).workflow;
      expect(saved.options.selfApproval).toBe(false);
      expect(saved.selfApprovalGrant).toBeUndefined();

      const again = await openEditor('u-alice', 'Policy review');
      expect(again.getByLabel('Allow self-approval').props).toMatchObject({ isChecked: false, isDisabled: true });
      expect(again.getByText(ADMINS_ONLY).type).toBe('HelperMessage');
    });
  });
});
