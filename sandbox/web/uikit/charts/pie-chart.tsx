/** PieChart and DonutChart as SVG arcs, one slice per label (`colorAccessor`), sized by `valueAccessor`. */
import { type ReactElement } from 'react';
import { token } from '@atlaskit/tokens';
import { numberOf } from '../props';
import { type UiKitComponent } from '../types';
import { accessorOf, formatNumber, tabulate } from './data';
import { ChartFrame, Legend, paletteOf } from './frame';

function arc(cx: number, cy: number, outer: number, inner: number, start: number, end: number): string {
  const point = (radius: number, angle: number): string => `${cx + radius * Math.sin(angle)} ${cy - radius * Math.cos(angle)}`;
  const large = end - start > Math.PI ? 1 : 0;
  const outerArc = `M ${point(outer, start)} A ${outer} ${outer} 0 ${large} 1 ${point(outer, end)}`;
  if (inner <= 0) return `${outerArc} L ${cx} ${cy} Z`;
  return `${outerArc} L ${point(inner, end)} A ${inner} ${inner} 0 ${large} 0 ${point(inner, start)} Z`;
}

function pieChart(kind: string, donut: boolean): UiKitComponent {
  const Chart: UiKitComponent = ({ node }) => {
    const data = Array.isArray(node.props.data) ? node.props.data : [];
    const label = accessorOf(node.props.colorAccessor) ?? accessorOf(node.props.labelAccessor) ?? 0;
    const table = tabulate(data, label, accessorOf(node.props.valueAccessor) ?? 1, undefined);
    const values = table.series[0]?.values ?? [];
    const total = values.reduce((sum, value) => sum + value, 0);
    const colour = paletteOf(node);
    const size = Math.min(numberOf(node, 'height') ?? 240, numberOf(node, 'width') ?? 240);
    const outer = numberOf(node, 'outerRadius') ?? size / 2 - 4;
    const inner = donut ? (numberOf(node, 'innerRadius') ?? outer * 0.6) : 0;
    let angle = 0;
    const slices: ReactElement[] = values.map((value, index) => {
      const sweep = total === 0 ? 0 : (value / total) * Math.PI * 2;
      // A single slice of the whole circle is drawn as two halves: an arc cannot start where it ends.
      const path = sweep >= Math.PI * 2 - 1e-9 ? `${arc(size / 2, size / 2, outer, inner, 0, Math.PI)} ${arc(size / 2, size / 2, outer, inner, Math.PI, Math.PI * 2)}` : arc(size / 2, size / 2, outer, inner, angle, angle + sweep);
      angle += sweep;
      return (
        <path key={table.categories[index]} d={path} fill={colour(table.categories[index], index)} stroke={token('elevation.surface')} strokeWidth={1}>
          <title>{`${table.categories[index]}: ${formatNumber(value)} (${total === 0 ? 0 : Math.round((value / total) * 100)}%)`}</title>
        </path>
      );
    });
    return (
      <ChartFrame node={node} kind={kind} legend={<Legend names={table.categories} colour={colour} />}>
        {() => (
          <svg role="img" aria-label={typeof node.props.title === 'string' ? node.props.title : kind} viewBox={`0 0 ${size} ${size}`} width={size} height={size} style={{ display: 'block' }}>
            {slices}
            {donut && (
              <text x={size / 2} y={size / 2} dy="0.35em" textAnchor="middle" style={{ font: token('font.heading.medium') }} fill={token('color.text')}>
                {formatNumber(total)}
              </text>
            )}
          </svg>
        )}
      </ChartFrame>
    );
  };
  return Chart;
}

export const PieChartView = pieChart('PieChart', false);
export const DonutChartView = pieChart('DonutChart', true);
