/**
 * Charts of the HTML report as inline SVG: nothing to load, so the file opens offline and
 * prints as it shows. Sizes come from a viewBox, so a chart scales with the page.
 */
import { type TrendPoint } from '../../shared/contract/analytics';
import { formatDay } from '../../shared/status';
import { TONE_COLOURS, TREND_TONES } from '../../shared/status-colours';

export function escapeHtml(text: string): string {
  return text.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;').replace(/"/g, '&quot;').replace(/'/g, '&#39;');
}

export const TREND_SERIES = ['submitted', 'approved', 'rejected'] as const;

export function trendColour(series: (typeof TREND_SERIES)[number]): string {
  return TONE_COLOURS[TREND_TONES[series]];
}

/** Each line is narrower than the one drawn before it, so lines that coincide show as nested bands rather than one hiding the others. */
const STROKE_WIDTHS = [6, 3.5, 1.5] as const;
const WIDTH = 900;
const HEIGHT = 260;
const MARGIN = { left: 44, right: 12, top: 12, bottom: 28 };

const round = (value: number): number => Math.round(value * 10) / 10;

/** Submitted, approved and rejected per day, as lines over the range. */
export function trendChart(points: readonly TrendPoint[]): string {
  const max = Math.max(1, ...points.flatMap((p) => TREND_SERIES.map((series) => p[series])));
  const plotWidth = WIDTH - MARGIN.left - MARGIN.right;
  const plotHeight = HEIGHT - MARGIN.top - MARGIN.bottom;
  const x = (index: number) => round(MARGIN.left + (points.length <= 1 ? plotWidth / 2 : (index / (points.length - 1)) * plotWidth));
  const y = (value: number) => round(MARGIN.top + plotHeight - (value / max) * plotHeight);
  const lines = TREND_SERIES.map(
    (series, index) =>
      `<polyline fill="none" stroke="${trendColour(series)}" stroke-width="${STROKE_WIDTHS[index]}" stroke-linejoin="round" points="${points.map((p, i) => `${x(i)},${y(p[series])}`).join(' ')}"/>`,
  );
  const ticks = [0, Math.round(max / 2), max].map(
    (value) =>
      `<line x1="${MARGIN.left}" x2="${WIDTH - MARGIN.right}" y1="${y(value)}" y2="${y(value)}" stroke="#dcdfe4"/>` +
      `<text x="${MARGIN.left - 6}" y="${y(value) + 4}" text-anchor="end">${value}</text>`,
  );
  const labelled = points.length === 0 ? [] : [...new Set([0, Math.floor((points.length - 1) / 2), points.length - 1])];
  const days = labelled.map((i) => `<text x="${x(i)}" y="${HEIGHT - 8}" text-anchor="middle">${escapeHtml(formatDay(points[i].day))}</text>`);
  return [
    `<svg class="chart" viewBox="0 0 ${WIDTH} ${HEIGHT}" role="img" aria-label="Daily trend of submitted, approved and rejected requests">`,
    ...ticks,
    ...lines,
    ...days,
    '</svg>',
  ].join('');
}

export interface Bar {
  label: string;
  value: number;
  colour: string;
}

/** Horizontal bars with their values, e.g. requests per status. */
export function barChart(bars: readonly Bar[], ariaLabel: string): string {
  const rowHeight = 28;
  const labelWidth = 170;
  const barSpace = WIDTH - labelWidth - 70;
  const max = Math.max(1, ...bars.map((bar) => bar.value));
  const rows = bars.map((bar, i) => {
    const top = i * rowHeight + 4;
    const width = round((bar.value / max) * barSpace);
    return (
      `<text x="${labelWidth - 8}" y="${top + 15}" text-anchor="end">${escapeHtml(bar.label)}</text>` +
      `<rect x="${labelWidth}" y="${top}" width="${width}" height="18" rx="3" fill="${bar.colour}"/>` +
      `<text x="${labelWidth + width + 6}" y="${top + 15}">${bar.value}</text>`
    );
  });
  return `<svg class="chart" viewBox="0 0 ${WIDTH} ${bars.length * rowHeight + 8}" role="img" aria-label="${escapeHtml(ariaLabel)}">${rows.join('')}</svg>`;
}
