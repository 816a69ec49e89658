/**
 * Segregation of duties and who may see what: each refusal says why, with the code the UI
 * expects, and changes nothing.
 */
import { MODULES, ok, refused, SPACES, startApp, type TestApp } from '../support/app';
import { singleStep, user } from '../core/fixtures';

describe('governance', () => {
  let app: TestApp;
  beforeEach(async () => {
    app = await startApp();
  });
  afterEach(() => app.close());

  async function expectRefusal(call: () => Promise<unknown>, expected: { code: string; message: string }): Promise<void> {
    await app.drain();
    const before = app.appState();
    expect(refused(await call())).toMatchObject(expected);
    await app.drain();
    expect(app.appState()).toEqual(before);
  }

  describe('the manage-space Submit', () => {
    it('is refused to an editor who is no space admin', async () => {
      await app.createWorkflow(singleStep(), 'default');
      await expectRefusal(() => app.as('u-alice').invoke(MODULES.settings, 'submitPage', { pageId: '10022' }, app.spaceContext('ENG')), {
        code: 'FORBIDDEN',
        message: 'Only space admins can submit pages from the space settings. Submit the page from its approval button instead.',
      });
    });

    it('works for a space admin', async () => {
      await app.createWorkflow(singleStep(), 'default');
      expect(ok(await app.as('u-frank').invoke(MODULES.settings, 'submitPage', { pageId: '10022' }, app.spaceContext('ENG')))).toMatchObject({ status: 'inApproval' });
    });
  });

  describe('the approval queue', () => {
    const tabs = ['pending', 'mine', 'approved', 'rejected'] as const;

    it.each(tabs)('answers NOT_FOUND on the %s tab to someone who cannot see the space, without naming its workflows', async (tab) => {
      await app.createWorkflow({ ...singleStep(), spaceId: SPACES.HR.id, name: 'Confidential policy sign-off', steps: [{ id: 's', name: 'Legal', approvers: [user('u-carol')], rule: { kind: 'any' } }] }, 'default');
      ok(await app.as('u-alice').byline('submit', '20011'));
      await app.drain();
      let answer: unknown;
      await expectRefusal(
        async () => (answer = await app.as('u-ivan').invoke(MODULES.queue, 'listQueue', { tab }, app.spaceContext('HR'))),
        { code: 'NOT_FOUND', message: "This space doesn't exist or you don't have permission to view it." },
      );
      expect(JSON.stringify(answer)).not.toContain('Confidential');
    });

    it('still lists the space for a viewer with nothing in it', async () => {
      await app.createWorkflow(singleStep(), 'default');
      const view = ok(await app.as('u-grace').invoke(MODULES.queue, 'listQueue', { tab: 'pending' }, app.spaceContext('ENG'))) as { items: unknown[]; workflows: { name: string }[] };
      expect(view.items).toEqual([]);
      expect(view.workflows.map((w) => w.name)).toEqual(['Quick review']);
    });
  });
});
