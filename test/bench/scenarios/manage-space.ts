/**
 * The manage-space tree: one level of a page with 250 children, and the first page of a level
 * with 5,000 (SETTINGS' getTreeLevel). A level is read 250 rows at a time, so the first page of
 * 5,000 children costs what a level of 250 does.
 */
import { MODULES, SPACES, startApp, type TestApp } from '../../integration/support/app';
import { measure } from '../measure';
import { type Row } from '../report';
import { BENCH_LATENCY } from './latency';

function levelOf(app: TestApp, children: number): () => Promise<unknown> {
  const site = app.site();
  const parent = site.addPage({ spaceId: SPACES.ENG.id, title: `Bench: ${children} children`, authorId: 'u-frank' });
  for (let i = 0; i < children; i += 1) site.addPage({ spaceId: SPACES.ENG.id, parentId: parent.id, title: `Bench child ${i} of ${children}`, authorId: 'u-frank' });
  return () => app.as('u-frank').invoke(MODULES.settings, 'getTreeLevel', { parent: { type: 'page', id: parent.id } }, app.spaceContext('ENG'));
}

export async function manageSpaceBench(): Promise<Row[]> {
  const app = await startApp(BENCH_LATENCY);
  try {
    const level = levelOf(app, 250);
    const huge = levelOf(app, 5_000);
    const budget = { confluence: 2, simulatedMs: 200 };
    const note = 'DESIGN.md: 1–2 Confluence calls + status reads in one parallel round (batch gets of 25 keys), ≤ 200 ms simulated';
    return [
      { path: 'manage-space: level of 250 pages (first)', measurement: await measure(app.sandbox, level), budget, note },
      { path: 'manage-space: level of 250 pages (again)', measurement: await measure(app.sandbox, level), budget },
      {
        path: 'manage-space: level of 5,000 pages, first page',
        measurement: await measure(app.sandbox, huge),
        budget,
        note: 'Issue 16: first page ≤ 2 Confluence calls + one parallel round of status reads',
      },
    ];
  } finally {
    app.close();
  }
}
