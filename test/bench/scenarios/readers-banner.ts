/**
 * A reader's page view with the approved-version banner: the banner module's real front end, run
 * as Grace (viewer) on an approved page Alice edited since, reads the byline property from
 * Confluence in the browser and invokes nothing (DESIGN.md: 0 app invocations, 1 product read).
 */
import { join } from 'node:path';
import { bridgeRouterFor, createSandboxBridgeHost, prepareNodeRealm, textOf } from '../../../sandbox/ui-host';
import { APP_ROOT, startApp } from '../../integration/support/app';
import { type Measurement } from '../measure';
import { type Row } from '../report';
import { BENCH_LATENCY } from './latency';

const PAGE = '10020';

export async function readersBannerBench(): Promise<Row[]> {
  const app = await startApp(BENCH_LATENCY);
  try {
    await app.createWorkflow({ name: 'Docs review', steps: [{ id: 'review', name: 'Review', approvers: [{ type: 'user', accountId: 'u-bob' }], rule: { kind: 'any' } }] }, 'default');
    const view = await app.as('u-alice').byline('getPageApproval', PAGE, {});
    if ('error' in view) throw new Error(view.error.message);
    await app.as('u-alice').byline('submit', PAGE, {});
    const submitted = await app.as('u-bob').byline('getPageApproval', PAGE, {});
    if ('error' in submitted || submitted.request === null) throw new Error('the page was not submitted');
    await app.as('u-bob').byline('approve', PAGE, { requestId: submitted.request.id, stepIndex: 0 });
    await app.drain();
    await app.sandbox.editPage(PAGE, 'u-alice', { body: '<p>A change nobody approved yet.</p>' });
    await app.drain();

    app.sandbox.ops.reset();
    const host = await createSandboxBridgeHost({ sandbox: app.sandbox, moduleKey: 'readers-banner', accountId: 'u-grace', context: app.pageContext(PAGE) });
    prepareNodeRealm(globalThis as unknown as Record<string, unknown>, host.context().siteUrl as string);
    await bridgeRouterFor().mount(host, async () => {
      await import(join(APP_ROOT, 'src/frontend/banner.tsx'));
    });
    const deadline = Date.now() + 10_000;
    const shows = (): boolean => host.doc !== undefined && textOf(host.doc).includes('not approved yet');
    while (!shows() && Date.now() < deadline) await new Promise((resolve) => setTimeout(resolve, 20));
    await host.whenIdle();
    const drawn = shows();
    const measurement: Measurement = {
      metrics: {
        invocations: app.sandbox.ops.invocations().length,
        storage: app.sandbox.ops.storageRoundTrips(),
        queries: 0,
        transactions: 0,
        confluence: host.productRequests.length,
        // The browser's read is not an invocation, so no clock charges it: one Confluence call's latency each.
        simulatedMs: host.productRequests.length * (BENCH_LATENCY.latency?.confluence ?? 0),
        bytes: host.productRequests.reduce((sum, request) => sum + (request.responseBytes ?? 0), 0),
      },
      ...(drawn ? {} : { error: 'the banner did not show' }),
    };
    return [
      {
        path: 'page view with banner',
        measurement,
        budget: { invocations: 0, storage: 0, confluence: 1 },
        note: "DESIGN.md: 0 app invocations, 1 product read by the browser (the Confluence column counts the viewer's reads)",
      },
    ];
  } finally {
    app.close();
  }
}
