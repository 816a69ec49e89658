/**
 * Nobody decides on a request whose workflow they changed after its submission: the request keeps
 * its snapshot, and whoever changed the workflow since (an owner, a space admin, an approver) is
 * refused, in the dialog and from the queue alike. A change made before the submission does not count.
 */
import { MODULES, ok, refusedUnchanged, startApp, type TestApp } from '../support/app';
import { ENG_PAGE, user } from '../core/fixtures';
import { type BulkResultView } from '../../../src/shared/contract/queue';
import { editorWorkflow, type SettingsCall, settingsAs } from '../support/settings';

const REFUSAL = "You changed this workflow after this page was submitted, so you can't decide on this request.";

describe('deciding after changing the workflow', () => {
  let app: TestApp;
  let frank: SettingsCall;
  /** Bob both approves and owns it; Carol approves too. */
  const draft = editorWorkflow({
    name: 'Ops review',
    owners: ['u-bob'],
    steps: [{ id: 'review', name: 'Review', approvers: [user('u-bob'), user('u-carol')], rule: { kind: 'all' } }],
  });

  beforeEach(async () => {
    app = await startApp();
    frank = settingsAs(app, 'u-frank');
  });
  afterEach(() => app.close());

  async function workflowAsDefault(): Promise<{ id: string }> {
    const { workflow } = ok(await frank('createWorkflow', { workflow: draft }));
    ok(await frank('setDefaultWorkflow', { workflowId: workflow.id }));
    return workflow;
  }

  async function renameStep(accountId: string, workflowId: string, name: string): Promise<void> {
    const { workflow } = ok(await settingsAs(app, accountId)('getWorkflow', { workflowId }));
    ok(await settingsAs(app, accountId)('updateWorkflow', { workflowId, revision: workflow.revision, workflow: { ...draft, steps: [{ ...draft.steps[0], name }] } }));
  }

  async function expectRefused(call: () => Promise<unknown>): Promise<void> {
    expect(await refusedUnchanged(app, call)).toEqual({ code: 'FORBIDDEN', message: REFUSAL });
  }

  it('an approver who renames a step after the submission is refused, and the dialog no longer offers the decision', async () => {
    const workflow = await workflowAsDefault();
    const requestId = ok(await app.as('u-ivan').byline('submit', ENG_PAGE)).request?.id ?? '';
    expect(ok(await app.as('u-bob').byline('getPageApproval', ENG_PAGE)).actions.approve).toBe(true);

    await renameStep('u-bob', workflow.id, 'Ops check');
    expect(ok(await app.as('u-bob').byline('getPageApproval', ENG_PAGE)).actions).toMatchObject({ approve: false, reject: false });
    await expectRefused(() => app.as('u-bob').byline('approve', ENG_PAGE, { requestId, stepIndex: 0 }));
    await expectRefused(() => app.as('u-bob').byline('reject', ENG_PAGE, { requestId, stepIndex: 0, comment: 'No' }));
    const bulk = (await app.as('u-bob').invoke(MODULES.queue, 'bulkDecide', { decision: 'approve', items: [{ requestId, stepIndex: 0 }] }, app.spaceContext('ENG'))) as BulkResultView;
    expect(bulk).toMatchObject({ succeeded: 0, failed: 1, results: [{ requestId, ok: false, message: REFUSAL }] });

    // The request keeps its snapshot: Carol's approval is one of two, the step keeps its old name.
    const afterCarol = ok(await app.as('u-carol').byline('approve', ENG_PAGE, { requestId, stepIndex: 0 }));
    expect(afterCarol.status).toBe('inApproval');
    expect(afterCarol.request?.steps[0].name).toBe('Review');
  });

  it('a space admin who only disables it after the submission is refused too; the other approver decides', async () => {
    const { workflow } = ok(
      await frank('createWorkflow', {
        workflow: { ...draft, owners: ['u-frank'], steps: [{ id: 'review', name: 'Review', approvers: [user('u-frank'), user('u-carol')], rule: { kind: 'any' } }] },
      }),
    );
    ok(await frank('setDefaultWorkflow', { workflowId: workflow.id }));
    const requestId = ok(await app.as('u-ivan').byline('submit', ENG_PAGE)).request?.id ?? '';
    ok(await frank('setWorkflowEnabled', { workflowId: workflow.id, enabled: false }));
    await expectRefused(() => app.as('u-frank').byline('approve', ENG_PAGE, { requestId, stepIndex: 0 }));
    expect(ok(await app.as('u-carol').byline('approve', ENG_PAGE, { requestId, stepIndex: 0 })).status).toBe('approved');
  });

  it('a change made before the submission does not count, nor one before a later submission', async () => {
    const workflow = await workflowAsDefault();
    await renameStep('u-bob', workflow.id, 'Ops check');
    const first = ok(await app.as('u-ivan').byline('submit', ENG_PAGE)).request?.id ?? '';
    const decided = ok(await app.as('u-bob').byline('approve', ENG_PAGE, { requestId: first, stepIndex: 0 })).request?.steps[0];
    expect(decided?.approvers.find((approver) => approver.accountId === 'u-bob')?.decision).toBe('approve');

    ok(await app.as('u-ivan').byline('withdraw', ENG_PAGE, { requestId: first }));
    await renameStep('u-bob', workflow.id, 'Ops sign-off');
    const second = ok(await app.as('u-ivan').byline('submit', ENG_PAGE)).request?.id ?? '';
    // The new request is on the workflow as Bob left it, and he changed nothing since it was submitted.
    const approved = ok(await app.as('u-bob').byline('approve', ENG_PAGE, { requestId: second, stepIndex: 0 })).request?.steps[0];
    expect(approved?.name).toBe('Ops sign-off');
    expect(approved?.approvers.find((approver) => approver.accountId === 'u-bob')?.decision).toBe('approve');
  });
});
