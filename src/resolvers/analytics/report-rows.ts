/**
 * What an export holds beyond the page's view: the day-by-workflow rows behind the trend, and
 * the keys of the spaces counted. Days without activity have no row. When the figures came from
 * the site's totals (many spaces counted, see load.ts) a day has one row for all workflows
 * together: the site keeps its daily totals that way, and per workflow they would not fit an
 * export anyway.
 */
import { type DailyRollup } from '../../domain/analytics-rollup';
import { type AnalyticsView } from '../../shared/contract/analytics';
import { ALL, type AnalyticsData } from './load';

export interface DayWorkflowRow extends Pick<DailyRollup, 'day' | 'counts' | 'decisionMinutes'> {
  spaceKey: string;
  workflowId: string;
  workflowName: string;
}

export interface AnalyticsReport {
  view: AnalyticsView;
  /** Keys of the spaces counted, sorted. */
  spaceKeys: string[];
  days: DayWorkflowRow[];
}

export function buildReport(data: AnalyticsData, view: AnalyticsView): AnalyticsReport {
  const keys = new Map(data.spaces.map((space) => [space.id, space.key]));
  const days = data.days
    .map((rollup) => ({
      day: rollup.day,
      counts: rollup.counts,
      decisionMinutes: rollup.decisionMinutes,
      spaceKey: rollup.spaceId === ALL ? '' : (keys.get(rollup.spaceId) ?? rollup.spaceId),
      workflowId: rollup.workflowId === ALL ? '' : rollup.workflowId,
      workflowName: rollup.workflowId === ALL ? 'All workflows' : (data.workflowNames.get(rollup.workflowId) ?? rollup.workflowId),
    }))
    .sort((a, b) => a.day.localeCompare(b.day) || a.workflowName.localeCompare(b.workflowName) || a.workflowId.localeCompare(b.workflowId));
  return { view, spaceKeys: [...keys.values()].sort(), days };
}
