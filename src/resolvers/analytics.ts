/**
 * The analytics page (module `approval-analytics`, a global page): KPIs, status breakdown, daily
 * trend and workflow comparison, and their export. Served from rollups only; only spaces the
 * viewer can see in Confluence are counted.
 */
import { type AnalyticsResults, analyticsContract } from '../shared/contract/analytics';
import { resolverDefinitions, resolverSpec } from './define';
import { exportFile } from './analytics/export';
import { loadAnalytics } from './analytics/load';
import { buildReport } from './analytics/report-rows';
import { buildAnalyticsView } from './analytics/view';

const getAnalytics = resolverSpec(analyticsContract.getAnalytics, async (query): Promise<AnalyticsResults['getAnalytics']> => {
  const data = await loadAnalytics(query);
  return buildAnalyticsView(data, new Date());
});

const exportAnalytics = resolverSpec(analyticsContract.exportAnalytics, async (query): Promise<AnalyticsResults['exportAnalytics']> => {
  const data = await loadAnalytics(query);
  return exportFile(buildReport(data, buildAnalyticsView(data, new Date())), query.format);
});

export const analyticsResolver = resolverDefinitions({ getAnalytics, exportAnalytics });
