/** The workflows tab's "Space variables" section: space admins add, change and remove named publish targets. */
import { ok, startApp, type TestApp } from '../../integration/support/app';
import { editorWorkflow, settingsAs } from '../../integration/support/settings';
import { openSettings, rowWith } from './settings-screen';

describe('space settings: space variables', () => {
  let app: TestApp;

  beforeEach(async () => {
    app = await startApp();
  });
  afterEach(() => app.close());

  const stored = async () => ok(await settingsAs(app, 'u-frank')('listSpaceVariables')).variables;

  it('a space admin adds a variable, sees every problem of the form at once, then changes and removes it', async () => {
    const admin = await openSettings(app, 'u-frank');
    await admin.waitFor(() => admin.queryByText('No space variables yet.') !== null);
    await admin.click('Add variable');

    await admin.type('Name', '1st target');
    await admin.type('Target space key', 'not a key');
    await admin.click('Save variable');
    await admin.waitFor(() => admin.getAllByType('ErrorMessage').length === 2);
    expect(admin.getAllByType('ErrorMessage').map((node) => admin.textContent(node))).toEqual([
      'A variable name starts with a letter and has only letters, digits and underscores',
      expect.stringMatching(/space key/i),
    ]);
    expect(admin.getByLabel('Name').props.isInvalid).toBe(true);
    expect(await stored()).toEqual([]);

    await admin.type('Name', 'publishTarget');
    await admin.type('Target space key', 'PUB');
    await admin.type('Parent page id (optional)', '30010');
    await admin.click('Save variable');
    await admin.waitFor(() => admin.queryByText('Save variable') === null);
    expect(admin.textContent(rowWith(admin, 'publishTarget'))).toContain('PUB');
    expect(await stored()).toEqual([{ name: 'publishTarget', spaceKey: 'PUB', parentPageId: '30010' }]);

    await admin.click(admin.within(rowWith(admin, 'publishTarget')).getByText('Edit'));
    expect(admin.getByLabel('Target space key').props.value).toBe('PUB');
    await admin.type('Parent page id (optional)', '');
    await admin.click('Save variable');
    await admin.waitFor(() => admin.textContent(rowWith(admin, 'publishTarget')).includes('PUB, top level'));
    expect(await stored()).toEqual([{ name: 'publishTarget', spaceKey: 'PUB' }]);

    await admin.click(admin.within(rowWith(admin, 'publishTarget')).getByText('Remove'));
    expect(admin.getByText('Remove publishTarget? No workflow publishes to it.')).toBeDefined();
    await admin.click('Remove it');
    await admin.waitFor(() => admin.queryByText('No space variables yet.') !== null);
    expect(await stored()).toEqual([]);
  });

  it("shows the server's refusal at the field it is about", async () => {
    const admin = await openSettings(app, 'u-frank');
    await admin.waitFor(() => admin.queryByText('Add variable') !== null);
    await admin.click('Add variable');
    await admin.type('Name', 'publishTarget');
    await admin.type('Target space key', 'NOPE');
    await admin.click('Save variable');
    await admin.waitFor(() => admin.queryByText("Space NOPE doesn't exist or you can't view it") !== null);
    expect(admin.getByText("Space NOPE doesn't exist or you can't view it").type).toBe('ErrorMessage');
    expect(admin.getByLabel('Target space key').props.isInvalid).toBe(true);
  });

  it('names the workflows publishing to a variable, in its row and before removing it', async () => {
    const frank = settingsAs(app, 'u-frank');
    ok(await frank('saveSpaceVariable', { variable: { name: 'publishTarget', spaceKey: 'PUB' } }));
    ok(await frank('createWorkflow', { workflow: editorWorkflow({ name: 'Release review', actions: { approved: [{ type: 'publish', target: { type: 'variable', name: 'publishTarget' } }] } }) }));
    await app.drain();
    const admin = await openSettings(app, 'u-frank');
    await admin.waitFor(() => admin.queryAllByType('Row').some((row) => admin.textContent(row).includes('Release review')));
    await admin.click(admin.within(rowWith(admin, 'publishTarget')).getByText('Remove'));
    expect(admin.getByText(/^Remove publishTarget\?/).type).toBe('Text');
    expect(admin.textContent(admin.getByText(/^Remove publishTarget\?/))).toBe(
      "Remove publishTarget? 'Release review' publishes to it: those publish actions report an error until it is added again.",
    );
    await admin.click('Keep');
    expect(await stored()).toEqual([{ name: 'publishTarget', spaceKey: 'PUB' }]);
  });

  it('someone who is no space admin does not see the section', async () => {
    const viewer = await openSettings(app, 'u-grace');
    await viewer.waitFor(() => viewer.getAllByText(/workflow/i).length > 0);
    expect(viewer.queryByText('Space variables')).toBeNull();
  });
});
