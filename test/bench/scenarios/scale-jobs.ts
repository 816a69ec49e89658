/**
 * The largest sites' background work (issue 16): bulk approval of 100 queue items, the daily run
 * with 100,000 approvals expiring on one day, and a burst of 500 decisions in one space within a
 * minute. `BENCH_DAILY_APPROVALS` sets the daily row's size (default 100,000) for a quick look.
 */
import { type BylineResults } from '../../../src/shared/contract/byline';
import { type BulkResultView } from '../../../src/shared/contract/queue';
import { isBridgeError } from '../../../src/shared/errors';
import { type AuditRow, ENTITY } from '../../../src/storage/entities';
import { MODULES, SPACES, type TestApp, startApp } from '../../integration/support/app';
import { seedExpiringApprovals } from '../../integration/support/expiry-seed';
import { type Measurement, invocationCosts, measure } from '../measure';
import { type Row } from '../report';
import { BENCH_LATENCY } from './latency';

const BULK_ITEMS = 100;
const DAILY_APPROVALS = Number(process.env.BENCH_DAILY_APPROVALS ?? 100_000);
const BURST_DECISIONS = 500;
const BURST_WINDOW_MS = 60_000;
/** A consumer's and a scheduled trigger's limit (manifest.yml timeoutSeconds). */
const BACKGROUND_LIMIT_MS = 900_000;

const pause = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

/**
 * Drains the queue with the process held open: the sandbox's queue timers do not keep Node alive,
 * so a bench waiting only on retries scheduled after rate limits would end silently.
 */
async function drainHeld(app: TestApp): Promise<void> {
  const held = setInterval(() => undefined, 1_000);
  try {
    await app.drain();
  } finally {
    clearInterval(held);
  }
}

/** `count` pages of ENG, each with a request waiting for Bob, submitted through the byline as Alice would. */
async function pendingPages(app: TestApp, count: number, title: string): Promise<Array<{ pageId: string; requestId: string }>> {
  await app.createWorkflow({ name: `${title} review`, steps: [{ id: 'review', name: 'Review', approvers: [{ type: 'user', accountId: 'u-bob' }], rule: { kind: 'any' } }] }, 'default');
  const pages: Array<{ pageId: string; requestId: string }> = [];
  // Set-up stands for days of authors' work: it runs outside the rate limits, which apply again to
  // what is measured.
  app.sandbox.limitRates(false);
  for (let i = 0; i < count; i += 1) {
    const pageId = app.site().addPage({ spaceId: SPACES.ENG.id, title: `${title} ${i}`, authorId: 'u-alice' }).id;
    const view = await app.as('u-alice').byline('submit', pageId, {});
    if (isBridgeError(view) || view.request === null) throw new Error(`bench: page ${pageId} could not be submitted${isBridgeError(view) ? `: ${view.error.message}` : ''}`);
    pages.push({ pageId, requestId: view.request.id });
  }
  await drainHeld(app);
  // Fresh buckets, on the clock of the real time to come (the set-up's simulated time ran ahead of it).
  app.sandbox.limitRates(true);
  return pages;
}

export async function bulkRow(): Promise<Row> {
  const app = await startApp(BENCH_LATENCY);
  try {
    const pages = await pendingPages(app, BULK_ITEMS, 'Runbook');
    // Real waits: the effects of the first decisions run beside the rest, spread over time as on
    // Forge, and share the installation's rate limits with them.
    app.sandbox.latency.set({ mode: 'sleep' });
    const items = pages.map(({ requestId }) => ({ requestId, stepIndex: 0 }));
    const measurement = await measure(app.sandbox, () => app.as('u-bob').invoke(MODULES.queue, 'bulkDecide', { decision: 'approve', items }, app.spaceContext('ENG')));
    // Latency is slept: the path's time is the real time it took, waits for Confluence included.
    const invocation = app.sandbox.ops.lastInvocation('resolver');
    if (measurement.metrics !== null && invocation !== undefined) measurement.metrics.simulatedMs = Math.max(measurement.metrics.simulatedMs, invocation.realMs);
    const result = measurement.result as BulkResultView | undefined;
    if (measurement.error === undefined && (result?.succeeded !== BULK_ITEMS || result.results.some((item, i) => item.requestId !== items[i].requestId))) {
      measurement.error = `expected ${BULK_ITEMS} approvals answered in order, got ${result?.succeeded ?? 0}: ${[...new Set(result?.results.filter((item) => !item.ok).map((item) => item.message))].join(" / ")}`;
    }
    return {
      path: `bulk approve ${BULK_ITEMS} queue items`,
      measurement,
      budget: { simulatedMs: 5_000 },
      note: 'issue 16: ≤ 5 s simulated, per-item results, each item its own transaction (10 decisions at a time)',
    };
  } finally {
    app.close();
  }
}

/** Expiry audit entries per request, over everything stored. */
function expiriesPerRequest(app: TestApp): Map<string, number> {
  const counts = new Map<string, number>();
  for (const [, item] of app.sandbox.storage.snapshot().entities[ENTITY.auditEvent] ?? []) {
    const row = item.value as unknown as AuditRow;
    if (row.type !== 'request.expired' || row.body.kind !== 'request') continue;
    counts.set(row.body.event.requestId, (counts.get(row.body.event.requestId) ?? 0) + 1);
  }
  return counts;
}

export async function dailyRow(): Promise<Row> {
  const app = await startApp(BENCH_LATENCY);
  try {
    const { requestIds } = await seedExpiringApprovals(app, DAILY_APPROVALS);
    app.sandbox.ops.reset();
    app.sandbox.ops.retainEntries = false;
    const started = await app.sandbox.runScheduled('daily-maintenance-trigger');
    await drainHeld(app);
    const invocations = app.sandbox.ops.invocations();
    const steps = invocations.filter((invocation) => invocation.functionKey === 'maintenance-consumer');
    const slowest = invocations.reduce((worst, invocation) => (invocation.simulatedMs > worst.simulatedMs ? invocation : worst));
    const expired = expiriesPerRequest(app);
    const once = requestIds.filter((id) => expired.get(id) === 1).length;
    const problems = [
      ...(started.ok ? [] : ['the trigger failed']),
      ...(once === DAILY_APPROVALS && expired.size === DAILY_APPROVALS ? [] : [`${once} of ${DAILY_APPROVALS} requests expired exactly once (${expired.size} expired at all)`]),
      ...invocations.filter((invocation) => invocation.outcome === 'timeout').map((invocation) => `${invocation.functionKey} timed out`),
    ];
    const measurement: Measurement = {
      metrics: { ...invocationCosts(app.sandbox, slowest), invocations: invocations.length, bytes: 0 },
      ...(problems.length === 0 ? {} : { error: problems.join('; ') }),
    };
    return {
      path: `daily job, ${DAILY_APPROVALS.toLocaleString('en')} approvals expiring today`,
      measurement,
      budget: { simulatedMs: BACKGROUND_LIMIT_MS },
      note:
        `${steps.length} maintenance jobs (steps and expiries), ${invocations.length} invocations in all; slowest: ${slowest.functionKey}` +
        ` (its costs shown) vs its 900 s limit; ${once.toLocaleString('en')} requests expired exactly once`,
    };
  } finally {
    app.close();
  }
}

export async function burstRow(): Promise<Row> {
  const app = await startApp(BENCH_LATENCY);
  try {
    const pages = await pendingPages(app, BURST_DECISIONS, 'Release note');
    // Real waits from here: decisions arrive while the space's effects jobs run.
    app.sandbox.latency.set({ mode: 'sleep' });
    app.sandbox.ops.reset();
    const gap = BURST_WINDOW_MS / BURST_DECISIONS;
    const decided: Array<Promise<unknown>> = [];
    for (const { pageId, requestId } of pages) {
      decided.push(app.as('u-bob').byline('approve', pageId, { requestId, stepIndex: 0 }));
      await pause(gap);
    }
    const answers = await Promise.all(decided);
    const lastDecision = Date.now();
    const refused = answers.filter((answer) => isBridgeError(answer) || (answer as BylineResults['approve']).status !== 'approved').length;
    const right = () => pages.every(({ pageId }) => app.bylineProperty(pageId)?.title === 'Approved v1');
    while (!right() && Date.now() - lastDecision < 10 * BURST_WINDOW_MS) await pause(100);
    const settledMs = Date.now() - lastDecision;
    await drainHeld(app);
    const effects = app.sandbox.ops.invocations({ kind: 'consumer' }).filter((invocation) => invocation.functionKey === 'effects-consumer');
    const passes = effects.filter((invocation) => app.sandbox.ops.count('confluence', invocation.id) > 0);
    const problems = [...(refused === 0 ? [] : [`${refused} decisions refused`]), ...(right() ? [] : ['some bylines never became right'])];
    return {
      path: `burst: ${BURST_DECISIONS} decisions in one space within a minute`,
      measurement: {
        metrics: { invocations: effects.length, storage: 0, queries: 0, transactions: 0, confluence: 0, simulatedMs: settledMs, bytes: 0 },
        ...(problems.length === 0 ? {} : { error: problems.join('; ') }),
      },
      budget: { simulatedMs: 60_000 },
      note: `ms from the last decision until every byline property shows the page's status (real time, latency slept); ${effects.length} effects jobs, ${passes.length} of them passes that did the work`,
    };
  } finally {
    app.close();
  }
}
