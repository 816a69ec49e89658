import type React from 'react';
import { DonutChart } from '@forge/react';
import { type AnalyticsView } from '../../shared/contract';
import { EmptyNote } from '../shared/empty-note';
import { statusPalette } from './chart-colours';
import { STATUS_LABELS } from '../../shared/status';

/** Where the selected workflows' requests stand now (not limited to the date range). */
export function StatusBreakdown({ view }: { view: AnalyticsView }): React.JSX.Element {
  const shown = view.statusBreakdown.filter((entry) => entry.count > 0);
  if (shown.length === 0) return <EmptyNote header="No requests yet" description="The selected workflows have no requests." />;
  const data = shown.map((entry) => ({ status: STATUS_LABELS[entry.status], count: entry.count }));
  return (
    <DonutChart
      title="Requests by status now"
      data={data}
      colorAccessor="status"
      labelAccessor="status"
      valueAccessor="count"
      colorPalette={statusPalette(shown.map((entry) => entry.status))}
      showMarkLabels
    />
  );
}
