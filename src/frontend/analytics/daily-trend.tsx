import type React from 'react';
import { BarChart } from '@forge/react';
import { type AnalyticsView } from '../../shared/contract';
import { formatDate } from '../shared/dates';
import { useViewerLocale } from '../shared/use-viewer-locale';
import { TREND_LABELS, type TrendSeries, trendPalette } from './chart-colours';

const SERIES: readonly TrendSeries[] = ['submitted', 'approved', 'rejected'];

/**
 * Submissions and decisions per day of the range, side by side; days without activity count as
 * zero. Bars rather than lines: equal counts (one approval and one rejection on a day) would draw
 * lines on top of each other and hide one, and UI Kit's LineChart has no marker or stroke props.
 * Days are written as everywhere else in the app.
 */
export function DailyTrend({ view }: { view: AnalyticsView }): React.JSX.Element {
  const locale = useViewerLocale();
  const data = view.trend.flatMap((point) => SERIES.map((series) => ({ day: formatDate(point.day, locale), series: TREND_LABELS[series], count: point[series] })));
  return <BarChart title="Daily activity (UTC days)" data={data} xAccessor="day" yAccessor="count" colorAccessor="series" colorPalette={trendPalette(SERIES)} />;
}
