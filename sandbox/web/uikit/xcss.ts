/**
 * UI Kit's `xcss()` is the identity function: the app sends a plain style object whose values
 * are ADS token names (`padding: 'space.100'`, `borderRadius: 'radius.small'`). Atlassian's
 * renderer compiles it to classes; here it becomes an inline style with each token replaced by
 * its CSS variable. Pseudo-classes and media queries cannot be inline: they are left out, so
 * hover and breakpoint variants look like the base style.
 *
 * UI Kit's types follow the tokens release @atlaskit/forge-react-types depends on, which is
 * newer than the one installed for the ADS components (it renamed `border.radius` to
 * `radius.small`, added `color.background.success.subtler`…). Names are looked up in both,
 * newest first, and carry their light-theme value as fallback, since the page's theme CSS
 * comes from the older release and may not define the newer variables.
 */
import type { CSSProperties } from 'react';
import uiKitDefaults from '@atlaskit/forge-react-types/node_modules/@atlaskit/tokens/token-default-values';
import uiKitNames from '@atlaskit/forge-react-types/node_modules/@atlaskit/tokens/token-names';
import installedNames from '@atlaskit/tokens/token-names';
import { isRecord } from '../../ui-host/forge-doc';

const NAMES: Readonly<Record<string, string>> = { ...installedNames, ...uiKitNames };
const DEFAULTS: Readonly<Record<string, string>> = uiKitDefaults;

/** `space.100` → `var(--ds-space-100, 0.5rem)`; anything that is not a token name passes through. */
export function cssValue(value: unknown): string | number | undefined {
  if (typeof value === 'number') return value;
  if (typeof value !== 'string') return undefined;
  const variable = NAMES[value];
  if (variable === undefined) return value;
  const fallback = DEFAULTS[value];
  return fallback === undefined ? `var(${variable})` : `var(${variable}, ${fallback})`;
}

function merge(into: Record<string, string | number>, style: unknown): void {
  if (Array.isArray(style)) {
    for (const part of style) merge(into, part);
    return;
  }
  if (!isRecord(style)) return;
  for (const [property, value] of Object.entries(style)) {
    // Nested objects are selectors (`:hover`, `@media …`, `&:focus`): not expressible inline.
    if (isRecord(value) || property.startsWith(':') || property.startsWith('@') || property.startsWith('&')) continue;
    const css = cssValue(value);
    if (css !== undefined) into[property] = css;
  }
}

/** The inline style for an `xcss` prop (an object, or an array of them as UI Kit also allows). */
export function styleOfXcss(xcss: unknown): CSSProperties {
  const style: Record<string, string | number> = {};
  merge(style, xcss);
  return style as CSSProperties;
}

/** A token-valued prop (`backgroundColor="color.background.neutral"`) as a CSS value. */
export function tokenValue(value: unknown): string | undefined {
  const css = cssValue(value);
  return css === undefined ? undefined : String(css);
}
