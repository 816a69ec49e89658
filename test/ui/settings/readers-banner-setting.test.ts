/** The workflows tab's switch "Show readers which version is approved": space admins only. */
import { ok, startApp, type TestApp } from '../../integration/support/app';
import { settingsAs } from '../../integration/support/settings';
import { openSettings } from './settings-screen';

const LABEL = 'Show readers which version is approved';

describe('space settings: the readers banner switch', () => {
  let app: TestApp;

  beforeEach(async () => {
    app = await startApp();
  });
  afterEach(() => app.close());

  it('a space admin turns the banner off and on; the words say who it is for', async () => {
    const admin = await openSettings(app, 'u-frank');
    await admin.waitFor(() => admin.queryByLabel(LABEL) !== null);
    const toggle = admin.getByLabel(LABEL);
    expect(toggle.type).toBe('Toggle');
    expect(toggle.props.isChecked).toBe(true);
    expect(admin.getByText(/^For readers of pages in this space:/).type).toBe('HelperMessage');

    await admin.check(toggle, false);
    await admin.waitFor(() => admin.getByLabel(LABEL).props.isChecked === false);
    expect(ok(await settingsAs(app, 'u-frank')('listWorkflows')).readersBanner).toBe(false);

    await admin.check(admin.getByLabel(LABEL), true);
    await admin.waitFor(() => admin.getByLabel(LABEL).props.isChecked === true);
    expect(ok(await settingsAs(app, 'u-frank')('listWorkflows')).readersBanner).toBe(true);
  });

  it('someone who is no space admin does not see the switch', async () => {
    const viewer = await openSettings(app, 'u-grace');
    await viewer.waitFor(() => viewer.getAllByText(/workflow/i).length > 0);
    expect(viewer.queryByLabel(LABEL)).toBeNull();
  });
});
