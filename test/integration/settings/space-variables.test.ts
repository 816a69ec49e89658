/**
 * Space variables: named publish targets a space admin keeps in the space settings, read by
 * anyone who can view the space (the workflow editor's target picker). Each save checks the
 * target as the admin, changes one variable, is audited once, and survives another admin's
 * change landing at the same time.
 */
import { ok, type refused, refusedUnchanged, SPACES, startApp, type TestApp } from '../support/app';
import { editorWorkflow, type EditorWorkflow, settingsAs, type SettingsCall, workflowAuditRows } from '../support/settings';

const HANDBOOK = '30010'; // Engineering Handbook, a page of PUB

describe('space variables', () => {
  let app: TestApp;
  let frank: SettingsCall;
  let heidi: SettingsCall;
  let grace: SettingsCall;

  beforeEach(async () => {
    app = await startApp();
    frank = settingsAs(app, 'u-frank');
    heidi = settingsAs(app, 'u-heidi');
    grace = settingsAs(app, 'u-grace');
  });
  afterEach(() => app.close());

  const unchangedBy = (call: () => Promise<unknown>) => refusedUnchanged(app, call);

  it('are added, renamed, changed and removed by a space admin, and read by anyone who can view the space', async () => {
    expect(ok(await grace('listSpaceVariables'))).toEqual({ variables: [], usedBy: {}, canManage: false });

    const added = ok(await frank('saveSpaceVariable', { variable: { name: 'publishTarget', spaceKey: 'PUB', parentPageId: HANDBOOK } }));
    expect(added).toEqual({ variables: [{ name: 'publishTarget', spaceKey: 'PUB', parentPageId: HANDBOOK }], usedBy: { publishTarget: [] }, canManage: true });
    ok(await frank('saveSpaceVariable', { variable: { name: 'archive', spaceKey: 'HR' } }));

    const renamed = ok(await frank('saveSpaceVariable', { previousName: 'publishTarget', variable: { name: 'handbook', spaceKey: 'PUB' } }));
    expect(renamed.variables).toEqual([
      { name: 'handbook', spaceKey: 'PUB' },
      { name: 'archive', spaceKey: 'HR' },
    ]);
    expect(ok(await frank('removeSpaceVariable', { name: 'ARCHIVE' })).variables).toEqual([{ name: 'handbook', spaceKey: 'PUB' }]);
    // Removing it again changes nothing and is no error: the list is what the admin wanted.
    expect(ok(await frank('removeSpaceVariable', { name: 'archive' })).variables).toEqual([{ name: 'handbook', spaceKey: 'PUB' }]);
    expect(ok(await grace('listSpaceVariables'))).toEqual({ variables: [{ name: 'handbook', spaceKey: 'PUB' }], usedBy: { handbook: [] }, canManage: false });
  });

  it('names the workflows publishing to each variable, so an admin knows whom a change affects', async () => {
    ok(await frank('saveSpaceVariable', { variable: { name: 'publishTarget', spaceKey: 'PUB' } }));
    ok(await frank('saveSpaceVariable', { variable: { name: 'archive', spaceKey: 'HR' } }));
    const publishing = (name: string, target: string) =>
      editorWorkflow({ name, actions: { approved: [{ type: 'publish', target: { type: 'variable', name: target } }] } as EditorWorkflow['actions'] });
    ok(await frank('createWorkflow', { workflow: publishing('Release review', 'PUBLISHTARGET') }));
    ok(await frank('createWorkflow', { workflow: publishing('Policy review', 'publishTarget') }));
    await app.drain();
    const usedBy = ok(await grace('listSpaceVariables')).usedBy;
    expect({ ...usedBy, publishTarget: [...usedBy.publishTarget].sort() }).toEqual({ publishTarget: ['Policy review', 'Release review'], archive: [] });
  });

  it('only a space admin changes them; someone who cannot see the space is told it does not exist', async () => {
    expect(await unchangedBy(() => grace('saveSpaceVariable', { variable: { name: 'publishTarget', spaceKey: 'PUB' } }))).toEqual({
      code: 'FORBIDDEN',
      message: 'Only space admins can change space variables. Nothing was changed.',
    });
    ok(await frank('saveSpaceVariable', { variable: { name: 'publishTarget', spaceKey: 'PUB' } }));
    expect((await unchangedBy(() => grace('removeSpaceVariable', { name: 'publishTarget' }))).code).toBe('FORBIDDEN');
    const ivan = settingsAs(app, 'u-ivan', 'HR');
    expect((await unchangedBy(() => ivan('listSpaceVariables'))).code).toBe('NOT_FOUND');
  });

  it('refuses a bad variable at its field: name, unknown space, a space the admin cannot add pages in, the own space, a parent elsewhere', async () => {
    const fieldOf = (error: ReturnType<typeof refused>) => (error.details as { issues: { path: string[]; message: string }[] }).issues;
    // Alice administers ENG (made so before the space's admins are first read and kept for 10 minutes), but may only view PUB.
    app.site().grantSpacePermission(SPACES.ENG.id, { type: 'user', id: 'u-alice' }, 'admin');
    const alice = settingsAs(app, 'u-alice');
    expect(fieldOf(await unchangedBy(() => alice('saveSpaceVariable', { variable: { name: 'target', spaceKey: 'PUB' } })))).toEqual([
      { path: ['variable', 'spaceKey'], message: "You can't add pages in space PUB, so you can't publish copies there" },
    ]);
    expect(fieldOf(await unchangedBy(() => frank('saveSpaceVariable', { variable: { name: '1st target', spaceKey: 'PUB' } })))).toEqual([
      { path: ['variable', 'name'], message: 'A variable name starts with a letter and has only letters, digits and underscores' },
    ]);
    expect(fieldOf(await unchangedBy(() => frank('saveSpaceVariable', { variable: { name: 'target', spaceKey: 'NOPE' } })))).toEqual([
      { path: ['variable', 'spaceKey'], message: "Space NOPE doesn't exist or you can't view it" },
    ]);
    expect(fieldOf(await unchangedBy(() => frank('saveSpaceVariable', { variable: { name: 'target', spaceKey: 'ENG' } })))).toEqual([
      { path: ['variable', 'spaceKey'], message: 'Publishing copies into this space (ENG) is not possible: Confluence allows one page of a title per space. Choose another space' },
    ]);
    expect(fieldOf(await unchangedBy(() => frank('saveSpaceVariable', { variable: { name: 'target', spaceKey: 'PUB', parentPageId: '20011' } })))).toEqual([
      { path: ['variable', 'parentPageId'], message: "Page 20011 doesn't exist in space PUB or you can't view it" },
    ]);


    ok(await frank('saveSpaceVariable', { variable: { name: 'publishTarget', spaceKey: 'PUB' } }));
    expect(fieldOf(await unchangedBy(() => frank('saveSpaceVariable', { variable: { name: 'PUBLISHTARGET', spaceKey: 'HR' } })))).toEqual([
      { path: ['variable', 'name'], message: 'There is already a variable named PUBLISHTARGET' },
    ]);
    expect(await unchangedBy(() => frank('saveSpaceVariable', { previousName: 'gone', variable: { name: 'gone', spaceKey: 'HR' } }))).toEqual({
      code: 'NOT_FOUND',
      message: 'The space variable gone was removed by another admin since you opened it. Nothing was changed: add it again.',
    });
  });

  it('keeps both of two admins saving different variables at the same moment', async () => {
    const [fromFrank, fromHeidi] = await Promise.all([
      frank('saveSpaceVariable', { variable: { name: 'handbook', spaceKey: 'PUB' } }),
      heidi('saveSpaceVariable', { variable: { name: 'archive', spaceKey: 'HR' } }),
    ]);
    ok(fromFrank);
    ok(fromHeidi);
    // Both read the row before either wrote: one lost the race, re-read the list and added its variable to it.
    expect(app.sandbox.ops.entries().filter((entry) => entry.operation === 'transaction' && entry.status === 409)).toHaveLength(1);
    const names = ok(await grace('listSpaceVariables')).variables.map((variable) => variable.name);
    expect(names.sort()).toEqual(['archive', 'handbook']);
  });

  it('keeps the space\'s other settings, and audits each change once, in words', async () => {
    ok(await frank('setReadersBanner', { shown: false }));
    ok(await frank('saveSpaceVariable', { variable: { name: 'publishTarget', spaceKey: 'PUB', parentPageId: HANDBOOK } }));
    ok(await frank('saveSpaceVariable', { previousName: 'publishTarget', variable: { name: 'publishTarget', spaceKey: 'PUB', parentPageId: HANDBOOK } }));
    ok(await frank('removeSpaceVariable', { name: 'publishTarget' }));
    expect(ok(await frank('listWorkflows')).readersBanner).toBe(false);
    await app.drain();
    const rows = (await workflowAuditRows(SPACES.ENG.id)).filter((row) => row.type === 'workflow.variableSet' || row.type === 'workflow.variableRemoved');
    expect(rows.map((row) => [row.type, row.actorId])).toEqual([
      ['workflow.variableSet', 'u-frank'],
      ['workflow.variableRemoved', 'u-frank'],
    ]);
    const exported = ok(await frank('exportAudit', {}));
    expect(exported.entries.filter((entry) => entry.type.startsWith('workflow.variable')).map((entry) => entry.summary)).toEqual([
      `Frank Spaceadmin set the space variable publishTarget to space PUB (under page ${HANDBOOK})`,
      'Frank Spaceadmin removed the space variable publishTarget',
    ]);
  });
});
