import { kvs } from '@forge/kvs';
import { type AuditRow, ENTITY } from '../../../src/storage/entities';
import { ok, startApp, type TestApp } from '../../integration/support/app';
import { editorWorkflow, settingsAs } from '../../integration/support/settings';
import { chooseTab, openSettings } from './settings-screen';

describe('space settings: audit', () => {
  let app: TestApp;
  beforeEach(async () => {
    app = await startApp();
  });
  afterEach(() => app.close());

  it('shows a space admin the verified audit trail in chain order, and the same entries as CSV', async () => {
    const frank = settingsAs(app, 'u-frank');
    const { workflow } = ok(await frank('createWorkflow', { workflow: editorWorkflow({ name: 'Release review' }) }));
    ok(await frank('setDefaultWorkflow', { workflowId: workflow.id }));
    ok(await app.as('u-alice').byline('submit', '10020', {}));
    await app.drain();
    const exported = ok(await frank('exportAudit', {}));
    expect(exported.entries.length).toBeGreaterThanOrEqual(3);

    const screen = await openSettings(app, 'u-frank');
    await chooseTab(screen, 'Audit');
    await screen.waitFor(() => screen.getByText('Chain verified'));
    expect(screen.getByText('Chain verified').props.appearance).toBe('success');

    const rows = screen.getAllByType('Row');
    expect(rows.map((row) => screen.textContent(row.children[0]))).toEqual(exported.entries.map((entry) => String(entry.seq)));
    for (const entry of exported.entries) expect(screen.getAllByText(entry.summary).length).toBeGreaterThan(0);
    expect(screen.getByText(`All ${exported.entries.length} entries loaded.`)).toBeTruthy();

    await screen.click('Show as CSV');
    const csv = String(screen.getByType('CodeBlock').props.text).split('\n');
    expect(csv[0]).toBe('seq,at,type,actor,actorId,pageId,pageVersion,summary,comment,hash');
    expect(csv).toHaveLength(exported.entries.length + 1);
    expect(csv[1]).toContain(`"${exported.entries[0].hash}"`);
  });

  it('says so when an entry no longer matches the hash chain', async () => {
    const frank = settingsAs(app, 'u-frank');
    ok(await frank('createWorkflow', { workflow: editorWorkflow({ name: 'Release review' }) }));
    ok(await frank('createWorkflow', { workflow: editorWorkflow({ name: 'Runbook review' }) }));
    await app.drain();
    const [first] = ok(await frank('exportAudit', {})).entries;
    const table = kvs.entity<AuditRow>(ENTITY.auditEvent);
    const row = await table.get(first.id);
    if (row === undefined) throw new Error('the first audit entry is missing');
    await table.set(first.id, { ...row, actorId: 'u-bob' });

    const screen = await openSettings(app, 'u-frank');
    await chooseTab(screen, 'Audit');
    await screen.waitFor(() => screen.getByText('Chain broken'));
    expect(screen.getByText('Chain broken').props.appearance).toBe('removed');
    expect(screen.queryByText('Chain verified')).toBeNull();
    expect(screen.getByType('SectionMessage').props.title).toBe('The audit trail failed verification');
  });

  it('has no audit tab for people who are not space admins', async () => {
    const screen = await openSettings(app, 'u-alice');
    expect(screen.getAllByType('Tab').map((tab) => screen.textContent(tab))).toEqual(['Workflows', 'Manage space']);
  });
});
