/**
 * Analytics on the largest sites (issue 16): one year, 1,000 spaces with data, 1,000,000 requests;
 * one viewer sees every space, another sees 10 of them. Which spaces a viewer sees is Confluence's
 * answer (as the viewer), and those calls count in the simulated time.
 */
import { type AnalyticsView } from '../../../src/shared/contract/analytics';
import { MODULES, startApp } from '../../integration/support/app';
import { seedAnalyticsSite } from '../seed-analytics-sites';
import { measure } from '../measure';
import { type Row } from '../report';
import { BENCH_LATENCY } from './latency';

const DAY = 24 * 60 * 60 * 1000;
const SPACES = 1_000;
const REQUESTS_PER_SPACE = 1_000;
const VIEWERS = { all: 'u-analytics-all', ten: 'u-analytics-ten' };

export async function analyticsScaleBench(): Promise<Row[]> {
  const app = await startApp(BENCH_LATENCY);
  try {
    const site = await seedAnalyticsSite(app, SPACES, REQUESTS_PER_SPACE, { [VIEWERS.all]: SPACES, [VIEWERS.ten]: 10 });
    const range = { from: new Date(Date.now() - 364 * DAY).toISOString().slice(0, 10), to: new Date().toISOString().slice(0, 10) };
    const load = (viewer: string) => () => app.as(viewer).invoke(MODULES.analytics, 'getAnalytics', range);
    const all = await measure(app.sandbox, load(VIEWERS.all));
    const ten = await measure(app.sandbox, load(VIEWERS.ten));
    const counted = (result: unknown) => (result as AnalyticsView | undefined)?.kpis.submitted ?? 0;
    return [
      {
        path: 'analytics: 1 year, viewer sees 1,000 spaces, 1M requests',
        measurement: all,
        budget: { storage: 400, simulatedMs: 1500, bytes: 200 * 1024 },
        note: `issue 16: ≤ 400 storage reads, ≤ 1.5 s simulated, ≤ 200 KB; counted ${counted(all.result)} of ${site.requests} submissions`,
      },
      {
        path: 'analytics: 1 year, viewer sees 10 of the 1,000 spaces',
        measurement: ten,
        budget: { storage: 100 },
        note: `issue 16: ≤ 100 storage reads; counted ${counted(ten.result)} submissions (10 spaces)`,
      },
    ];
  } finally {
    app.close();
  }
}
