/**
 * Segregation of duties and who may see what: each refusal says why, with the code the UI
 * expects, and changes nothing.
 */
import { MODULES, ok, refusedUnchanged, SPACES, startApp, type TestApp } from '../support/app';
import { ENG_PAGE, singleStep, user } from '../core/fixtures';
import { type WorkflowDetailView } from '../../../src/shared/contract/settings';

describe('governance', () => {
  let app: TestApp;
  beforeEach(async () => {
    app = await startApp();
  });
  afterEach(() => app.close());

  async function expectRefusal(call: () => Promise<unknown>, expected: { code: string; message: string; details?: unknown }): Promise<void> {
    expect(await refusedUnchanged(app, call)).toMatchObject(expected);
  }

  describe('self-approval', () => {
    /** Alice writes ENG pages and may approve them herself only where an admin allowed it. */
    const selfReview = (selfApproval: boolean) => ({
      name: 'Self review',
      description: '',
      owners: ['u-alice'],
      steps: [{ id: 's', name: 'Review', approvers: [user('u-alice')], rule: { kind: 'any' } }],
      options: { selfApproval },
    });
    const settings = (accountId: string, functionKey: string, payload: unknown) => app.as(accountId).invoke(MODULES.settings, functionKey, payload, app.spaceContext('ENG'));

    it('a non-admin cannot turn it on, at creation or by an edit', async () => {
      await expectRefusal(() => settings('u-alice', 'createWorkflow', { workflow: selfReview(true) }), {
        code: 'VALIDATION',
        message: 'Only a space admin can allow self-approval. Turn it off to save, or ask a space admin to turn it on.',
        details: { issues: [{ path: ['workflow', 'options', 'selfApproval'], message: expect.any(String) }] },
      });
      const { workflow } = ok(await settings('u-alice', 'createWorkflow', { workflow: selfReview(false) })) as WorkflowDetailView;
      await expectRefusal(() => settings('u-alice', 'updateWorkflow', { workflowId: workflow.id, revision: workflow.revision, workflow: selfReview(true) }), {
        code: 'VALIDATION',
        message: 'Only a space admin can allow self-approval. Turn it off to save, or ask a space admin to turn it on.',
      });
    });

    it("an admin's grant lets the author approve her own page, and survives her edits while she keeps it on", async () => {
      const { workflow } = ok(await settings('u-frank', 'createWorkflow', { workflow: selfReview(true) })) as WorkflowDetailView;
      expect(workflow.selfApprovalGrant).toMatchObject({ by: 'u-frank' });
      const edited = ok(await settings('u-alice', 'updateWorkflow', { workflowId: workflow.id, revision: 0, workflow: { ...selfReview(true), description: 'Reworded' } })) as WorkflowDetailView;
      expect(edited.workflow.selfApprovalGrant).toEqual(workflow.selfApprovalGrant);
      ok(await settings('u-frank', 'setDefaultWorkflow', { workflowId: workflow.id }));
      const requestId = ok(await app.as('u-alice').byline('submit', ENG_PAGE)).request?.id ?? '';
      expect(ok(await app.as('u-alice').byline('approve', ENG_PAGE, { requestId, stepIndex: 0 })).status).toBe('approved');
    });

    it('once a non-admin turns it off, only an admin can turn it on again', async () => {
      const { workflow } = ok(await settings('u-frank', 'createWorkflow', { workflow: selfReview(true) })) as WorkflowDetailView;
      const off = ok(await settings('u-alice', 'updateWorkflow', { workflowId: workflow.id, revision: 0, workflow: selfReview(false) })) as WorkflowDetailView;
      expect(off.workflow.selfApprovalGrant).toBeUndefined();
      await expectRefusal(() => settings('u-alice', 'updateWorkflow', { workflowId: workflow.id, revision: 1, workflow: selfReview(true) }), {
        code: 'VALIDATION',
        message: 'Only a space admin can allow self-approval. Turn it off to save, or ask a space admin to turn it on.',
      });
      expect((ok(await settings('u-frank', 'updateWorkflow', { workflowId: workflow.id, revision: 1, workflow: selfReview(true) })) as WorkflowDetailView).workflow.selfApprovalGrant).toMatchObject({ by: 'u-frank' });
    });

    it('a workflow whose switch is on without an admin grant (saved before grants) does not let the author approve', async () => {
      await app.createWorkflow({ name: 'Old self review', steps: [{ id: 's', name: 'Review', approvers: [user('u-alice'), user('u-bob')], rule: { kind: 'any' } }], options: { selfApproval: true } }, 'default');
      const requestId = ok(await app.as('u-alice').byline('submit', ENG_PAGE)).request?.id ?? '';
      await expectRefusal(() => app.as('u-alice').byline('approve', ENG_PAGE, { requestId, stepIndex: 0 }), {
        code: 'FORBIDDEN',
        message: 'You submitted this page, and this workflow does not allow self-approval',
      });
    });
  });

  it('an owner who adds herself as approver after the submission still cannot decide: the request keeps its snapshot', async () => {
    const settings = (accountId: string, functionKey: string, payload: unknown) => app.as(accountId).invoke(MODULES.settings, functionKey, payload, app.spaceContext('ENG'));
    const draft = { name: 'Ops review', description: '', owners: ['u-alice'], steps: [{ id: 's', name: 'Review', approvers: [user('u-bob')], rule: { kind: 'any' } }] };
    const { workflow } = ok(await settings('u-alice', 'createWorkflow', { workflow: draft })) as WorkflowDetailView;
    ok(await settings('u-frank', 'setDefaultWorkflow', { workflowId: workflow.id }));
    const requestId = ok(await app.as('u-ivan').byline('submit', ENG_PAGE)).request?.id ?? '';
    ok(await settings('u-alice', 'updateWorkflow', { workflowId: workflow.id, revision: 0, workflow: { ...draft, steps: [{ ...draft.steps[0], approvers: [user('u-alice')] }] } }));
    await expectRefusal(() => app.as('u-alice').byline('approve', ENG_PAGE, { requestId, stepIndex: 0 }), {
      code: 'FORBIDDEN',
      message: 'You are not an approver of step 1 of 1 (Review)',
    });
    expect(ok(await app.as('u-bob').byline('approve', ENG_PAGE, { requestId, stepIndex: 0 })).status).toBe('approved');
  });

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
