/** The manage-space tree: one level of a page with 250 children (SETTINGS' getTreeLevel). */
import { MODULES, SPACES, startApp } from '../../integration/support/app';
import { measure } from '../measure';
import { type Row } from '../report';
import { BENCH_LATENCY } from './latency';

export async function manageSpaceBench(): Promise<Row[]> {
  const app = await startApp(BENCH_LATENCY);
  try {
    const site = app.site();
    const parent = site.addPage({ spaceId: SPACES.ENG.id, title: 'Bench: 250 children', authorId: 'u-frank' });
    for (let i = 0; i < 250; i += 1) site.addPage({ spaceId: SPACES.ENG.id, parentId: parent.id, title: `Bench child ${i}`, authorId: 'u-frank' });
    const level = () => app.as('u-frank').invoke(MODULES.settings, 'getTreeLevel', { parent: { type: 'page', id: parent.id } }, app.spaceContext('ENG'));
    const budget = { confluence: 2, simulatedMs: 200 };
    const note = 'DESIGN.md: 1–2 Confluence calls + status reads in one parallel round (batch gets of 25 keys), ≤ 200 ms simulated';
    return [
      { path: 'manage-space: level of 250 pages (first)', measurement: await measure(app.sandbox, level), budget, note },
      { path: 'manage-space: level of 250 pages (again)', measurement: await measure(app.sandbox, level), budget },
    ];
  } finally {
    app.close();
  }
}
