import type React from 'react';
import { DonutChart } from '@forge/react';
import { type AnalyticsView } from '../../shared/contract';
import { EmptyNote } from '../shared/empty-note';
import { statusLabel } from './format';

/** Where the selected workflows' requests stand now (not limited to the date range). */
export function StatusBreakdown({ view }: { view: AnalyticsView }): React.JSX.Element {
  const data = view.statusBreakdown.filter((entry) => entry.count > 0).map((entry) => ({ status: statusLabel(entry.status), count: entry.count }));
  if (data.length === 0) return <EmptyNote header="No requests yet" description="The selected workflows have no requests." />;
  return <DonutChart title="Requests by status now" data={data} colorAccessor="status" labelAccessor="status" valueAccessor="count" showMarkLabels />;
}
