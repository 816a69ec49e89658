import type React from 'react';
import { LineChart } from '@forge/react';
import { type AnalyticsView } from '../../shared/contract';
import { TREND_LABELS, type TrendSeries, trendPalette } from './chart-colours';

const SERIES: readonly TrendSeries[] = ['submitted', 'approved', 'rejected'];

/** Submissions and decisions per day of the range, one line each; days without activity count as zero. */
export function DailyTrend({ view }: { view: AnalyticsView }): React.JSX.Element {
  const data = view.trend.flatMap((point) => SERIES.map((series) => ({ day: point.day, series: TREND_LABELS[series], count: point[series] })));
  return <LineChart title="Daily activity (UTC days)" data={data} xAccessor="day" yAccessor="count" colorAccessor="series" colorPalette={trendPalette(SERIES)} />;
}
