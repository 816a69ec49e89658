/** The byline dialog and the state changes it starts: submit, open the dialog, decide (CORE's resolvers). */
import { type PageApprovalView } from '../../../src/shared/contract/byline';
import { isBridgeError } from '../../../src/shared/errors';
import { bylineSigningKey } from '../../../src/storage/byline-signing-key';
import { startApp } from '../../integration/support/app';
import { measure } from '../measure';
import { type Row } from '../report';
import { BENCH_LATENCY } from './latency';

const PAGE = '10020';
/** Another page of the same space, submitted once the space's permission and name caches are warm. */
const SECOND_PAGE = '10021';

export async function bylineBench(): Promise<Row[]> {
  const app = await startApp(BENCH_LATENCY);
  try {
    await app.createWorkflow({ name: 'Docs review', steps: [{ id: 'review', name: 'Review', approvers: [{ type: 'user', accountId: 'u-bob' }], rule: { kind: 'any' } }] }, 'default');
    const change = { storage: 6, confluence: 3, transactions: 1 };
    const dialog = { storage: 3, confluence: 1 };
    // The byline signing key exists on every site but a brand-new installation, whose very first
    // action creates it (one more read and one write, once ever): the rows measure a space's first
    // change on an installed app, as DESIGN.md's budget means it.
    await bylineSigningKey();
    const submit = await measure(app.sandbox, () => app.as('u-alice').byline('submit', PAGE, {}));
    await app.drain();
    const submitWarm = await measure(app.sandbox, () => app.as('u-alice').byline('submit', SECOND_PAGE, {}));
    await app.drain();
    const openCold = await measure(app.sandbox, () => app.as('u-bob').byline('getPageApproval', PAGE, {}));
    const openWarm = await measure(app.sandbox, () => app.as('u-bob').byline('getPageApproval', PAGE, {}));
    const view = openWarm.result as PageApprovalView | undefined;
    const requestId = view === undefined || isBridgeError(view) ? undefined : view.request?.id;
    const decide = await measure(app.sandbox, () => app.as('u-bob').byline('approve', PAGE, { requestId, stepIndex: 0 }));
    await app.drain();
    return [
      { path: 'byline dialog: open (first time for the viewer)', measurement: openCold, budget: dialog, note: 'DESIGN.md: 1 resolver call, ≤ 3 storage round trips, ≤ 1 Confluence call' },
      { path: 'byline dialog: open (again)', measurement: openWarm, budget: dialog },
      {
        path: 'submit (first in the space: caches cold)',
        measurement: submit,
        budget: { ...change, confluence: 5 },
        note: 'DESIGN.md: the first change in a space (cold permission caches) ≤ 6 storage round trips, ≤ 5 Confluence calls, 1 transaction',
      },
      { path: 'submit (caches warm)', measurement: submitWarm, budget: change },
      { path: 'decide (approve)', measurement: decide, budget: change },
    ];
  } finally {
    app.close();
  }
}
