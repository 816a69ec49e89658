import { bylineSigningKey } from '../../../src/storage/byline-signing-key';
import { ok, startApp, type TestApp } from '../support/app';
import { ENG_PAGE, user } from './fixtures';

/** DESIGN.md budgets, counted on the sandbox's operation log for the resolver call just made. */
function cost(app: TestApp): { storage: number; confluence: number; transactions: number } {
  const call = app.sandbox.ops.lastInvocation('resolver');
  if (call === undefined) throw new Error('no resolver call recorded');
  const entries = app.sandbox.ops.forInvocation(call.id);
  return {
    storage: app.sandbox.ops.storageRoundTrips(call.id),
    confluence: entries.filter((entry) => entry.kind === 'confluence').length,
    transactions: entries.filter((entry) => entry.operation === 'transaction').length,
  };
}

describe('the byline dialog stays within its budgets', () => {
  let app: TestApp;
  beforeEach(async () => {
    app = await startApp();
    // A subtree assignment above the page: resolving the page's workflows needs its ancestors.
    await app.createWorkflow(
      {
        name: 'Two steps',
        steps: [
          { id: 'a', name: 'Review', approvers: [user('u-bob')], rule: { kind: 'any' } },
          { id: 'b', name: 'Sign-off', approvers: [{ type: 'group', groupId: 'g-engineering', name: 'engineering' }], rule: { kind: 'all' } },
        ],
      },
      { pageId: '10001', scope: 'subtree' },
    );
    // The byline signing key exists on any site but a new one: the first action ever creates it (one write, once).
    await bylineSigningKey();
  });
  afterEach(() => app.close());

  it('opening the dialog: 1 call, ≤3 storage round trips, ≤1 Confluence call, for every kind of viewer', async () => {
    const requestId = ok(await app.as('u-alice').byline('submit', ENG_PAGE)).request?.id;
    ok(await app.as('u-bob').byline('approve', ENG_PAGE, { requestId, stepIndex: 0, comment: 'fine' }));
    for (const viewer of ['u-grace', 'u-alice', 'u-bob', 'u-ivan', 'u-frank', 'u-heidi']) {
      ok(await app.as(viewer).byline('getPageApproval', ENG_PAGE)); // warms the caches
      app.sandbox.ops.reset();
      const view = ok(await app.as(viewer).byline('getPageApproval', ENG_PAGE));
      expect(view.request?.steps[1].approvers.map((a) => a.accountId)).toEqual(['group:g-engineering']);
      expect(app.sandbox.ops.invocations({ kind: 'resolver' })).toHaveLength(1);
      const spent = cost(app);
      expect({ viewer, storage: spent.storage <= 3, confluence: spent.confluence <= 1 }).toEqual({ viewer, storage: true, confluence: true });
    }
  });

  it('submit and decide: ≤6 storage round trips, ≤3 Confluence calls, one transaction, refreshed view included', async () => {
    ok(await app.as('u-alice').byline('getPageApproval', ENG_PAGE));
    app.sandbox.ops.reset();
    const submitted = ok(await app.as('u-alice').byline('submit', ENG_PAGE));
    expect(submitted.status).toBe('inApproval');
    let spent = cost(app);
    expect(spent.transactions).toBe(1);
    expect(spent.storage).toBeLessThanOrEqual(6);
    expect(spent.confluence).toBeLessThanOrEqual(3);

    ok(await app.as('u-bob').byline('getPageApproval', ENG_PAGE));
    app.sandbox.ops.reset();
    const decided = ok(await app.as('u-bob').byline('approve', ENG_PAGE, { requestId: submitted.request?.id, stepIndex: 0 }));
    expect(decided.request?.currentStepIndex).toBe(1);
    spent = cost(app);
    expect(spent.transactions).toBe(1);
    expect(spent.storage).toBeLessThanOrEqual(6);
    expect(spent.confluence).toBeLessThanOrEqual(3);
    // Comments and the byline property are written after the response, from the queue (the page
    // is read with its properties, a GET, for the official version).
    const call = app.sandbox.ops.lastInvocation('resolver');
    const writes = app.sandbox.ops.forInvocation(call?.id ?? '').filter((entry) => entry.method !== 'GET' && /footer-comments|properties/.test(entry.path));
    expect(writes).toEqual([]);
    await app.drain();
    expect(app.site().commentsOn(ENG_PAGE).length).toBeGreaterThan(0);
  });
});
