/**
 * The analytics page's resolvers (module `approval-analytics`, a global page). Only the
 * spaces the viewer can see are counted.
 */
import { z } from 'zod';
import { type PageStatus } from '../status';
import { daySchema } from './common';
import { spaceIdSchema, workflowIdSchema } from './ids';

export interface Kpis {
  submitted: number;
  approved: number;
  rejected: number;
  withdrawn: number;
  expired: number;
  /** Requests still in approval. */
  pending: number;
  /** approved / (approved + rejected), or null before any decision. */
  approvalRate: number | null;
  /** Time from submission to the final decision, in minutes (nearest-rank percentiles). */
  medianMinutesToDecision: number | null;
  p90MinutesToDecision: number | null;
}

export interface TrendPoint {
  day: string;
  submitted: number;
  approved: number;
  rejected: number;
  withdrawn: number;
  expired: number;
}

/**
 * The workflow comparison lists this many workflows: a site with a thousand would otherwise send
 * a thousand rows (over 250 KB) that nobody reads on one page.
 */
export const MAX_COMPARED_WORKFLOWS = 100;

export interface AnalyticsView {
  range: { from: string; to: string };
  kpis: Kpis;
  /** Requests by the status they are in now, for the spaces and workflows selected. */
  statusBreakdown: { status: PageStatus | 'withdrawn'; count: number }[];
  trend: TrendPoint[];
  /** The busiest workflows of the selection (at most `MAX_COMPARED_WORKFLOWS`), busiest first. */
  workflows: (Kpis & { workflowId: string; workflowName: string; spaceKey: string })[];
  /** Workflows with activity in the range beyond those listed: a filter narrows the selection to them. */
  workflowsNotShown: number;
  /** Filter choices: the spaces the viewer can see that have workflows. */
  spaces: { id: string; key: string; name: string }[];
  /** Filter choices: the workflows of the spaces counted, whatever the workflow filter, by name. */
  workflowChoices: { id: string; name: string }[];
  generatedAt: string;
}

export interface AnalyticsExportView {
  filename: string;
  mimeType: 'text/csv' | 'text/html';
  content: string;
}

const analyticsQuery = z
  .object({
    from: daySchema,
    to: daySchema,
    spaceIds: z.array(spaceIdSchema).max(100).optional(),
    workflowIds: z.array(workflowIdSchema).max(100).optional(),
  })
  .refine((q) => q.from <= q.to, { error: 'The start date must be on or before the end date', path: ['from'] });

export const analyticsContract = {
  getAnalytics: analyticsQuery,
  exportAnalytics: z.intersection(analyticsQuery, z.object({ format: z.enum(['csv', 'html']) })),
} as const;

export interface AnalyticsResults {
  getAnalytics: AnalyticsView;
  exportAnalytics: AnalyticsExportView;
}
