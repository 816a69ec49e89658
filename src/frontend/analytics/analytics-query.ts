/** The analytics filters as the screen holds them, and as the contract takes them. */
import { format, parseISO, subDays } from 'date-fns';

export interface AnalyticsFilters {
  /** `YYYY-MM-DD`, both ends included. */
  from: string;
  to: string;
  /** Empty means every space (or workflow) the viewer can see. */
  spaceIds: readonly string[];
  workflowIds: readonly string[];
}

export interface AnalyticsQuery {
  from: string;
  to: string;
  spaceIds?: string[];
  workflowIds?: string[];
}

const DEFAULT_DAYS = 30;

/** The last 30 days, today included, as the viewer's calendar reads them. */
export function defaultFilters(now: Date = new Date()): AnalyticsFilters {
  const today = format(now, 'yyyy-MM-dd');
  return { from: format(subDays(parseISO(today), DEFAULT_DAYS - 1), 'yyyy-MM-dd'), to: today, spaceIds: [], workflowIds: [] };
}

/** An empty selection is left out: the contract reads a present list as "only these". */
export function toQuery(filters: AnalyticsFilters): AnalyticsQuery {
  return {
    from: filters.from,
    to: filters.to,
    ...(filters.spaceIds.length === 0 ? {} : { spaceIds: [...filters.spaceIds] }),
    ...(filters.workflowIds.length === 0 ? {} : { workflowIds: [...filters.workflowIds] }),
  };
}
