import { join } from 'node:path';
import { type Sandbox, createSandbox } from '../../../sandbox';
import { BYLINE_PROPERTY_KEY } from '../../../src/shared/byline';
import { renderModule } from '../support/render';

const REPO_ROOT = join(__dirname, '..', '..', '..');
const RELEASE_PROCESS = { content: { id: '10020', type: 'page' }, space: { id: '1001', key: 'ENG' } };

describe('the byline dialog', () => {
  let sandbox: Sandbox;
  beforeEach(async () => {
    sandbox = await createSandbox({ appRoot: REPO_ROOT });
  });
  afterEach(() => sandbox.close());

  const open = (accountId: string) =>
    renderModule({ entry: 'src/frontend/byline.tsx', moduleKey: 'approval-byline', accountId, context: RELEASE_PROCESS, sandbox });

  it('says the page was never submitted when the app wrote no status', async () => {
    const screen = await open('u-grace');
    await screen.waitFor(() => screen.getByText('This page has not been submitted for approval.'));
  });

  it('shows the status the app wrote under the manifest contentPropertyKey, even to a viewer', async () => {
    const written = await sandbox.confluence.handle({
      method: 'POST',
      path: `/wiki/api/v2/pages/10020/properties`,
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ key: BYLINE_PROPERTY_KEY, value: { title: 'Approved v4', icon: 'data:image/svg+xml,', tooltip: 'Approved by Bob on 22 Nov 2026' } }),
      actor: { kind: 'app' },
    });
    expect(written.status).toBe(200);
    const screen = await open('u-grace');
    await screen.waitFor(() => screen.getByText('Approved v4'));
    expect(screen.textContent()).toContain('Approved by Bob on 22 Nov 2026');
  });
});
