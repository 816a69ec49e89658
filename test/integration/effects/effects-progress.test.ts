/**
 * A job with a backlog runs its effects in passes of 100 entries and keeps its progress after
 * each: when Confluence rate-limits it midway, the redelivery goes on from the last pass that
 * finished instead of going through the bylines of the passes before it again.
 */
import { ok, startApp, type TestApp } from '../support/app';
import { seedExpiringApprovals } from '../support/expiry-seed';

const PAGE = '10020';
/** 200 pages, two entries each (submitted, approved): four passes of backlog, the fault in the third. */
const SEEDED = 200;

let app: TestApp;

beforeEach(async () => {
  app = await startApp();
  await app.createWorkflow({ name: 'Release review', steps: [{ id: 'review', name: 'Review', approvers: [{ type: 'user', accountId: 'u-bob' }], rule: { kind: 'any' } }] }, 'default');
  await app.drain();
});

afterEach(() => app.close());

const propertyWriteOf = (pageId: string) => (call: { method: string; path: string }) => call.method !== 'GET' && call.path.includes(`/pages/${pageId}/properties`);

it('goes on from the last finished pass after Confluence stops a job midway', async () => {
  const { request } = ok(await app.as('u-alice').byline('submit', PAGE));
  await app.drain();
  // Sealed into the space's chain after the submission without their effects: the next job of the space runs them.
  const { pageIds } = await seedExpiringApprovals(app, SEEDED);
  ok(await app.as('u-bob').byline('approve', PAGE, { requestId: request?.id ?? '', stepIndex: 0 }));
  // The third pass holds the entries of pages 100 to 149.
  app.sandbox.faults.failMatching('confluence', propertyWriteOf(pageIds[120]), 1, { status: 429, retryAfterSeconds: 30 });
  app.sandbox.ops.reset();
  await app.drain();

  const deliveries = app.sandbox.queue.deliveries({ queueName: 'approval-effects' });
  const stopped = deliveries.findIndex((delivery) => delivery.outcome === 'retry');
  expect(stopped).toBeGreaterThanOrEqual(0);
  const redelivery = deliveries.find((delivery, i) => i > stopped && delivery.jobId === deliveries[stopped].jobId);
  expect(redelivery).toMatchObject({ retryCount: 1, outcome: 'success' });

  const effects = app.sandbox.ops.invocations().filter((invocation) => invocation.functionKey === 'effects-consumer');
  /** Pages whose byline property the invocation wrote, and pages it called Confluence about at all. */
  const pagesOf = (invocationId: string, written: boolean) =>
    new Set(
      app.sandbox.ops
        .entries({ kind: 'confluence', invocationId })
        .filter((op) => !written || (op.method !== 'GET' && op.status < 300 && op.path.includes('/properties')))
        .map((op) => /\/pages\/(\d+)\//.exec(op.path)?.[1]),
    );
  const [stoppedRun, resumedRun] = effects.filter((invocation) => pagesOf(invocation.id, true).size > 0);
  const [first, second] = [pagesOf(stoppedRun.id, true), pagesOf(resumedRun.id, true)];
  // The first delivery finished two passes (100 pages) and part of the third…
  expect(first.size).toBeGreaterThanOrEqual(100);
  expect(first.has(pageIds[120])).toBe(false);
  // …the redelivery starts at the third: it writes again only pages of that pass (50 at most),
  // and every page the first did not reach.
  const writtenTwice = pageIds.filter((pageId) => first.has(pageId) && second.has(pageId));
  expect(writtenTwice.length).toBeLessThan(50);
  expect(pageIds.filter((pageId) => !first.has(pageId) && !second.has(pageId))).toEqual([]);
  // Nor does it read the bylines of the first two passes again to find them right.
  const touchedAgain = pagesOf(resumedRun.id, false);
  expect(pageIds.filter((pageId) => first.has(pageId) && touchedAgain.has(pageId)).length).toBeLessThan(50);

  expect(pageIds.every((pageId) => app.bylineProperty(pageId)?.title === 'Approved v1')).toBe(true);
  expect(app.bylineProperty(PAGE)?.title).toMatch(/^Approved v/);
});
