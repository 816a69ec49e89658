/**
 * An approval whose workflow runs 6 actions on Approved, the last publishing a page with 9 child
 * pages (10 pages) into PUB: what the effects consumer's deliveries after the decision cost in
 * Confluence calls, storage round trips and simulated time (the 1 s settle before publishing is
 * real time, not counted). Then a re-approval of the same page, which updates the 10 copies.
 */
import { kvs } from '@forge/kvs';
import { ENTITY, type WorkflowRow } from '../../../src/storage/entities';
import { type WorkflowAction } from '../../../src/shared/workflow';
import { isBridgeError } from '../../../src/shared/errors';
import { SPACES, startApp, type TestApp } from '../../integration/support/app';
import { auditEntriesOf } from '../../integration/support/effects-journey';
import { type Measurement } from '../measure';
import { type Row } from '../report';
import { BENCH_LATENCY } from './latency';

const MANUAL = '10090';
const CHILDREN = 9;

const ACTIONS: WorkflowAction[] = [
  { type: 'removeRestrictions' },
  { type: 'addRestrictions', operation: 'update', principals: [{ type: 'variable', variable: '@author' }] },
  { type: 'labels', add: ['approved'], remove: [] },
  { type: 'title', mode: 'suffix', value: ' (approved)' },
  { type: 'setOfficialVersion' },
  { type: 'publish', target: { type: 'space', spaceKey: 'PUB', parentPageId: '30010' }, includeDescendants: true, includeAttachments: true, includeLabels: true, updateExisting: true },
];

/** The manual and its 9 chapters, written by Alice in ENG. */
function seedManual(app: TestApp): void {
  const site = app.site();
  site.addPage({ id: MANUAL, spaceId: SPACES.ENG.id, parentId: '10001', title: 'Operations Manual', authorId: 'u-alice', body: '<p>How we run production.</p>' });
  for (let chapter = 1; chapter <= CHILDREN; chapter += 1) {
    site.addPage({ id: String(Number(MANUAL) + chapter), spaceId: SPACES.ENG.id, parentId: MANUAL, title: `Operations Manual ${chapter}`, authorId: 'u-alice', body: `<p>Chapter ${chapter}.</p>` });
  }
}

/** Alice submits the manual, Bob approves it: the decision's effects (with the actions) are what is measured. */
async function approve(app: TestApp): Promise<void> {
  const submitted = await app.as('u-alice').byline('submit', MANUAL, {});
  if (isBridgeError(submitted) || submitted.request === null) throw new Error('the manual was not submitted');
  await app.drain();
  const approved = await app.as('u-bob').byline('approve', MANUAL, { requestId: submitted.request.id, stepIndex: 0 });
  if (isBridgeError(approved)) throw new Error(approved.error.message);
}

/** Every consumer delivery the drain runs, one after the other: their calls and simulated time added up. */
async function measureEffects(app: TestApp, check: () => Promise<string | undefined>): Promise<Measurement> {
  const { ops } = app.sandbox;
  ops.reset();
  await app.drain();
  const deliveries = ops.invocations({ kind: 'consumer' });
  const entries = ops.entries();
  const metrics = {
    invocations: deliveries.length,
    storage: ops.storageRoundTrips(),
    queries: entries.filter((op) => op.operation === 'query').length,
    transactions: entries.filter((op) => op.operation === 'transaction').length,
    confluence: ops.count('confluence'),
    simulatedMs: deliveries.reduce((sum, delivery) => sum + delivery.simulatedMs, 0),
    bytes: 0,
  };
  // Read after counting: the check's own reads are not the path's.
  const error = await check();
  return { metrics, ...(error === undefined ? {} : { error }) };
}

export async function actionsBench(): Promise<Row[]> {
  const app = await startApp(BENCH_LATENCY);
  try {
    seedManual(app);
    const workflow = await app.createWorkflow(
      { name: 'Manual review', steps: [{ id: 'review', name: 'Review', approvers: [{ type: 'user', accountId: 'u-bob' }], rule: { kind: 'any' } }], actions: { approved: ACTIONS } },
      { pageId: MANUAL, scope: 'page' },
    );
    // As if Frank, a space admin of ENG and PUB, had saved the actions in the editor.
    const rows = kvs.entity<WorkflowRow>(ENTITY.workflow);
    const row = await rows.get(workflow.id);
    if (row === undefined) throw new Error('the workflow was not stored');
    await rows.set(workflow.id, { ...row, body: { ...row.body, actionsGrant: { by: 'u-frank', at: new Date().toISOString() } } });

    const copies = () => app.site().childrenOf('30010').filter((page) => page.title.startsWith('Operations Manual'));
    const published = async (): Promise<string | undefined> => {
      const [copy] = copies();
      const pages = copy === undefined ? 0 : 1 + app.site().childrenOf(copy.id).length;
      if (copies().length !== 1 || pages !== CHILDREN + 1) return `expected one copy of 10 pages under the Engineering Handbook, found ${copies().length} copies, ${pages} pages`;
      const runs = (await auditEntriesOf(SPACES.ENG.id)).map(({ row }) => row.body).filter((body) => body.kind === 'actions' && body.results.length === ACTIONS.length);
      const last = runs.at(-1);
      if (last?.kind !== 'actions') return 'no workflow actions entry was written';
      const failed = last.results.filter((result) => !result.ok);
      return failed.length === 0 ? undefined : `actions failed: ${failed.map((result) => result.message).join('; ')}`;
    };

    await approve(app);
    const first = await measureEffects(app, published);
    await app.sandbox.editPage(MANUAL, 'u-alice', { body: '<p>How we run production, revised.</p>' });
    await app.drain();
    await approve(app);
    const again = await measureEffects(app, published);
    const budget = { confluence: 40, simulatedMs: 5000 };
    return [
      {
        path: 'approval with 6 actions and a publish of 10 pages',
        measurement: first,
        budget,
        note: 'all effects of the decision (byline, reply, 6 actions, history entry); publish: a hierarchy copy + its long task; + 1 s settle (real time)',
      },
      { path: 're-approval: the 10 copies updated', measurement: again, budget: { confluence: 55, simulatedMs: 6000 }, note: 'each copy updated in place (one v1 copy call per page), new children copied' },
    ];
  } finally {
    app.close();
  }
}
