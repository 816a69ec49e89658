/**
 * The analytics page's answer, computed from loaded rollups with the domain's maths. Pending
 * requests are counted exactly from the status rows when the range reaches today (requests in
 * approval now, as `computeKpis` counts them); for a range that ended earlier only the rollups
 * of the range are known, and pending is what they imply.
 */
import { type Kpis } from '../../shared/contract/analytics';
import { compareWorkflows, kpisFromRollups, trendFromRollups } from '../../domain/analytics-rollup';
import { type StatusCounts } from '../../domain/status-counts';
import { utcDay } from '../../domain/time';
import { type AnalyticsView, MAX_COMPARED_WORKFLOWS } from '../../shared/contract/analytics';
import { type AnalyticsData } from './load';

/** The statuses the breakdown shows; superseded requests were replaced by a newer one and are left out. */
const BREAKDOWN = ['inApproval', 'approved', 'changesRequested', 'withdrawn', 'expired'] as const;

function inApprovalNow(statuses: readonly (StatusCounts | undefined)[]): number {
  return Math.max(0, statuses.reduce((sum, counts) => sum + (counts?.inApproval ?? 0), 0));
}

export function buildAnalyticsView(data: AnalyticsData, now: Date): AnalyticsView {
  const reachesToday = data.range.to >= utcDay(now.toISOString());
  const withPending = <T extends Kpis>(kpis: T, statuses: readonly (StatusCounts | undefined)[]): T =>
    reachesToday ? { ...kpis, pending: inApprovalNow(statuses) } : kpis;

  const allStatuses = [...data.statusNow.values()];
  const spaceKeys = new Map(data.spaces.map((space) => [space.id, space.key]));
  const compared = compareWorkflows(data.workflows);
  const workflowSpace = new Map(data.workflows.map((workflow) => [workflow.workflowId, workflow.spaceId]));
  const breakdown = new Map<string, number>();
  for (const counts of allStatuses) {
    for (const status of BREAKDOWN) breakdown.set(status, (breakdown.get(status) ?? 0) + (counts[status] ?? 0));
  }

  return {
    range: data.range,
    kpis: withPending(kpisFromRollups(data.days), allStatuses),
    statusBreakdown: BREAKDOWN.map((status) => ({ status, count: Math.max(0, breakdown.get(status) ?? 0) })),
    trend: trendFromRollups(data.days, data.range),
    workflows: compared.slice(0, MAX_COMPARED_WORKFLOWS).map((row) => ({
      ...withPending(row, [data.statusNow.get(row.workflowId)]),
      workflowName: data.workflowNames.get(row.workflowId) ?? row.workflowId,
      spaceKey: spaceKeys.get(workflowSpace.get(row.workflowId) ?? '') ?? '',
    })),
    workflowsNotShown: Math.max(0, compared.length - MAX_COMPARED_WORKFLOWS),
    spaces: data.choices.map((space) => ({ id: space.id, key: space.key, name: space.name })),
    workflowChoices: [...data.workflowNames].map(([id, name]) => ({ id, name })).sort((a, b) => a.name.localeCompare(b.name)),
    generatedAt: now.toISOString(),
  };
}
