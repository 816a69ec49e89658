/**
 * UI Kit charts colour their groups from `colorPalette`; given as `{key, value}` pairs it maps
 * each group by its name (mirror/ui-kit/components/donut-chart, line-chart, bar-chart), so a
 * status keeps its colour however many groups a load returns and in whatever order.
 */
import { type RequestStatus, TONE_COLOURS, TREND_TONES, statusColour } from '../../shared/status-colours';
import { STATUS_LABELS } from '../../shared/status';

export interface PaletteEntry {
  key: string;
  value: string;
}

export function statusPalette(statuses: readonly RequestStatus[]): PaletteEntry[] {
  return statuses.map((status) => ({ key: STATUS_LABELS[status], value: statusColour(status) }));
}

export type TrendSeries = keyof typeof TREND_TONES;

export const TREND_LABELS: Record<TrendSeries, string> = { submitted: 'Submitted', approved: 'Approved', rejected: 'Rejected' };

export function trendPalette(series: readonly TrendSeries[]): PaletteEntry[] {
  return series.map((name) => ({ key: TREND_LABELS[name], value: TONE_COLOURS[TREND_TONES[name]] }));
}
