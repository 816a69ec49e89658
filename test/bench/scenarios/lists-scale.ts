/**
 * The space's lists at 10,000 and at 1,000,000 requests: the approval queue, a page's history and
 * the audit export, page by page. Each path at 1M is held to what it costs at 10k (DESIGN.md:
 * every hot path's cost stays flat as requests and events grow). The two spaces are seeded one
 * after the other in their own sandboxes, so only one is in memory at a time.
 */
import { type HistoryPageView } from '../../../src/shared/contract/common';
import { type QueuePageView } from '../../../src/shared/contract/queue';
import { MODULES, startApp, type TestApp } from '../../integration/support/app';
import { type Measurement, type Metrics, measure } from '../measure';
import { type Budget, type Row } from '../report';
import { type SeededSpace, seedRequestsFast } from '../seed-requests';
import { BENCH_LATENCY } from './latency';

export interface ListPath {
  path: string;
  /** DESIGN.md's budget for the path, checked at 10,000 requests. */
  design?: Budget;
  run: (app: TestApp, seeded: SeededSpace) => Promise<Measurement>;
}

const cursorOf = (measurement: Measurement): string | undefined => (measurement.result as { cursor?: string } | undefined)?.cursor;

const queue = (app: TestApp, payload: Record<string, unknown>) => () => app.as('u-bob').invoke(MODULES.queue, 'listQueue', payload, app.spaceContext('ENG'));

const history = (app: TestApp, pageId: string, cursor?: string) => () =>
  app.as('u-bob').byline('getPageHistory', pageId, cursor === undefined ? {} : { cursor });

const exportPage = (app: TestApp, cursor?: string) => () =>
  app.as('u-frank').invoke(MODULES.settings, 'exportAudit', cursor === undefined ? {} : { cursor }, app.spaceContext('ENG'));

/** DESIGN.md: a queue page of 25 and an audit export page each in ≤ 2 storage queries. */
const ONE_PAGE: Budget = { queries: 2 };

/** The hot paths over one seeded space, in the order a person meets them. */
export const LIST_PATHS: readonly ListPath[] = [
  { path: 'queue: pending, page 1', design: ONE_PAGE, run: (app) => measure(app.sandbox, queue(app, { tab: 'pending' })) },
  {
    path: 'queue: pending, page 2',
    design: ONE_PAGE,
    run: async (app) => {
      const first = await measure(app.sandbox, queue(app, { tab: 'pending' }));
      return measure(app.sandbox, queue(app, { tab: 'pending', cursor: (first.result as QueuePageView | undefined)?.cursor }));
    },
  },
  { path: 'queue: mine', design: ONE_PAGE, run: (app) => measure(app.sandbox, queue(app, { tab: 'mine' })) },
  { path: 'queue: rejected', design: ONE_PAGE, run: (app) => measure(app.sandbox, queue(app, { tab: 'rejected' })) },
  {
    path: 'queue: approved, workflow + submitter',
    design: ONE_PAGE,
    run: (app, seeded) => measure(app.sandbox, queue(app, { tab: 'approved', filters: { workflowId: seeded.workflows[1].id, submittedBy: 'u-dana' } })),
  },
  { path: 'page history: page 1', run: (app, seeded) => measure(app.sandbox, history(app, seeded.busiestPageId)) },
  {
    path: 'page history: page 2',
    run: async (app, seeded) => {
      const first = await measure(app.sandbox, history(app, seeded.busiestPageId));
      return measure(app.sandbox, history(app, seeded.busiestPageId, (first.result as HistoryPageView | undefined)?.cursor));
    },
  },
  { path: 'audit export: first page', design: ONE_PAGE, run: (app) => measure(app.sandbox, exportPage(app)) },
  { path: 'audit export: middle page', design: ONE_PAGE, run: (app, seeded) => measure(app.sandbox, exportPage(app, String(Math.floor(seeded.sealedEntries / 2)))) },
  {
    path: 'audit export: next page',
    design: ONE_PAGE,
    run: async (app, seeded) => {
      const middle = await measure(app.sandbox, exportPage(app, String(Math.floor(seeded.sealedEntries / 2))));
      return measure(app.sandbox, exportPage(app, cursorOf(middle)));
    },
  },
  { path: 'audit export: last page (head)', design: ONE_PAGE, run: (app, seeded) => measure(app.sandbox, exportPage(app, String(seeded.sealedEntries - 10))) },
];

/** Every list path over a space of `requests` requests, seeded in a sandbox of its own. */
export async function listCostsAt(requests: number): Promise<{ costs: Measurement[]; seedSeconds: number; sealedEntries: number }> {
  const app = await startApp(BENCH_LATENCY);
  try {
    const started = Date.now();
    const seeded = await seedRequestsFast(app, requests);
    const seedSeconds = (Date.now() - started) / 1000;
    const costs: Measurement[] = [];
    for (const { run } of LIST_PATHS) costs.push(await run(app, seeded));
    return { costs, seedSeconds, sealedEntries: seeded.sealedEntries };
  } finally {
    app.close();
  }
}

/** Ids and numbers gain a digit or two between 10k and 1M: the answer may grow by that, not by the data. */
const BYTES_SLACK = 1.05;

/** The budget of a path at scale: its cost at 10k (sizes within the digits' slack). */
function sameAs(small: Metrics | null): Budget {
  if (small === null) return {};
  return { storage: small.storage, queries: small.queries, confluence: small.confluence, simulatedMs: small.simulatedMs, bytes: Math.ceil(small.bytes * BYTES_SLACK) };
}

const SMALL = 10_000;
const LARGE = Number(process.env.BENCH_LISTS_REQUESTS ?? 1_000_000);
const label = (n: number): string => n.toLocaleString('en-US');

export async function listsScaleBench(): Promise<Row[]> {
  const small = await listCostsAt(SMALL);
  const large = await listCostsAt(LARGE);
  return LIST_PATHS.flatMap(({ path, design }, i): Row[] => [
    { path: `${path} (${label(SMALL)} requests)`, measurement: small.costs[i], budget: design ?? {} },
    {
      path: `${path} (${label(LARGE)} requests)`,
      measurement: large.costs[i],
      budget: sameAs(small.costs[i].metrics),
      ...(i === 0 ? { note: `Issue 16: same figures as at ${label(SMALL)}; seeded ${label(small.sealedEntries)} and ${label(large.sealedEntries)} sealed entries in ${small.seedSeconds.toFixed(0)} s and ${large.seedSeconds.toFixed(0)} s` } : {}),
    },
  ]);
}
