/** When the analytics page has nothing to show. */
import { type AnalyticsView } from '../../shared/contract';

/** True when nothing happened in the range and nothing is waiting: the page shows an empty state instead of zeros. */
export function isEmpty(view: AnalyticsView): boolean {
  const { kpis } = view;
  return kpis.submitted + kpis.approved + kpis.rejected + kpis.withdrawn + kpis.expired + kpis.pending === 0;
}
