/**
 * Icon and the glyphs buttons take by name (`iconBefore="add"`). The SVG comes from
 * @atlaskit/icon's own files (served by the sandbox at /__shell/icons/<glyph>) and is drawn as
 * a mask, so it takes the text colour or a colour token exactly like an ADS icon.
 */
import type { CSSProperties, ReactElement } from 'react';
import { oneOf, stringOf } from '../props';
import { type UiKitComponent } from '../types';
import { tokenValue } from '../xcss';

const SIZES = { small: 16, medium: 24, large: 32 } as const;

export interface GlyphProps {
  glyph: string;
  label: string;
  size?: number;
  color?: string;
}

export function Glyph({ glyph, label, size = 16, color }: GlyphProps): ReactElement {
  const url = `url("/__shell/icons/${encodeURIComponent(glyph)}")`;
  const style: CSSProperties = {
    display: 'inline-block',
    flexShrink: 0,
    width: size,
    height: size,
    verticalAlign: 'middle',
    backgroundColor: color ?? 'currentColor',
    maskImage: url,
    maskRepeat: 'no-repeat',
    maskPosition: 'center',
    maskSize: 'contain',
    WebkitMaskImage: url,
    WebkitMaskRepeat: 'no-repeat',
    WebkitMaskPosition: 'center',
    WebkitMaskSize: 'contain',
  };
  return <span role={label === '' ? 'presentation' : 'img'} aria-label={label === '' ? undefined : label} data-glyph={glyph} style={style} />;
}

/** A glyph as the `iconBefore` / `iconAfter` component ADS buttons and tags expect. */
export function glyphComponent(glyph: string | undefined): (() => ReactElement) | undefined {
  if (glyph === undefined) return undefined;
  const GlyphIcon = (): ReactElement => <Glyph glyph={glyph} label="" />;
  return GlyphIcon;
}

export const IconView: UiKitComponent = ({ node }) => {
  const size = oneOf(node, 'size', ['small', 'medium', 'large'] as const) ?? 'medium';
  return (
    <Glyph
      glyph={stringOf(node, 'glyph') ?? 'question-circle'}
      label={stringOf(node, 'label') ?? ''}
      size={SIZES[size]}
      color={tokenValue(node.props.color) ?? tokenValue(node.props.primaryColor)}
    />
  );
};
