import { kvs } from '@forge/kvs';
import { type AuditRow, ENTITY } from '../../../src/storage/entities';
import { ok, startApp, type TestApp } from '../../integration/support/app';
import { editorWorkflow, settingsAs } from '../../integration/support/settings';
import { type ExportedEntry, firstBrokenSeq } from '../../integration/support/offline-audit';
import { type ForgeDoc } from '../../../sandbox/ui-host';
import { type Screen } from '../support/render';
import { chooseTab, openSettings } from './settings-screen';

function sectionTitled(screen: Screen, title: string): ForgeDoc {
  const found = screen.getAllByType('SectionMessage').find((section) => section.props.title === title);
  if (found === undefined) throw new Error(`No section message titled ${title}`);
  return found;
}

/** The text of the CodeBlock in `language` that starts with `start`. */
function codeBlock(screen: Screen, language: string, start: string): string {
  const found = screen.getAllByType('CodeBlock').map((block) => block.props).filter((props) => props.language === language && String(props.text).startsWith(start));
  if (found.length !== 1) throw new Error(`${found.length} ${language} code blocks start with ${start}`);
  return String(found[0].text);
}

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
    // A page by its title and version above what happened, not its id; a hash short, with the full one on hover.
    const submitted = exported.entries.find((entry) => entry.pageId === '10020');
    expect(submitted?.pageTitle).toBe('Release Process');
    expect(screen.getAllByText(`Release Process (v${submitted?.pageVersion})`).length).toBeGreaterThan(0);
    expect(screen.queryByText(/^10020/)).toBeNull();
    const hashCells = rows.map((row) => screen.within(row.children[4]));
    expect(hashCells.map((cell) => screen.textContent(cell.getByType('Code')))).toEqual(exported.entries.map((entry) => entry.hash.slice(0, 10)));
    expect(hashCells.map((cell) => cell.getByType('Tooltip').props.content)).toEqual(exported.entries.map((entry) => entry.hash));

    await screen.click('Show as CSV');
    const csv = codeBlock(screen, 'text', 'seq,').split('\n');
    expect(csv[0]).toBe('seq,at,type,actor,actorId,pageId,pageTitle,pageVersion,summary,comment,hash,prevHash,key,spaceId,bodyHash,body');
    expect(csv).toHaveLength(exported.entries.length + 1);
    expect(csv[1]).toContain(`"${exported.entries[0].hash}","${exported.entries[0].hashed.prevHash}","${exported.entries[0].id}"`);

    await screen.click('Show as JSON');
    const offline = JSON.parse(codeBlock(screen, 'json', '{')) as { head: { seq: number; hash: string }; entries: ExportedEntry[] };
    expect(offline.entries).toHaveLength(exported.entries.length);
    expect(firstBrokenSeq(offline.head, offline.entries)).toBeNull();
  });

  it('states the chain head to keep, and checks a pinned head against the chain', async () => {
    const frank = settingsAs(app, 'u-frank');
    ok(await frank('createWorkflow', { workflow: editorWorkflow({ name: 'Release review' }) }));
    await app.drain();
    const screen = await openSettings(app, 'u-frank');
    await chooseTab(screen, 'Audit');
    await screen.waitFor(() => screen.getByText('Chain verified'));
    const pinned = codeBlock(screen, 'text', '1:');
    expect(pinned).toMatch(/^1:[0-9a-f]{64}$/);
    // Times in the order of the viewer's locale (the sandbox's is en-US), in the table as in the head.
    expect(screen.getByText(/^As of \w{3} \d{1,2}, \d{4}, \d{1,2}:\d{2} (AM|PM)\. Keep it outside Confluence/).type).toBe('Text');
    expect(screen.textContent(screen.getAllByType('Row')[0].children[1])).toMatch(/^\w{3} \d{1,2}, \d{4}, \d{1,2}:\d{2} (AM|PM)$/);
    const british = await openSettings(app, 'u-frank', 'en-GB');
    await chooseTab(british, 'Audit');
    await british.waitFor(() => british.getByText('Chain verified'));
    expect(british.getByText(/^As of \d{1,2} \w{3} \d{4}, \d{2}:\d{2}\. Keep it outside Confluence/).type).toBe('Text');
    expect(british.textContent(british.getAllByType('Row')[0].children[1])).toMatch(/^\d{1,2} \w{3} \d{4}, \d{2}:\d{2}$/);

    ok(await frank('createWorkflow', { workflow: editorWorkflow({ name: 'Runbook review' }) }));
    await app.drain();
    await screen.type('Pinned head', pinned);
    await screen.click('Check');
    await screen.waitFor(() => screen.getByText(/^The chain still contains the pinned entry unchanged/));
    expect(sectionTitled(screen, 'Pinned head found').props.appearance).toBe('success');
    expect(screen.getByText(/^The chain still contains the pinned entry unchanged/)).toBeTruthy();

    const table = kvs.entity<AuditRow>(ENTITY.auditEvent);
    const [first] = ok(await frank('exportAudit', {})).entries;
    const row = await table.get(first.id);
    if (row === undefined) throw new Error('the first audit entry is missing');
    await table.set(first.id, { ...row, actorId: 'u-bob' });
    await screen.click('Check');
    await screen.waitFor(() => sectionTitled(screen, 'The chain does not hold the pinned head'));
    expect(screen.getByText(/^Entry 1 no longer has the pinned hash/)).toBeTruthy();

    await screen.type('Pinned head', 'yesterday');
    await screen.click('Check');
    expect(screen.getByText(/^Paste the head of an earlier export as seq:hash/)).toBeTruthy();
    expect(screen.queryAllByType('SectionMessage').map((section) => section.props.title)).not.toContain('The chain does not hold the pinned head');
  });

  it('marks entries on pages the admin cannot view as restricted and says how many there are', async () => {
    const frank = settingsAs(app, 'u-frank');
    const { workflow } = ok(await frank('createWorkflow', { workflow: editorWorkflow({ name: 'Release review' }) }));
    ok(await frank('setDefaultWorkflow', { workflowId: workflow.id }));
    ok(await app.as('u-alice').byline('submit', '10020', { comment: 'Please check the rollout' }));
    await app.drain();
    app.site().setRestriction('10020', 'read', { users: ['u-alice', app.site().appAccountId] });

    const screen = await openSettings(app, 'u-frank');
    await chooseTab(screen, 'Audit');
    await screen.waitFor(() => screen.getByText('Chain verified'));
    expect(screen.getByType('SectionMessage').props.title).toBe('Some entries are on pages you cannot view');
    expect(screen.getByText(/^1 of the loaded entries are about pages a view restriction hides from you/)).toBeTruthy();
    expect(screen.getByText('10020 (restricted page)')).toBeTruthy();
    expect(screen.queryByText(/rollout/)).toBeNull();
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
