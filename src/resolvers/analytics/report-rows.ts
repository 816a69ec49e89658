/**
 * What an export holds beyond the page's view: the day-by-workflow rows behind the trend, and
 * the keys of the spaces counted. Days without activity have no row.
 */
import { type DailyRollup } from '../../domain/analytics-rollup';
import { type AnalyticsView } from '../../shared/contract/analytics';
import { type AnalyticsData } from './load';

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
  const days = data.rollups
    .map((rollup) => ({
      day: rollup.day,
      counts: rollup.counts,
      decisionMinutes: rollup.decisionMinutes,
      spaceKey: keys.get(rollup.spaceId) ?? rollup.spaceId,
      workflowId: rollup.workflowId,
      workflowName: data.workflowNames.get(rollup.workflowId) ?? rollup.workflowId,
    }))
    .sort((a, b) => a.day.localeCompare(b.day) || a.workflowName.localeCompare(b.workflowName) || a.workflowId.localeCompare(b.workflowId));
  return { view, spaceKeys: [...keys.values()].sort(), days };
}
