import type React from 'react';
import { LineChart } from '@forge/react';
import { type AnalyticsView } from '../../shared/contract';

const SERIES = [
  { field: 'submitted', label: 'Submitted' },
  { field: 'approved', label: 'Approved' },
  { field: 'rejected', label: 'Rejected' },
] as const;

/** Submissions and decisions per day of the range, one line each; days without activity count as zero. */
export function DailyTrend({ view }: { view: AnalyticsView }): React.JSX.Element {
  const data = view.trend.flatMap((point) => SERIES.map((series) => ({ day: point.day, series: series.label, count: point[series.field] })));
  return <LineChart title="Daily activity (UTC days)" data={data} xAccessor="day" yAccessor="count" colorAccessor="series" />;
}
