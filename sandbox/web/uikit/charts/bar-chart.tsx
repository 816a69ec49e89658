/**
 * BarChart, StackBarChart and their horizontal variants as SVG: a value axis with round
 * ticks and grid lines, one band per category, and side-by-side (grouped) or stacked bars per
 * colour group. Each bar carries a `<title>`, the hover text ADS charts show as a tooltip.
 */
import { type ReactElement } from 'react';
import { type ForgeDoc } from '../../../ui-host/forge-doc';
import { type UiKitComponent } from '../types';
import { type Accessor, accessorOf, formatNumber, tabulate, ticksUpTo } from './data';
import { AXIS_TEXT, ChartFrame, type ChartSize, GRID_LINE, Legend, paletteOf } from './frame';

interface BarLayout {
  horizontal: boolean;
  stacked: boolean;
}

const MARGIN = { top: 8, right: 16, bottom: 32, left: 48 };

function BarSvg({ node, category, value, layout, size }: { node: ForgeDoc; category: Accessor; value: Accessor; layout: BarLayout; size: ChartSize }): ReactElement {
  const data = Array.isArray(node.props.data) ? node.props.data : [];
  const table = tabulate(data, category, value, accessorOf(node.props.colorAccessor));
  const colour = paletteOf(node);
  const { width, height } = size;
  const left = layout.horizontal ? Math.min(160, 12 + 7 * Math.max(0, ...table.categories.map((name) => name.length))) : MARGIN.left;
  const plot = { x: left, y: MARGIN.top, w: width - left - MARGIN.right, h: height - MARGIN.top - MARGIN.bottom };
  const totals = table.categories.map((_, index) => (layout.stacked ? table.series.reduce((sum, series) => sum + series.values[index], 0) : Math.max(0, ...table.series.map((series) => series.values[index]))));
  const ticks = ticksUpTo(Math.max(0, ...totals), table.series.flatMap((series) => series.values));
  const top = ticks[ticks.length - 1];
  const band = (layout.horizontal ? plot.h : plot.w) / Math.max(1, table.categories.length);
  const barSpace = band * 0.7;
  const groups = layout.stacked ? 1 : table.series.length;
  const scale = (amount: number): number => (amount / top) * (layout.horizontal ? plot.w : plot.h);
  // Long category lists (days of a year) would overlap: label about eight of them, as the line chart does.
  const labelEvery = layout.horizontal ? 1 : Math.max(1, Math.ceil(table.categories.length / 8));

  const bars: ReactElement[] = [];
  table.categories.forEach((name, index) => {
    let offset = 0;
    table.series.forEach((series, seriesIndex) => {
      const amount = series.values[index];
      const length = scale(amount);
      const thickness = barSpace / groups;
      const along = index * band + (band - barSpace) / 2 + (layout.stacked ? 0 : seriesIndex * thickness);
      const rect = layout.horizontal
        ? { x: plot.x + offset, y: plot.y + along, width: length, height: thickness }
        : { x: plot.x + along, y: plot.y + plot.h - offset - length, width: thickness, height: length };
      if (layout.stacked) offset += length;
      bars.push(
        <rect key={`${seriesIndex}-${index}`} {...rect} rx={2} fill={colour(series.name, seriesIndex)}>
          <title>{`${series.name === '' ? '' : `${series.name} · `}${name}: ${formatNumber(amount)}`}</title>
        </rect>,
      );
    });
  });

  return (
    <svg role="img" aria-label={typeof node.props.title === 'string' ? node.props.title : 'Bar chart'} viewBox={`0 0 ${width} ${height}`} width={width} height={height} style={{ display: 'block', fontSize: 11 }}>
      {ticks.map((tick) => {
        const at = scale(tick);
        return layout.horizontal ? (
          <g key={tick}>
            <line x1={plot.x + at} x2={plot.x + at} y1={plot.y} y2={plot.y + plot.h} stroke={GRID_LINE} />
            <text x={plot.x + at} y={plot.y + plot.h + 16} textAnchor="middle" fill={AXIS_TEXT}>
              {formatNumber(tick)}
            </text>
          </g>
        ) : (
          <g key={tick}>
            <line x1={plot.x} x2={plot.x + plot.w} y1={plot.y + plot.h - at} y2={plot.y + plot.h - at} stroke={GRID_LINE} />
            <text x={plot.x - 6} y={plot.y + plot.h - at} dy="0.32em" textAnchor="end" fill={AXIS_TEXT}>
              {formatNumber(tick)}
            </text>
          </g>
        );
      })}
      {bars}
      {table.categories.map((name, index) =>
        layout.horizontal ? (
          <text key={name} x={plot.x - 6} y={plot.y + index * band + band / 2} dy="0.32em" textAnchor="end" fill={AXIS_TEXT}>
            {name}
          </text>
        ) : index % labelEvery === 0 ? (
          <text key={name} x={plot.x + index * band + band / 2} y={plot.y + plot.h + 16} textAnchor="middle" fill={AXIS_TEXT}>
            {name}
          </text>
        ) : null,
      )}
    </svg>
  );
}

function barChart(kind: string, layout: BarLayout): UiKitComponent {
  const Chart: UiKitComponent = ({ node }) => {
    const x = accessorOf(node.props.xAccessor) ?? 0;
    const y = accessorOf(node.props.yAccessor) ?? 1;
    // Horizontal charts put the categories on the y axis and the values along x.
    const [category, value] = layout.horizontal ? [y, x] : [x, y];
    const data = Array.isArray(node.props.data) ? node.props.data : [];
    const names = tabulate(data, category, value, accessorOf(node.props.colorAccessor)).series.map((series) => series.name);
    return (
      <ChartFrame node={node} kind={kind} legend={<Legend names={names} colour={paletteOf(node)} />}>
        {(size) => <BarSvg node={node} category={category} value={value} layout={layout} size={size} />}
      </ChartFrame>
    );
  };
  return Chart;
}

export const BarChartView = barChart('BarChart', { horizontal: false, stacked: false });
export const StackBarChartView = barChart('StackBarChart', { horizontal: false, stacked: true });
export const HorizontalBarChartView = barChart('HorizontalBarChart', { horizontal: true, stacked: false });
export const HorizontalStackBarChartView = barChart('HorizontalStackBarChart', { horizontal: true, stacked: true });
