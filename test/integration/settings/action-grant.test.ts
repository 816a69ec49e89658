/**
 * Who may configure restriction and publish actions: a space admin of the workflow's space, who
 * may add pages in the publish target, recorded as the workflow's actions grant when they save.
 * A workflow owner who is not an admin keeps what an admin set up but cannot add or change it.
 * Before each run the grant's admin is checked again, afresh and as the app (no impersonation).
 */
import { checkActionGrant, type GrantedRun } from '../../../src/auth/action-grant-check';
import { ConfluenceBusyError } from '../../../src/confluence/http';
import { type Workflow, workflowActionSchema } from '../../../src/shared/workflow';
import { ok, type refused, refusedUnchanged, SPACES, startApp, type TestApp } from '../support/app';
import { editorWorkflow, type EditorWorkflow, settingsAs, type SettingsCall } from '../support/settings';

const HANDBOOK = '30010'; // Engineering Handbook, a page of PUB
const HR_PAGE = '20011'; // a page of HR, not of PUB

const publishToPub = { type: 'publish', target: { type: 'space', spaceKey: 'PUB', parentPageId: HANDBOOK } };
const removeRestrictions = { type: 'removeRestrictions' };
const label = { type: 'labels', add: ['approved'] };

/** Bob's workflow (he is an owner, not a space admin of ENG) with these actions on entering Approved. */
const withApproved = (approved: unknown[], overrides: Partial<EditorWorkflow> = {}): EditorWorkflow =>
  editorWorkflow({ name: 'Release review', owners: ['u-bob'], actions: { approved } as EditorWorkflow['actions'], ...overrides });

describe('who may configure restriction and publish actions', () => {
  let app: TestApp;
  let frank: SettingsCall;
  let bob: SettingsCall;

  beforeEach(async () => {
    app = await startApp();
    frank = settingsAs(app, 'u-frank');
    bob = settingsAs(app, 'u-bob');
  });
  afterEach(() => app.close());

  const unchangedBy = (call: () => Promise<unknown>) => refusedUnchanged(app, call);

  const issuesOf = (error: ReturnType<typeof refused>) => (error.details as { issues: { path: string[]; message: string }[] }).issues;

  it('refuses a non-admin adding them, at the action, and changes nothing', async () => {
    const error = await unchangedBy(() => bob('createWorkflow', { workflow: withApproved([label, publishToPub, removeRestrictions]) }));
    expect(error.code).toBe('VALIDATION');
    expect(issuesOf(error)).toEqual([
      {
        path: ['workflow', 'actions', 'approved', '1'],
        message:
          "On Approved, action 2: only a space admin can add or change this action (Publish page), because it runs with the app's permissions. Undo this change to save, or ask a space admin to make it",
      },
      { path: ['workflow', 'actions', 'approved', '2'], message: expect.stringContaining('(Remove restrictions)') },
    ]);
    expect(error.message).toMatch(/\(and 1 more problem\)$/);
    // Reported with the workflow's other problems, all at once.
    const both = await unchangedBy(() => bob('createWorkflow', { workflow: withApproved([publishToPub], { owners: ['u-bob', 'u-nobody'] }) }));
    expect(issuesOf(both).map((issue) => issue.path.join('.'))).toEqual(['workflow.owners.1', 'workflow.actions.approved.0']);
    // Actions that run with no more than the page's own powers need no admin.
    expect(ok(await bob('createWorkflow', { workflow: withApproved([label]) })).workflow.actionsGrant).toBeUndefined();
  });

  it("records an admin's save as the grant; the owner may then save other changes, keeping it, but not change those actions", async () => {
    const created = ok(await frank('createWorkflow', { workflow: withApproved([label, publishToPub, removeRestrictions]) })).workflow;
    expect(created.actionsGrant).toEqual({ by: 'u-frank', at: created.updatedAt });
    const edit = (workflow: Workflow, draft: EditorWorkflow) => bob('updateWorkflow', { workflowId: workflow.id, revision: workflow.revision, workflow: draft });

    const described = ok(await edit(created, withApproved([removeRestrictions, { type: 'labels', add: ['final'] }, publishToPub], { description: 'Reordered' }))).workflow;
    expect(described.actionsGrant).toEqual(created.actionsGrant);

    const changed = await unchangedBy(() => edit(described, withApproved([removeRestrictions, label, { ...publishToPub, includeDescendants: true }])));
    expect(issuesOf(changed).map((issue) => issue.path)).toEqual([['workflow', 'actions', 'approved', '2']]);
    const moved = await unchangedBy(() => edit(described, { ...withApproved([publishToPub]), actions: { approved: [publishToPub], expired: [removeRestrictions] } as EditorWorkflow['actions'] }));
    expect(issuesOf(moved).map((issue) => issue.path)).toEqual([['workflow', 'actions', 'expired', '0']]);

    // Taking one away is allowed: an owner may disable or delete the whole workflow anyway.
    const fewer = ok(await edit(described, withApproved([publishToPub]))).workflow;
    expect(fewer.actionsGrant).toEqual(created.actionsGrant);
    expect(ok(await edit(fewer, withApproved([label]))).workflow.actionsGrant).toBeUndefined();
  });

  it("checks each publish target for the saving admin: the space, their right to add pages there, the parent page, the variable", async () => {
    // Alice administers ENG too, but may only view PUB.
    app.site().grantSpacePermission(SPACES.ENG.id, { type: 'user', id: 'u-alice' }, 'admin');
    const alice = settingsAs(app, 'u-alice');
    const target = (t: Record<string, unknown>) => ({ type: 'publish', target: t });
    const error = await unchangedBy(() =>
      alice('createWorkflow', {
        workflow: withApproved([
          publishToPub,
          target({ type: 'space', spaceKey: 'NOPE' }),
          target({ type: 'space', spaceKey: 'ENG' }),
          target({ type: 'variable', name: 'publishTarget' }),
        ]),
      }),
    );
    expect(issuesOf(error)).toEqual([
      {
        path: ['workflow', 'actions', 'approved', '0', 'target', 'spaceKey'],
        message: "On Approved, action 1: you can't add pages in space PUB, so you can't publish copies there",
      },
      { path: ['workflow', 'actions', 'approved', '1', 'target', 'spaceKey'], message: "On Approved, action 2: space NOPE doesn't exist or you can't view it" },
      {
        path: ['workflow', 'actions', 'approved', '2', 'target', 'spaceKey'],
        message: 'On Approved, action 3: publishing copies into this space (ENG) is not possible: Confluence allows one page of a title per space. Choose another space',
      },
      {
        path: ['workflow', 'actions', 'approved', '3', 'target', 'name'],
        message: 'On Approved, action 4: there is no space variable named publishTarget: add it under Space variables in the space settings, or choose a space',
      },
    ]);

    const wrongParent = await unchangedBy(() => frank('createWorkflow', { workflow: withApproved([target({ type: 'space', spaceKey: 'PUB', parentPageId: HR_PAGE })]) }));
    expect(issuesOf(wrongParent)).toEqual([
      { path: ['workflow', 'actions', 'approved', '0', 'target', 'parentPageId'], message: `On Approved, action 1: page ${HR_PAGE} doesn't exist in space PUB or you can't view it` },
    ]);

    ok(await frank('saveSpaceVariable', { variable: { name: 'publishTarget', spaceKey: 'PUB' } }));
    expect(ok(await frank('createWorkflow', { workflow: withApproved([target({ type: 'variable', name: 'publishTarget' })]) })).workflow.actionsGrant?.by).toBe('u-frank');
  });

  it('counts adding pages through a space role, as Confluence does', async () => {
    // Judy holds PUB's Admin role and no permission names her; she is made an admin of ENG.
    app.site().grantSpacePermission(SPACES.ENG.id, { type: 'user', id: 'u-judy' }, 'admin');
    const judy = settingsAs(app, 'u-judy');
    expect(ok(await judy('createWorkflow', { workflow: withApproved([publishToPub]) })).workflow.actionsGrant?.by).toBe('u-judy');
  });

  describe('before each run', () => {
    const publish = workflowActionSchema.parse(publishToPub);
    const restrict = workflowActionSchema.parse(removeRestrictions);

    async function grantedRun(): Promise<GrantedRun> {
      const workflow = ok(await frank('createWorkflow', { workflow: withApproved([removeRestrictions, publishToPub]) })).workflow;
      return { spaceId: SPACES.ENG.id, spaceKey: SPACES.ENG.key, workflow, spaceVariables: [] };
    }

    /** The check's Confluence calls, made from no user's invocation, as the effects consumer makes them. */
    async function checked(run: GrantedRun, action: typeof publish) {
      const since = app.sandbox.ops.entries({ kind: 'confluence' }).length;
      const result = await checkActionGrant(run, action);
      return { result, calls: app.sandbox.ops.entries({ kind: 'confluence' }).slice(since) };
    }

    it('allows the actions while their admin keeps the rights, reading permissions as the app', async () => {
      const run = await grantedRun();
      const { result, calls } = await checked(run, publish);
      expect(result).toEqual({ allowed: true });
      expect(calls.map((call) => call.path.split('?')[0])).toEqual(
        expect.arrayContaining(['/wiki/api/v2/spaces/1001/permissions', '/wiki/api/v2/spaces/1003/permissions']),
      );
      // As a user the call would need an invocation's user (401) or impersonation (403): every call succeeded.
      expect(calls.every((call) => call.status === 200)).toBe(true);
      expect((await checkActionGrant({ ...run, workflow: { ...run.workflow, actionsGrant: undefined } }, restrict)).allowed).toBe(false);
      expect(await checkActionGrant(run, workflowActionSchema.parse(label))).toEqual({ allowed: true });
    });

    it('refuses once the admin is no longer a space admin of the page\'s space, however recently they were', async () => {
      const run = await grantedRun();
      app.site().revokeSpacePermission(SPACES.ENG.id, { type: 'user', id: 'u-frank' }, 'admin');
      const { result, calls } = await checked(run, restrict);
      expect(result).toEqual({
        allowed: false,
        message: 'Remove restrictions: Frank Spaceadmin, who set up this action, is no longer a space admin of ENG. A space admin must save the workflow again.',
      });
      expect(calls.every((call) => call.status === 200)).toBe(true);
    });

    it('refuses to publish once the admin may no longer add pages in the target, and lets the other actions run', async () => {
      const run = await grantedRun();
      app.site().revokeSpacePermission(SPACES.PUB.id, { type: 'user', id: 'u-frank' }, { key: 'create', targetType: 'page' });
      expect(await checkActionGrant(run, publish)).toEqual({
        allowed: false,
        message: 'Publish page: Frank Spaceadmin, who set up this action, can no longer add pages in PUB. A space admin must save the workflow again.',
      });
      expect(await checkActionGrant(run, restrict)).toEqual({ allowed: true });
    });

    it('throws a 429 for the runner to retry, and reads again on the retry', async () => {
      const run = await grantedRun();
      app.sandbox.faults.failNext('confluence', 1, { status: 429, retryAfterSeconds: 30 });
      await expect(checkActionGrant(run, publish)).rejects.toBeInstanceOf(ConfluenceBusyError);
      expect(await checkActionGrant(run, publish)).toEqual({ allowed: true });
    });

    it('reads a space variable target as it is when the run starts', async () => {
      ok(await frank('saveSpaceVariable', { variable: { name: 'publishTarget', spaceKey: 'PUB' } }));
      const workflow = ok(await frank('createWorkflow', { workflow: withApproved([{ type: 'publish', target: { type: 'variable', name: 'publishTarget' } }]) })).workflow;
      const [action] = workflow.actions.approved;
      const run: GrantedRun = { spaceId: SPACES.ENG.id, spaceKey: 'ENG', workflow, spaceVariables: [{ name: 'publishTarget', spaceKey: 'HR' }] };
      app.site().revokeSpacePermission(SPACES.HR.id, { type: 'user', id: 'u-frank' }, { key: 'create', targetType: 'page' });
      expect(await checkActionGrant(run, action)).toMatchObject({ allowed: false, message: expect.stringContaining('can no longer add pages in HR') });
      expect(await checkActionGrant({ ...run, spaceVariables: [] }, action)).toMatchObject({
        allowed: false,
        message: expect.stringMatching(/^Publish page: the space variable publishTarget no longer exists/),
      });
    });
  });
});
