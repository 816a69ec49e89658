/** LineChart as SVG: one line with point markers per colour group over the x categories. */
import { type ReactElement } from 'react';
import { type ForgeDoc } from '../../../ui-host/forge-doc';
import { type UiKitComponent } from '../types';
import { accessorOf, formatNumber, tabulate, ticksUpTo } from './data';
import { AXIS_TEXT, ChartFrame, type ChartSize, GRID_LINE, Legend, paletteOf } from './frame';

const MARGIN = { top: 8, right: 16, bottom: 32, left: 48 };

function LineSvg({ node, size }: { node: ForgeDoc; size: ChartSize }): ReactElement {
  const data = Array.isArray(node.props.data) ? node.props.data : [];
  const table = tabulate(data, accessorOf(node.props.xAccessor) ?? 0, accessorOf(node.props.yAccessor) ?? 1, accessorOf(node.props.colorAccessor));
  const groupColour = paletteOf(node);
  const { width, height } = size;
  const plot = { x: MARGIN.left, y: MARGIN.top, w: width - MARGIN.left - MARGIN.right, h: height - MARGIN.top - MARGIN.bottom };
  const values = table.series.flatMap((series) => series.values);
  const ticks = ticksUpTo(Math.max(0, ...values), values);
  const top = ticks[ticks.length - 1];
  const step = table.categories.length > 1 ? plot.w / (table.categories.length - 1) : 0;
  const xAt = (index: number): number => plot.x + (table.categories.length > 1 ? index * step : plot.w / 2);
  const yAt = (value: number): number => plot.y + plot.h - (value / top) * plot.h;
  // Long category lists (days of a year) would overlap: label about eight of them.
  const labelEvery = Math.max(1, Math.ceil(table.categories.length / 8));

  const lines: ReactElement[] = table.series.map((series, seriesIndex) => {
    const colour = groupColour(series.name, seriesIndex);
    const points = series.values.map((value, index) => `${xAt(index)},${yAt(value)}`).join(' ');
    return (
      <g key={series.name || seriesIndex}>
        <polyline points={points} fill="none" stroke={colour} strokeWidth={2} />
        {series.values.map((value, index) => (
          <circle key={index} cx={xAt(index)} cy={yAt(value)} r={3} fill={colour}>
            <title>{`${series.name === '' ? '' : `${series.name} · `}${table.categories[index]}: ${formatNumber(value)}`}</title>
          </circle>
        ))}
      </g>
    );
  });

  return (
    <svg role="img" aria-label={typeof node.props.title === 'string' ? node.props.title : 'Line chart'} viewBox={`0 0 ${width} ${height}`} width={width} height={height} style={{ display: 'block', fontSize: 11 }}>
      {ticks.map((tick) => (
        <g key={tick}>
          <line x1={plot.x} x2={plot.x + plot.w} y1={yAt(tick)} y2={yAt(tick)} stroke={GRID_LINE} />
          <text x={plot.x - 6} y={yAt(tick)} dy="0.32em" textAnchor="end" fill={AXIS_TEXT}>
            {formatNumber(tick)}
          </text>
        </g>
      ))}
      {lines}
      {table.categories.map((name, index) =>
        index % labelEvery === 0 ? (
          <text key={name} x={xAt(index)} y={plot.y + plot.h + 16} textAnchor="middle" fill={AXIS_TEXT}>
            {name}
          </text>
        ) : null,
      )}
    </svg>
  );
}

export const LineChartView: UiKitComponent = ({ node }) => {
  const data = Array.isArray(node.props.data) ? node.props.data : [];
  const names = tabulate(data, accessorOf(node.props.xAccessor) ?? 0, accessorOf(node.props.yAccessor) ?? 1, accessorOf(node.props.colorAccessor)).series.map((series) => series.name);
  return (
    <ChartFrame node={node} kind="LineChart" legend={<Legend names={names} colour={paletteOf(node)} />}>
      {(size) => <LineSvg node={node} size={size} />}
    </ChartFrame>
  );
};
