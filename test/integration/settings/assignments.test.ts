import { kvs } from '@forge/kvs';
import { type TreeRowView } from '../../../src/shared/contract/settings';
import { ENTITY, type SpaceSettingsRow } from '../../../src/storage/entities';
import { ok, refused, SPACES, startApp, type TestApp } from '../support/app';
import { editorWorkflow, type SettingsCall, settingsAs, workflowAuditRows } from '../support/settings';

type Parent = { type: 'space' } | { type: 'page' | 'folder'; id: string };

async function level(call: SettingsCall, parent: Parent): Promise<Map<string, TreeRowView>> {
  const result = ok(await call('getTreeLevel', { parent }));
  return new Map(result.rows.map((row) => [row.id, row]));
}

describe('space default, assignments and the manage-space tree', () => {
  let app: TestApp;
  let frank: SettingsCall;
  let standard: string;
  let architecture: string;
  let release: string;

  beforeEach(async () => {
    app = await startApp();
    frank = settingsAs(app, 'u-frank');
    const single = { steps: [editorWorkflow().steps[0]] };
    standard = ok(await frank('createWorkflow', { workflow: editorWorkflow({ ...single, name: 'Standard review' }) })).workflow.id;
    architecture = ok(await frank('createWorkflow', { workflow: editorWorkflow({ ...single, name: 'Architecture review' }) })).workflow.id;
    release = ok(await frank('createWorkflow', { workflow: editorWorkflow({ ...single, name: 'Release sign-off' }) })).workflow.id;
  });

  afterEach(() => app.close());

  it('shows own, inherited and space-default workflows level by level', async () => {
    ok(await frank('setDefaultWorkflow', { workflowId: standard }));
    const folderRow = ok(await frank('assignWorkflow', { pageId: '10010', workflowIds: [architecture], scope: 'subtree' }));
    expect(folderRow).toMatchObject({
      id: '10010',
      type: 'folder',
      title: 'Architecture',
      status: null,
      lozenge: null,
      origin: 'own',
      workflows: [{ id: architecture, name: 'Architecture review' }],
      ownAssignment: { workflowIds: [architecture], scope: 'subtree' },
    });
    ok(await frank('assignWorkflow', { pageId: '10020', workflowIds: [release, standard], scope: 'page' }));

    const root = await level(frank, { type: 'space' });
    // The space's blog follows its root pages, as its own group.
    expect([...root.keys()]).toEqual(['10001', 'blog']);
    expect(root.get('10001')).toMatchObject({ origin: 'spaceDefault', workflows: [{ id: standard, name: 'Standard review' }], status: 'draft' });

    const home = await level(frank, { type: 'page', id: '10001' });
    expect([...home.keys()]).toEqual(['10010', '10020', '10030', '10040', '10050']);
    expect(home.get('10010')).toMatchObject({ origin: 'own', workflows: [{ id: architecture }] });
    expect(home.get('10020')).toMatchObject({
      origin: 'own',
      workflows: [{ id: release }, { id: standard }],
      ownAssignment: { workflowIds: [release, standard], scope: 'page' },
    });
    expect(home.get('10030')).toMatchObject({ origin: 'spaceDefault', workflows: [{ id: standard }] });
    expect(home.get('10030')?.ownAssignment).toBeUndefined();

    const inFolder = await level(frank, { type: 'folder', id: '10010' });
    expect(inFolder.get('10011')).toMatchObject({ origin: 'inherited', fromPageId: '10010', workflows: [{ id: architecture }] });
    const deeper = await level(frank, { type: 'page', id: '10011' });
    expect([...deeper.values()].map((row) => [row.id, row.origin, row.fromPageId])).toEqual([
      ['10012', 'inherited', '10010'],
      ['10013', 'inherited', '10010'],
    ]);
    // A page-only assignment does not reach the page's children.
    const belowRelease = await level(frank, { type: 'page', id: '10020' });
    expect(belowRelease.get('10021')).toMatchObject({ origin: 'spaceDefault', workflows: [{ id: standard }] });
  });

  it('falls back to every enabled workflow without a default, and removes an assignment given no workflows', async () => {
    expect((await level(frank, { type: 'page', id: '10001' })).get('10030')).toMatchObject({ origin: 'space' });
    expect((await level(frank, { type: 'page', id: '10001' })).get('10030')?.workflows.map((w) => w.name)).toEqual([
      'Architecture review',
      'Release sign-off',
      'Standard review',
    ]);
    ok(await frank('assignWorkflow', { pageId: '10030', workflowIds: [release], scope: 'subtree' }));
    expect((await level(frank, { type: 'page', id: '10030' })).get('10031')).toMatchObject({ origin: 'inherited', fromPageId: '10030' });
    const removed = ok(await frank('assignWorkflow', { pageId: '10030', workflowIds: [], scope: 'subtree' }));
    expect(removed).toMatchObject({ id: '10030', origin: 'space' });
    expect(removed.ownAssignment).toBeUndefined();
    expect((await level(frank, { type: 'page', id: '10030' })).get('10031')).toMatchObject({ origin: 'space' });
  });

  it('keeps both of two assignments made by two admins at the same time', async () => {
    const heidi = settingsAs(app, 'u-heidi');
    const [first, second] = await Promise.all([
      frank('assignWorkflow', { pageId: '10020', workflowIds: [release], scope: 'subtree' }),
      heidi('assignWorkflow', { pageId: '10030', workflowIds: [standard], scope: 'page' }),
    ]);
    expect([ok(first).origin, ok(second).origin]).toEqual(['own', 'own']);
    const home = await level(frank, { type: 'page', id: '10001' });
    expect(home.get('10020')?.ownAssignment).toEqual({ workflowIds: [release], scope: 'subtree' });
    expect(home.get('10030')?.ownAssignment).toEqual({ workflowIds: [standard], scope: 'page' });
  });

  it('marks the space default in the list and clears it', async () => {
    const list = ok(await frank('setDefaultWorkflow', { workflowId: release }));
    expect(list.defaultWorkflowId).toBe(release);
    expect(list.workflows.filter((w) => w.isDefault).map((w) => w.name)).toEqual(['Release sign-off']);
    expect(ok(await settingsAs(app, 'u-grace')('listWorkflows')).defaultWorkflowId).toBe(release);
    expect(ok(await frank('setDefaultWorkflow', { workflowId: null })).defaultWorkflowId).toBeNull();
  });

  it('refuses non-admins, pages of other spaces, and disabled or unknown workflows, changing nothing', async () => {
    const alice = settingsAs(app, 'u-alice');
    expect(refused(await alice('setDefaultWorkflow', { workflowId: standard }))).toEqual({
      code: 'FORBIDDEN',
      message: "Only space admins can set the space's default workflow. Nothing was changed.",
    });
    expect(refused(await alice('assignWorkflow', { pageId: '10020', workflowIds: [standard], scope: 'page' }))).toEqual({
      code: 'FORBIDDEN',
      message: 'Only space admins can assign workflows to pages. Nothing was changed.',
    });
    expect(refused(await frank('assignWorkflow', { pageId: '20011', workflowIds: [standard], scope: 'page' }))).toEqual({
      code: 'NOT_FOUND',
      message: "This page isn't in this space, or you don't have permission to view it.",
    });
    expect(refused(await frank('assignWorkflow', { pageId: '999999', workflowIds: [standard], scope: 'page' })).code).toBe('NOT_FOUND');
    ok(await frank('setWorkflowEnabled', { workflowId: release, enabled: false }));
    expect(refused(await frank('assignWorkflow', { pageId: '10020', workflowIds: [release], scope: 'page' }))).toEqual({
      code: 'PRECONDITION',
      message: "'Release sign-off' is disabled. Enable it first, then assign it.",
    });
    expect(refused(await frank('setDefaultWorkflow', { workflowId: 'wf-unknown' })).code).toBe('NOT_FOUND');

    const home = await level(frank, { type: 'page', id: '10001' });
    expect([...home.values()].every((row) => row.ownAssignment === undefined && row.origin === 'space')).toBe(true);
    expect(ok(await frank('listWorkflows')).defaultWorkflowId).toBeNull();
  });

  it('shows each page with its approval status, and only what the caller may see', async () => {
    ok(await app.as('u-alice').byline('submit', '10022', { workflowId: standard }));
    const belowRelease = await level(settingsAs(app, 'u-grace'), { type: 'page', id: '10020' });
    expect(belowRelease.get('10022')).toMatchObject({ status: 'inApproval', lozenge: { text: 'In Approval', appearance: 'inprogress' } });
    expect(belowRelease.get('10021')).toMatchObject({ status: 'draft', lozenge: { text: 'Draft', appearance: 'default' } });

    const asGrace = ok(await settingsAs(app, 'u-grace')('getTreeLevel', { parent: { type: 'page', id: '10001' } }));
    expect(ok(await settingsAs(app, 'u-grace')('getTreeLevel', { parent: { type: 'space' } })).isSpaceAdmin).toBe(false);
    expect(asGrace.rows.map((row) => row.id)).not.toContain('10040');
    expect(refused(await settingsAs(app, 'u-grace')('getTreeLevel', { parent: { type: 'page', id: '10040' } })).code).toBe('NOT_FOUND');
    expect(refused(await frank('getTreeLevel', { parent: { type: 'page', id: '20010' } })).code).toBe('NOT_FOUND');
    expect(refused(await frank('getTreeLevel', { parent: { type: 'page', id: '20011' } }))).toEqual({
      code: 'NOT_FOUND',
      message: "This page isn't in this space, or you don't have permission to view it.",
    });
  });

  it('audits the default and every assignment change against the page it is about', async () => {
    ok(await frank('setDefaultWorkflow', { workflowId: standard }));
    ok(await frank('assignWorkflow', { pageId: '10020', workflowIds: [release], scope: 'subtree' }));
    ok(await frank('assignWorkflow', { pageId: '10020', workflowIds: [release], scope: 'subtree' }));
    ok(await frank('assignWorkflow', { pageId: '10020', workflowIds: [], scope: 'subtree' }));
    await app.drain();
    const rows = (await workflowAuditRows(SPACES.ENG.id)).filter((row) => row.type !== 'workflow.created');
    expect(rows.map((row) => [row.type, row.pageId, row.actorId])).toEqual([
      ['workflow.defaultSet', '-', 'u-frank'],
      ['workflow.assigned', '10020', 'u-frank'],
      ['workflow.assigned', '10020', 'u-frank'],
    ]);
    expect(rows[1].body).toMatchObject({ workflowId: release, details: { workflowIds: [release], workflowNames: ['Release sign-off'], scope: 'subtree', previous: null } });
    expect(rows[2].body).toMatchObject({ details: { workflowIds: [], scope: null, previous: { workflowIds: [release], scope: 'subtree' } } });
  });
});

describe('a space with as many assignments as one settings row holds', () => {
  it('refuses one more assignment with a way forward, and keeps the existing ones', async () => {
    const app = await startApp();
    try {
      const frank = settingsAs(app, 'u-frank');
      const { workflow } = ok(await frank('createWorkflow', { workflow: editorWorkflow({ steps: [editorWorkflow().steps[0]] }) }));
      // Real page ids have ten digits; fill the row to just under its limit.
      const assignment = { workflowIds: [workflow.id], scope: 'page' as const };
      const entryBytes = JSON.stringify({ '3000000000': assignment }).length - 1;
      const count = Math.floor((235 * 1024 - 40) / entryBytes);
      const pages = Object.fromEntries(Array.from({ length: count }, (_, i) => [`${3_000_000_000 + i}`, assignment]));
      const row: SpaceSettingsRow = { revision: 1, updatedAt: '2026-11-01T10:00:00.000Z', body: { defaultWorkflowId: null, pages } };
      await kvs.entity<SpaceSettingsRow>(ENTITY.spaceSettings).set(SPACES.ENG.id, row);

      const error = refused(await frank('assignWorkflow', { pageId: '10020', workflowIds: [workflow.id], scope: 'subtree' }));
      expect(error.code).toBe('PRECONDITION');
      expect(error.message).toBe(
        'This space has reached the most page assignments ApprovalFlow can keep. Nothing was changed: ' +
          'assign workflows to parent pages with "this page and its children" instead of page by page.',
      );
      expect(count).toBeGreaterThan(2_500);
      const home = await level(frank, { type: 'page', id: '10001' });
      expect(home.get('10020')?.ownAssignment).toBeUndefined();
      expect(Object.keys((await kvs.entity<SpaceSettingsRow>(ENTITY.spaceSettings).get(SPACES.ENG.id))?.body.pages ?? {})).toHaveLength(count);
    } finally {
      app.close();
    }
  });
});
