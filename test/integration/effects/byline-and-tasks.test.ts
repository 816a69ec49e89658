/**
 * After each change the page's byline lozenge (a content property Confluence renders without
 * calling the app) shows the new status, and each approver's "pending for me" list is right.
 */
import { pushEffects } from '../../../src/commands/emit';
import { formatDay } from '../../../src/shared/status';
import { type Workflow } from '../../../src/shared/workflow';
import { pendingTasksFor } from '../../../src/storage/tasks';
import { type TestApp, startApp } from '../support/app';
import { auditEntriesOf, decideOnPage, submitPage, withdrawPage, writeUnsealedEntry } from '../support/effects-journey';

const PAGE = '10020';
const ENG = '1001';

let app: TestApp;
let workflow: Workflow;

beforeEach(async () => {
  app = await startApp();
  workflow = await app.createWorkflow({
    name: 'Release review',
    steps: [
      { id: 'review', name: 'Review', approvers: [{ type: 'user', accountId: 'u-bob' }, { type: 'user', accountId: 'u-carol' }], rule: { kind: 'any' } },
      { id: 'legal', name: 'Legal', approvers: [{ type: 'user', accountId: 'u-dana' }, { type: 'user', accountId: 'u-eve' }], rule: { kind: 'all' }, dueDays: 3 },
    ],
  }, 'default');
});

afterEach(() => app.close());

const today = () => formatDay(new Date().toISOString());

/** Property writes the app sent to Confluence (creating or replacing a content property). */
const propertyWrites = () =>
  app.sandbox.ops.entries({ kind: 'confluence' }).filter((op) => (op.method === 'POST' || op.method === 'PUT') && op.path.includes('/properties'));

async function pendingFor(accountId: string): Promise<{ stepIndex: number; due: boolean }[]> {
  const { tasks } = await pendingTasksFor(accountId, ENG);
  return tasks.map((task) => ({ stepIndex: task.stepIndex, due: task.dueAt !== '-' }));
}

describe('the byline lozenge', () => {
  it('shows the status after every change', async () => {
    await submitPage(app, PAGE, 'u-alice');
    await app.drain();
    expect(app.bylineProperty(PAGE)).toEqual({
      title: 'In approval · step 1 of 2',
      icon: expect.stringMatching(/^data:image\/svg\+xml,/),
      tooltip: `Version 4 submitted by Alice Author on ${today()}; waiting for step 1 of 2 (Review)`,
    });

    await decideOnPage(app, PAGE, 'u-bob', 'approve');
    await app.drain();
    expect(app.bylineProperty(PAGE)?.title).toBe('In approval · step 2 of 2');

    await decideOnPage(app, PAGE, 'u-dana', 'approve');
    await decideOnPage(app, PAGE, 'u-eve', 'approve');
    await app.drain();
    expect(app.bylineProperty(PAGE)).toMatchObject({ title: 'Approved v4', tooltip: `Approved by Bob Approver, Dana Legal, Eve Legal on ${today()}` });
  });

  it('shows Outdated once the approved page is edited', async () => {
    await submitPage(app, PAGE, 'u-alice');
    for (const approver of ['u-bob', 'u-dana', 'u-eve']) await decideOnPage(app, PAGE, approver, 'approve');
    await app.drain();
    await app.sandbox.editPage(PAGE, 'u-alice', { body: '<p>A new rollback section.</p>' });
    await app.drain();

    expect(app.bylineProperty(PAGE)).toMatchObject({
      title: 'Outdated (approved v4, current v5)',
      tooltip: `Version 4 was approved by Bob Approver, Dana Legal, Eve Legal on ${today()}; version 5 has not been approved`,
    });
  });

  it('shows changes requested with who asked for them', async () => {
    await submitPage(app, PAGE, 'u-alice');
    await decideOnPage(app, PAGE, 'u-carol', 'reject', 'Missing rollback');
    await app.drain();
    expect(app.bylineProperty(PAGE)).toMatchObject({ title: 'Changes requested v4', tooltip: `Changes requested by Carol Approver on ${today()}` });
  });

  it('writes nothing when a job runs again and the status has not changed', async () => {
    await submitPage(app, PAGE, 'u-alice');
    await app.drain();
    const writes = propertyWrites().length;
    expect(writes).toBe(1);

    const keys = (await auditEntriesOf(ENG)).map((entry) => entry.key);
    await pushEffects(ENG, keys, PAGE);
    await app.drain();
    expect(propertyWrites()).toHaveLength(writes);
  });

  it('writes again on the new version when someone else changed the property at the same moment', async () => {
    await submitPage(app, PAGE, 'u-alice');
    await app.drain();
    const site = app.site();
    const handle = site.handle.bind(site);
    let raced = false;
    // Just before the app replaces the property, another writer takes the version it asks for.
    site.handle = async (request) => {
      if (!raced && request.method === 'PUT' && request.path.includes('/properties/')) {
        raced = true;
        const competing = JSON.parse(request.body ?? '{}') as Record<string, unknown>;
        await handle({ ...request, body: JSON.stringify({ ...competing, value: { title: 'Stale', icon: '', tooltip: '' } }) });
      }
      return handle(request);
    };
    await decideOnPage(app, PAGE, 'u-bob', 'approve');
    await app.drain();

    expect(raced).toBe(true);
    expect(app.bylineProperty(PAGE)?.title).toBe('In approval · step 2 of 2');
    expect(app.sandbox.queue.deliveries({ queueName: 'approval-effects' }).every((delivery) => delivery.outcome === 'success')).toBe(true);
  });

  it('is left alone by jobs that only record workflow changes', async () => {
    const key = `workflow:${workflow.id}:1`;
    await writeUnsealedEntry(key, {
      spaceId: ENG,
      pageId: '-',
      at: new Date().toISOString(),
      type: 'workflow.updated',
      actorId: 'u-frank',
      body: { kind: 'workflow', change: 'updated', workflowId: workflow.id, details: { name: workflow.name } },
    });
    await pushEffects(ENG, [key], '-');
    await app.drain();

    const [entry] = await auditEntriesOf(ENG);
    expect(entry).toMatchObject({ key, row: { sealed: true, seq: 1 } });
    expect(propertyWrites()).toHaveLength(0);
    expect(app.site().commentsOn(PAGE)).toHaveLength(0);
  });
});

describe('approver tasks', () => {
  it('are open for the approvers of the current step and closed once they decided or the step ended', async () => {
    await submitPage(app, PAGE, 'u-alice');
    await app.drain();
    expect(await pendingFor('u-bob')).toEqual([{ stepIndex: 0, due: false }]);
    expect(await pendingFor('u-carol')).toEqual([{ stepIndex: 0, due: false }]);
    expect(await pendingFor('u-dana')).toEqual([]);

    await decideOnPage(app, PAGE, 'u-bob', 'approve');
    await app.drain();
    expect(await pendingFor('u-bob')).toEqual([]);
    // Carol did not decide, but step 1 is over: nothing is pending for her any more.
    expect(await pendingFor('u-carol')).toEqual([]);
    expect(await pendingFor('u-dana')).toEqual([{ stepIndex: 1, due: true }]);
    expect(await pendingFor('u-eve')).toEqual([{ stepIndex: 1, due: true }]);

    await decideOnPage(app, PAGE, 'u-dana', 'approve');
    await app.drain();
    expect(await pendingFor('u-dana')).toEqual([]);
    expect(await pendingFor('u-eve')).toEqual([{ stepIndex: 1, due: true }]);

    await withdrawPage(app, PAGE, 'u-alice');
    await app.drain();
    expect(await pendingFor('u-eve')).toEqual([]);
  });

  it('are not reopened when an old job is delivered again after later changes', async () => {
    const request = await submitPage(app, PAGE, 'u-alice');
    await app.drain();
    await decideOnPage(app, PAGE, 'u-bob', 'approve');
    await app.drain();

    await pushEffects(ENG, [`${request.id}:1`], PAGE);
    await app.drain();
    expect(await pendingFor('u-bob')).toEqual([]);
    expect(await pendingFor('u-carol')).toEqual([]);
    expect(await pendingFor('u-dana')).toEqual([{ stepIndex: 1, due: true }]);
  });
});

describe('the byline property and concurrent writers', () => {
  it('never lets an older status replace a newer one, whoever writes last', async () => {
    await app.as('u-alice').byline('submit', PAGE, {});
    await app.drain();
    const newer = app.bylineProperty(PAGE);
    const { writeBylineProperty } = await import('../../../src/effects/byline-property');
    const written = await writeBylineProperty({ pageId: PAGE, spaceId: ENG, type: 'page' }, { title: 'Draft', icon: 'data:image/svg+xml,', tooltip: 'stale' }, 0);
    expect(written).toBe(false);
    expect(app.bylineProperty(PAGE)).toEqual(newer);
  });
});
