/** Analytics over one year: 100,000 requests' events folded into rollups, 50 workflows in three spaces. */
import { MODULES, startApp } from '../../integration/support/app';
import { seedAnalyticsYear } from '../../integration/support/rollup-seed';
import { measure } from '../measure';
import { type Row } from '../report';
import { BENCH_LATENCY } from './latency';

const DAY = 24 * 60 * 60 * 1000;

export async function analyticsBench(): Promise<Row[]> {
  const app = await startApp(BENCH_LATENCY);
  try {
    await seedAnalyticsYear(100_000);
    const range = { from: new Date(Date.now() - 364 * DAY).toISOString().slice(0, 10), to: new Date().toISOString().slice(0, 10) };
    const call = (functionKey: string, payload: Record<string, unknown>) => () => app.as('u-heidi').invoke(MODULES.analytics, functionKey, payload);
    return [
      {
        path: 'analytics: 1 year, 100k requests, 50 workflows',
        measurement: await measure(app.sandbox, call('getAnalytics', range)),
        budget: { storage: 400, simulatedMs: 1500, bytes: 200 * 1024 },
        note: 'DESIGN.md: ≤ 400 storage reads, ≤ 1.5 s simulated, response ≤ 200 KB',
      },
      { path: 'analytics: export CSV (same year)', measurement: await measure(app.sandbox, call('exportAnalytics', { ...range, format: 'csv' })), budget: {} },
      { path: 'analytics: export HTML report', measurement: await measure(app.sandbox, call('exportAnalytics', { ...range, format: 'html' })), budget: {} },
    ];
  } finally {
    app.close();
  }
}
