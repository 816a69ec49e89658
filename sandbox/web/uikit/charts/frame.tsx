/** What every chart shares: title, subtitle, optional border, legend, and the categorical palette. */
import { type ReactElement, type ReactNode, useEffect, useRef, useState } from 'react';
import { token } from '@atlaskit/tokens';
import { type ForgeDoc, isRecord } from '../../../ui-host/forge-doc';
import { arrayOf, booleanOf, numberOf, stringOf } from '../props';
import { cssValue } from '../xcss';

const CATEGORICAL = [1, 2, 3, 4, 5, 6, 7, 8].map((index) => token(`color.chart.categorical.${index}` as 'color.chart.categorical.1'));

/** The colour of a chart group, by its name and its position among the chart's groups. */
export type GroupColour = (name: string, index: number) => string;

/**
 * The app's `colorPalette` when it gives one, ADS's categorical colours otherwise. UI Kit takes
 * colour strings (used in group order) or `{key, value}` pairs naming the group they colour
 * (mirror/ui-kit/components/donut-chart, line-chart, bar-chart: `colorPalette`); a group no pair
 * names, or a palette with no colour at all, falls back to the categorical colours.
 */
export function paletteOf(node: ForgeDoc): GroupColour {
  const entries = arrayOf(node, 'colorPalette') ?? [];
  const keyed = new Map<string, string>();
  const ordered: string[] = [];
  for (const entry of entries) {
    if (isRecord(entry) && typeof entry.key === 'string') {
      const colour = cssValue(entry.value);
      if (typeof colour === 'string') keyed.set(entry.key, colour);
      continue;
    }
    const colour = cssValue(isRecord(entry) && 'fill' in entry ? entry.fill : entry);
    if (typeof colour === 'string') ordered.push(colour);
  }
  const fallback = ordered.length > 0 ? ordered : CATEGORICAL;
  return (name, index) => keyed.get(name) ?? fallback[index % fallback.length];
}

export const AXIS_TEXT = token('color.text.subtle');
export const GRID_LINE = token('color.border');

export interface ChartSize {
  width: number;
  height: number;
}

const DEFAULT_WIDTH = 640;
const DEFAULT_HEIGHT = 320;

/**
 * The plot is drawn at the pixel size it gets (the app's `width`, or its container's), so axis
 * text stays at 11px instead of scaling with the SVG.
 */
function useDrawnWidth(fixed: number | undefined): [(element: HTMLElement | null) => void, number] {
  const [element, setElement] = useState<HTMLElement | null>(null);
  const [measured, setMeasured] = useState(DEFAULT_WIDTH);
  const observer = useRef<ResizeObserver | null>(null);
  useEffect(() => {
    if (fixed !== undefined || element === null) return;
    observer.current = new ResizeObserver(([entry]) => setMeasured(Math.max(160, Math.floor(entry.contentRect.width))));
    observer.current.observe(element);
    return () => observer.current?.disconnect();
  }, [element, fixed]);
  return [setElement, fixed ?? measured];
}

export function Legend({ names, colour }: { names: string[]; colour: GroupColour }): ReactElement | null {
  if (names.length <= 1 && names[0] === '') return null;
  return (
    <div style={{ display: 'flex', flexWrap: 'wrap', gap: token('space.150'), fontSize: 12, color: AXIS_TEXT }}>
      {names.map((name, index) => (
        <span key={name} style={{ display: 'inline-flex', alignItems: 'center', gap: token('space.050') }}>
          <span style={{ width: 10, height: 10, borderRadius: 2, backgroundColor: colour(name, index) }} />
          {name}
        </span>
      ))}
    </div>
  );
}

export function ChartFrame({ node, kind, legend, children }: { node: ForgeDoc; kind: string; legend: ReactNode; children: (size: ChartSize) => ReactNode }): ReactElement {
  const title = stringOf(node, 'title');
  const subtitle = stringOf(node, 'subtitle');
  const bordered = booleanOf(node, 'showBorder') === true;
  const width = numberOf(node, 'width');
  const [measure, drawnWidth] = useDrawnWidth(width);
  return (
    <figure
      ref={measure}
      data-chart={kind}
      style={{
        margin: 0,
        width: width === undefined ? '100%' : width,
        maxWidth: '100%',
        display: 'flex',
        flexDirection: 'column',
        gap: token('space.100'),
        padding: bordered ? token('space.200') : 0,
        border: bordered ? `1px solid ${token('color.border')}` : undefined,
        borderRadius: bordered ? token('border.radius.200') : undefined,
        boxSizing: 'border-box',
      }}
    >
      {(title !== undefined || subtitle !== undefined) && (
        <figcaption>
          {title !== undefined && <div style={{ font: token('font.heading.small'), color: token('color.text') }}>{title}</div>}
          {subtitle !== undefined && <div style={{ font: token('font.body.small'), color: AXIS_TEXT }}>{subtitle}</div>}
        </figcaption>
      )}
      {legend}
      {children({ width: drawnWidth - (bordered ? 34 : 0), height: numberOf(node, 'height') ?? DEFAULT_HEIGHT })}
    </figure>
  );
}
