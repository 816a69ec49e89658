/**
 * `npm run bench`: the cost of every hot path on the emulated platform (virtual latency: storage
 * 20 ms, Confluence 120 ms per call) against DESIGN.md's budgets. A report, not a test: it always
 * exits 0; the integration tests hold one check per budget. `BENCH=<words>` runs only the
 * scenarios whose name contains one of the comma-separated words (e.g. `BENCH=queue,manage`).
 */
import { actionsBench } from './scenarios/actions';
import { analyticsBench } from './scenarios/analytics';
import { analyticsScaleBench } from './scenarios/analytics-scale';
import { bylineBench } from './scenarios/byline';
import { listsScaleBench } from './scenarios/lists-scale';
import { manageSpaceBench } from './scenarios/manage-space';
import { queueBench } from './scenarios/queue';
import { readersBannerBench } from './scenarios/readers-banner';
import { restApiBench } from './scenarios/rest-api';
import { bulkRow, burstRow, dailyRow } from './scenarios/scale-jobs';
import { type Row, renderTable } from './report';

const SCENARIOS: { name: string; run: () => Promise<Row[]> }[] = [
  { name: 'byline, submit, decide', run: bylineBench },
  { name: 'page view with banner', run: readersBannerBench },
  { name: 'manage space', run: manageSpaceBench },
  { name: 'approval queue', run: queueBench },
  { name: 'analytics', run: analyticsBench },
  { name: 'analytics at 1,000 spaces', run: analyticsScaleBench },
  { name: 'REST API', run: restApiBench },
  { name: 'state-entry actions', run: actionsBench },
  { name: 'lists at 1M requests', run: listsScaleBench },
  { name: 'bulk approve at scale', run: async () => [await bulkRow()] },
  { name: 'daily job at scale', run: async () => [await dailyRow()] },
  { name: 'burst of decisions', run: async () => [await burstRow()] },
];

const wanted = (process.env.BENCH ?? '').split(',').map((word) => word.trim().toLowerCase()).filter((word) => word.length > 0);
const chosen = (name: string): boolean => wanted.length === 0 || wanted.some((word) => name.toLowerCase().includes(word));

async function main(): Promise<void> {
  const rows: Row[] = [];
  const started = Date.now();
  for (const scenario of SCENARIOS.filter((candidate) => chosen(candidate.name))) {
    const at = Date.now();
    process.stdout.write(`bench: ${scenario.name}…`);
    try {
      rows.push(...(await scenario.run()));
      process.stdout.write(` ${((Date.now() - at) / 1000).toFixed(1)} s\n`);
    } catch (error) {
      process.stdout.write(' failed\n');
      rows.push({ path: scenario.name, measurement: { metrics: null, error: error instanceof Error ? error.message : String(error) }, budget: {} });
    }
  }
  console.log(`\nApprovalFlow hot paths (simulated: storage 20 ms, Confluence 120 ms per call); value / budget\n`);
  console.log(renderTable(rows));
  console.log(`\nbench finished in ${((Date.now() - started) / 1000).toFixed(1)} s`);
}

main()
  .catch((error: unknown) => console.error('bench could not run', error))
  .finally(() => process.exit(0));
