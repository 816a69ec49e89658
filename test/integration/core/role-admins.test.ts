/**
 * Space admins granted through a role (Confluence's role-based space access) are space admins to
 * the app: the seed's Judy holds the "Admin" role of Published Handbook, and no permission names
 * her or her groups.
 */
import { DEMO_GROUPS, DEMO_ROLES } from '../../../sandbox/confluence';
import { ok, refused, SPACES, startApp, type TestApp } from '../support/app';
import { settingsAs } from '../support/settings';
import { singleStep } from './fixtures';

const HANDBOOK_PAGE = '30010'; // Engineering Handbook, in PUB

describe('space admins through roles', () => {
  let app: TestApp;
  beforeEach(async () => {
    app = await startApp();
  });
  afterEach(() => app.close());

  it('recognises a role-only admin in the settings, and nobody else gains the right', async () => {
    expect(ok(await settingsAs(app, 'u-judy', 'PUB')('listWorkflows')).isSpaceAdmin).toBe(true);
    expect(ok(await settingsAs(app, 'u-grace', 'PUB')('listWorkflows')).isSpaceAdmin).toBe(false);
    // The role is PUB's only: in ENG Judy is an ordinary viewer.
    expect(ok(await settingsAs(app, 'u-judy', 'ENG')('listWorkflows')).isSpaceAdmin).toBe(false);
  });

  it('lets a role-only admin submit and override within the cold-cache budget (≤ 5 Confluence calls)', async () => {
    await app.createWorkflow({ ...singleStep(), spaceId: SPACES.PUB.id }, 'default');
    app.sandbox.ops.reset();
    const submitted = ok(await app.as('u-judy').byline('submit', HANDBOOK_PAGE));
    expect(submitted.status).toBe('inApproval');
    expect(submitted.actions).toMatchObject({ withdraw: true, override: true });
    const call = app.sandbox.ops.lastInvocation('resolver');
    const confluenceCalls = app.sandbox.ops.forInvocation(call?.id ?? '').filter((entry) => entry.kind === 'confluence');
    expect(confluenceCalls.map((entry) => entry.path)).toEqual(expect.arrayContaining([expect.stringContaining('/role-assignments?role-id=')]));
    expect(confluenceCalls.length).toBeLessThanOrEqual(5);
    // Frank administers PUB directly; Grace only views: the override is Judy's through her role.
    const asGrace = ok(await app.as('u-grace').byline('getPageApproval', HANDBOOK_PAGE));
    expect(asGrace.actions.override).toBe(false);
  });

  it('recognises the members of a group that holds the admin role', async () => {
    app.site().assignSpaceRole(SPACES.PUB.id, DEMO_ROLES.admin, { type: 'group', id: DEMO_GROUPS.legal });
    expect(ok(await settingsAs(app, 'u-dana', 'PUB')('listWorkflows')).isSpaceAdmin).toBe(true);
    expect(ok(await settingsAs(app, 'u-eve', 'PUB')('listWorkflows')).isSpaceAdmin).toBe(true);
    expect(ok(await settingsAs(app, 'u-bob', 'PUB')('listWorkflows')).isSpaceAdmin).toBe(false);
  });

  it('refuses space-admin actions to someone whose role does not administer the space', async () => {
    const editor = app.site().addSpaceRole({ name: 'Editor', grants: 'edit' });
    app.site().assignSpaceRole(SPACES.PUB.id, editor.id, { type: 'user', id: 'u-bob' });
    const error = refused(await settingsAs(app, 'u-bob', 'PUB')('setDefaultWorkflow', { workflowId: null }));
    expect(error.code).toBe('FORBIDDEN');
  });
});
