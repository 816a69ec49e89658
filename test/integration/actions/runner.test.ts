/**
 * The actions runner through the whole app: people submit, decide, withdraw and override from the
 * byline dialog, the effects queue runs the actions of the state the page entered, and what they
 * did shows in Confluence (the emulator), in the operation log and in the page's history.
 */
import { kvs } from '@forge/kvs';
import { ActionLedger, ActionRunHeldError } from '../../../src/actions/action-ledger';
import { type OpEntry } from '../../../sandbox/runtime/op-log';
import { type WorkflowAction, type WorkflowActions } from '../../../src/shared/workflow';
import { ENTITY, type WorkflowRow } from '../../../src/storage/entities';
import { ok, startApp, type TestApp } from '../support/app';
import { auditEntriesOf, decideOnPage, submitPage, withdrawPage } from '../support/effects-journey';

const PAGE = '10020';
const ENG = '1001';

let app: TestApp;

afterEach(() => app.close());

type ActionsDraft = Partial<Record<keyof WorkflowActions, WorkflowAction[]>>;

/** A one-step workflow (Bob approves, Carol owns it) with these actions, the space's default, saved by Frank, ENG's space admin. */
async function workflowWith(actions: ActionsDraft): Promise<void> {
  await app.createWorkflow(
    { name: 'Release review', owners: ['u-carol'], steps: [{ id: 'review', name: 'Review', approvers: [{ type: 'user', accountId: 'u-bob' }], rule: { kind: 'any' } }], actions },
    'default',
  );
}

async function approve(): Promise<void> {
  await submitPage(app, PAGE, 'u-alice');
  await app.drain();
  await decideOnPage(app, PAGE, 'u-bob', 'approve');
  await app.drain();
}

/** What the page's history says about its workflow actions, newest first. */
async function actionEntries(): Promise<string[]> {
  const view = ok(await app.as('u-frank').byline('getPageApproval', PAGE));
  return view.history.entries.map((entry) => entry.summary).filter((summary) => summary.startsWith('Workflow actions'));
}

const confluenceCalls = (method: string, path: RegExp): OpEntry[] =>
  app.sandbox.ops.entries({ kind: 'confluence' }).filter((op) => op.method === method && path.test(op.path) && op.status < 400);

const labelWrites = () => confluenceCalls('POST', /\/content\/10020\/label/);
const titleWrites = () => confluenceCalls('PUT', /\/pages\/10020(\?|$)/);

/** When a call started and ended on the wall clock (the op log records its end and its slept latency). */
const span = (op: OpEntry) => ({ start: Date.parse(op.at) - op.durationMs, end: Date.parse(op.at) });

const LABELS_AND_TITLE: WorkflowAction[] = [
  { type: 'labels', add: ['approved'], remove: ['process'] },
  { type: 'title', mode: 'suffix', value: ' (approved)' },
];

describe('actions on entering a state', () => {
  it('run when the page is approved, and the history lists what each did', async () => {
    app = await startApp();
    await workflowWith({ approved: [...LABELS_AND_TITLE, { type: 'setOfficialVersion' }] });
    await approve();

    expect(app.site().labelsOf(PAGE)).toEqual(['approved']);
    expect(app.site().page(PAGE)?.title).toBe('Release Process (approved)');
    expect(app.site().propertyOf(PAGE, 'approvalflow-official-version')).toMatchObject({ version: 4 });
    const [entry] = await actionEntries();
    expect(entry).toBe(
      'Workflow actions on entering Approved: 3 succeeded (Manage labels: added approved and removed process; ' +
        'Modify title: renamed "Release Process" to "Release Process (approved)" (version 5); Set official version: version 4 is the official version)',
    );
    // The app's retitle is its own version: the page stays Approved, not Outdated.
    expect(app.bylineProperty(PAGE)?.title).toMatch(/^Approved/);
  });

  it('remove restrictions first, run phase 2 in parallel, and publish a settle after phase 2 has finished', async () => {
    app = await startApp({ latency: { confluence: 40 } });
    await workflowWith({
      approved: [
        { type: 'publish', target: { type: 'space', spaceKey: 'PUB' }, includeDescendants: false, includeAttachments: false, includeLabels: true, updateExisting: true },
        { type: 'addRestrictions', operation: 'update', principals: [{ type: 'variable', variable: '@author' }] },
        ...LABELS_AND_TITLE,
        { type: 'removeRestrictions' },
      ],
    });
    // Edit restrictions that let the app in, as Confluence requires for it to change them.
    app.site().setRestriction(PAGE, 'update', { users: ['u-alice', 'u-bob', app.sandbox.appAccountId] });
    await submitPage(app, PAGE, 'u-alice');
    await app.drain();
    const before = app.sandbox.ops.entries().length;
    await decideOnPage(app, PAGE, 'u-bob', 'approve');
    await app.drain();

    const ops = app.sandbox.ops.entries({ kind: 'confluence' }).filter((op) => op.seq > before);
    const labelRead = ops.find((op) => op.method === 'GET' && /\/pages\/10020\/labels/.test(op.path));
    const titleRead = ops.find((op) => op.method === 'GET' && /\/pages\/10020\?body-format=storage/.test(op.path));
    if (labelRead === undefined || titleRead === undefined) throw new Error('the labels and title actions did not read the page');
    // Phase 1 ended before phase 2 began, though the workflow lists it last.
    const removal = confluenceCalls('DELETE', /\/content\/10020\/restriction/);
    const addition = confluenceCalls('POST', /\/content\/10020\/restriction/);
    expect(removal).toHaveLength(1);
    expect(addition).toHaveLength(1);
    expect(span(removal[0]).end).toBeLessThanOrEqual(Math.min(span(labelRead).start, span(titleRead).start, span(addition[0]).start));
    expect(app.site().restrictionsOf(PAGE).update.users).not.toContain('u-bob');
    expect(app.site().restrictionsOf(PAGE).update.users).toContain('u-alice');
    // The labels and the title actions read the page at the same time: their calls overlap.
    expect(span(labelRead).start).toBeLessThan(span(titleRead).end);
    expect(span(titleRead).start).toBeLessThan(span(labelRead).end);

    const phase2End = Math.max(...[...labelWrites(), ...titleWrites(), ...addition].map((op) => span(op).end));
    const copy = confluenceCalls('POST', /\/content\/10020\/copy/);
    expect(copy).toHaveLength(1);
    expect(span(copy[0]).start - phase2End).toBeGreaterThanOrEqual(1000);
    // Phase 3 came after everything of phase 2 in the log.
    expect(copy[0].seq).toBeGreaterThan(Math.max(...[...labelWrites(), ...titleWrites(), ...addition].map((op) => op.seq)));
    expect(await actionEntries()).toEqual([
      'Workflow actions on entering Approved: 5 succeeded (Publish page: published to PUB as "Release Process (approved)"; Add restrictions: editing restricted to 1 person; ' +
        'Manage labels: added approved and removed process; Modify title: renamed "Release Process" to "Release Process (approved)" (version 5); ' +
        'Remove restrictions: removed the edit restrictions (3 people))',
    ]);
  });

  it('record a failing action while the others succeed, and the page is in its new state', async () => {
    app = await startApp();
    await workflowWith({
      approved: [{ type: 'publish', target: { type: 'variable', name: 'publishTarget' }, includeDescendants: false, includeAttachments: false, includeLabels: false, updateExisting: true }, ...LABELS_AND_TITLE],
    });
    await approve();

    expect(app.site().labelsOf(PAGE)).toEqual(['approved']);
    expect(app.site().page(PAGE)?.title).toBe('Release Process (approved)');
    expect(app.bylineProperty(PAGE)?.title).toMatch(/^Approved/);
    const [entry] = await actionEntries();
    expect(entry).toMatch(/^Workflow actions on entering Approved: 2 succeeded \(Manage labels: .*\), 1 failed \(Publish page: the space variable publishTarget no longer exists\. /);
    const stored = (await auditEntriesOf(ENG)).filter(({ row }) => row.body.kind === 'actions');
    expect(stored).toHaveLength(1);
    expect(stored[0].row.sealed).toBe(true);
    expect(stored[0].row.body).toMatchObject({
      kind: 'actions',
      state: 'approved',
      results: [
        { action: 'Publish page', ok: false },
        { action: 'Manage labels', ok: true, message: 'Manage labels: added approved and removed process' },
        { action: 'Modify title', ok: true },
      ],
    });
  });

  it('name the people their variables stand for when they run, not when the page was submitted', async () => {
    app = await startApp();
    await workflowWith({
      approved: [
        {
          type: 'addRestrictions',
          operation: 'read',
          principals: [
            { type: 'variable', variable: '@owners' },
            { type: 'variable', variable: '@lastEditor' },
            { type: 'variable', variable: '@reviewers' },
          ],
        },
      ],
    });
    await submitPage(app, PAGE, 'u-alice');
    await app.drain();
    // While Bob reviews, the workflow's owner changes from Carol to Dana, and Ivan edits the page.
    const table = kvs.entity<WorkflowRow>(ENTITY.workflow);
    const [workflowId] = (await table.query().index('by-space', { partition: [ENG] }).getMany()).results.map((row) => row.key);
    const row = await table.get(workflowId);
    if (row === undefined) throw new Error('the workflow was not stored');
    await table.set(workflowId, { ...row, body: { ...row.body, owners: ['u-dana'] } });
    await app.sandbox.editPage(PAGE, 'u-ivan', { body: '<p>Releases ship every second Tuesday, at noon.</p>' });
    await app.drain();
    await decideOnPage(app, PAGE, 'u-bob', 'approve');
    await app.drain();

    const readers = app.site().restrictionsOf(PAGE).read.users;
    expect(readers).toEqual(expect.arrayContaining(['u-dana', 'u-ivan', 'u-bob']));
    expect(readers).not.toContain('u-carol');
  });

  it("take the last editor to be the last person who edited, not the app's own retitle", async () => {
    app = await startApp();
    const notifyLastEditor: WorkflowAction = { type: 'notify', recipients: [{ type: 'variable', variable: '@lastEditor' }], message: 'Your edit is in the approved version.' };
    await workflowWith({ approved: [{ type: 'title', mode: 'suffix', value: ' (approved)' }, notifyLastEditor] });
    await app.sandbox.editPage(PAGE, 'u-ivan', { body: '<p>Releases ship every second Tuesday, at noon.</p>' });
    await approve();
    // The title action made version 6 as the app; the admin confirms the approval, which runs the actions again.
    expect(app.site().page(PAGE)?.title).toBe('Release Process (approved)');
    ok(await app.as('u-frank').byline('override', PAGE, { targetStatus: 'approved', reason: 'Confirmed in the release meeting' }));
    await app.drain();

    const notices = app.site().commentsOn(PAGE).filter((comment) => comment.body.value.includes('Your edit is in the approved version.'));
    expect(notices.map((comment) => comment.mentions)).toEqual([['u-ivan'], ['u-ivan']]);
  });

  it('do nothing twice when the queue delivers the job twice', async () => {
    app = await startApp();
    await workflowWith({
      approved: [
        ...LABELS_AND_TITLE,
        { type: 'notify', recipients: [{ type: 'variable', variable: '@reviewers' }], message: 'Release Process is approved: announce it.' },
        { type: 'publish', target: { type: 'space', spaceKey: 'PUB' }, includeDescendants: false, includeAttachments: false, includeLabels: false, updateExisting: true },
      ],
    });
    app.sandbox.queue.duplicateDelivery = true;
    await approve();

    // The approval's job did come twice.
    expect(app.sandbox.queue.deliveries({ queueName: 'approval-effects' }).filter((delivery) => delivery.duplicate).length).toBeGreaterThan(0);
    expect(confluenceCalls('POST', /\/content\/10020\/copy/)).toHaveLength(1);

    const notices = app.site().commentsOn(PAGE).filter((comment) => comment.mentions.includes('u-bob') && comment.parentCommentId !== null);
    expect(notices.filter((comment) => comment.body.value.includes('announce it'))).toHaveLength(1);
    expect(labelWrites()).toHaveLength(1);
    expect(titleWrites()).toHaveLength(1);
    expect(app.site().page(PAGE)?.title).toBe('Release Process (approved)');
    expect(await actionEntries()).toHaveLength(1);
    expect((await auditEntriesOf(ENG)).filter(({ row }) => row.body.kind === 'actions')).toHaveLength(1);
  });

  it('wait out a storm of 429s inside the delivery, as Retry-After asks', async () => {
    app = await startApp();
    await workflowWith({ approved: LABELS_AND_TITLE });
    await submitPage(app, PAGE, 'u-alice');
    await app.drain();
    app.sandbox.faults.failMatching('confluence', (call) => /\/label/.test(call.path), 3, { status: 429, retryAfterSeconds: 1 });
    const started = Date.now();
    await decideOnPage(app, PAGE, 'u-bob', 'approve');
    await app.drain();

    expect(app.sandbox.ops.entries({ kind: 'confluence' }).filter((op) => op.status === 429)).toHaveLength(3);
    expect(Date.now() - started).toBeGreaterThanOrEqual(3000);
    // One delivery did it all: the waits were the runner's, not the queue's.
    expect(app.sandbox.queue.deliveries({ queueName: 'approval-effects' }).filter((d) => d.outcome !== 'success')).toEqual([]);
    expect(app.site().labelsOf(PAGE)).toEqual(['approved']);
    expect(await actionEntries()).toEqual(['Workflow actions on entering Approved: 2 succeeded (Manage labels: added approved and removed process; Modify title: renamed "Release Process" to "Release Process (approved)" (version 5))']);
  });

  it('resume a run that Confluence stopped half way with only the unfinished actions', async () => {
    app = await startApp();
    await workflowWith({ approved: LABELS_AND_TITLE });
    await submitPage(app, PAGE, 'u-alice');
    await app.drain();
    // Longer than the consumer has left: the delivery stops and the queue brings it back later.
    app.sandbox.faults.failMatching('confluence', (call) => call.method === 'PUT' && /\/pages\/10020/.test(call.path), 1, { status: 429, retryAfterSeconds: 870 });
    await decideOnPage(app, PAGE, 'u-bob', 'approve');
    await app.drain();

    const handedBack = app.sandbox.queue.deliveries({ queueName: 'approval-effects' }).find((delivery) => delivery.outcome === 'retry');
    const deliveries = app.sandbox.queue.deliveries({ jobId: handedBack?.jobId });
    expect(deliveries.map(({ retryCount, outcome }) => ({ retryCount, outcome }))).toEqual([
      { retryCount: 0, outcome: 'retry' },
      { retryCount: 1, outcome: 'success' },
    ]);
    expect(deliveries[1].at - deliveries[0].at).toBe(870);
    // The labels were done by the first delivery, and not read nor written again: one read by the
    // submission's effects (the labels it was submitted with), one by the labels action.
    expect(labelWrites()).toHaveLength(1);
    expect(confluenceCalls('GET', /\/pages\/10020\/labels/)).toHaveLength(2);
    expect(app.site().page(PAGE)?.title).toBe('Release Process (approved)');
    expect(await actionEntries()).toEqual(['Workflow actions on entering Approved: 2 succeeded (Manage labels: added approved and removed process; Modify title: renamed "Release Process" to "Release Process (approved)" (version 5))']);
  });

  it('are run by one delivery at a time: a second one at once is handed back to the queue', async () => {
    app = await startApp();
    const aliveUntil = Date.now() + 900_000;
    const claims = await Promise.allSettled([ActionLedger.claim('req-1', 3, aliveUntil), ActionLedger.claim('req-1', 3, aliveUntil)]);
    expect(claims.filter((claim) => claim.status === 'fulfilled')).toHaveLength(1);
    const refused = claims.find((claim): claim is PromiseRejectedResult => claim.status === 'rejected');
    expect(refused?.reason).toBeInstanceOf(ActionRunHeldError);
    // It comes back when the holder can no longer be running: the queue's longest delay at most.
    expect((refused?.reason as ActionRunHeldError).retryAfterSeconds).toBe(900);
  });

  it('run again when an override enters the state the page is in', async () => {
    app = await startApp();
    await workflowWith({ approved: [{ type: 'labels', add: ['approved'], remove: [] }] });
    await approve();
    expect(app.site().labelsOf(PAGE).sort()).toEqual(['approved', 'process']);

    ok(await app.as('u-frank').byline('override', PAGE, { targetStatus: 'approved', reason: 'Confirmed in the release meeting' }));
    await app.drain();

    expect(await actionEntries()).toEqual([
      'Workflow actions on entering Approved: 1 succeeded (Manage labels: the labels were already as configured)',
      'Workflow actions on entering Approved: 1 succeeded (Manage labels: added approved)',
    ]);
    // The second run found the label there and added nothing.
    expect(labelWrites()).toHaveLength(1);
    const history = ok(await app.as('u-frank').byline('getPageApproval', PAGE)).history.entries.map((entry) => entry.summary);
    expect(history).toContain('Frank Spaceadmin set the status of version 4 to Approved again: Confirmed in the release meeting');
  });

  it('run the In Approval actions on submission and the Draft actions on withdrawal', async () => {
    app = await startApp();
    await workflowWith({
      inApproval: [{ type: 'labels', add: ['in-review'], remove: [] }],
      draft: [{ type: 'labels', add: ['draft'], remove: ['in-review'] }],
    });
    await submitPage(app, PAGE, 'u-alice');
    await app.drain();
    expect(app.site().labelsOf(PAGE).sort()).toEqual(['in-review', 'process']);

    await withdrawPage(app, PAGE, 'u-alice');
    await app.drain();
    expect(app.site().labelsOf(PAGE).sort()).toEqual(['draft', 'process']);
    expect(await actionEntries()).toEqual([
      'Workflow actions on entering Draft: 1 succeeded (Manage labels: added draft and removed in-review)',
      'Workflow actions on entering In Approval: 1 succeeded (Manage labels: added in-review)',
    ]);
  });
});
