/**
 * Layout primitives: Box, Stack, Inline, Flex, Grid, Bleed, Pressable. The compiled ADS
 * primitives take the token-valued props UI Kit passes (`space`, `padding`, `backgroundColor`),
 * and `xcss` becomes an inline style (see xcss.ts).
 */
import type { ComponentProps, CSSProperties, ReactElement } from 'react';
import { Bleed, Box, Flex, Grid, Inline, Pressable, Stack } from '@atlaskit/primitives/compiled';
import { clickEvent } from '../../../ui-host/ui-events';
import { type ForgeDoc } from '../../../ui-host/forge-doc';
import { handlerOf, stringOf } from '../props';
import { useModuleRuntime } from '../runtime';
import { type UiKitComponent } from '../types';
import { styleOfXcss, tokenValue } from '../xcss';

/** The props a UI Kit component passes straight to its ADS counterpart (same names, same values). */
function passThrough<P>(node: ForgeDoc, names: readonly string[]): Partial<P> {
  const picked: Record<string, unknown> = {};
  for (const name of names) if (node.props[name] !== undefined) picked[name] = node.props[name];
  return picked as Partial<P>;
}

const BOX_STYLE_PROPS: Readonly<Record<string, keyof CSSProperties>> = {
  backgroundColor: 'backgroundColor',
  padding: 'padding',
  paddingBlock: 'paddingBlock',
  paddingBlockStart: 'paddingBlockStart',
  paddingBlockEnd: 'paddingBlockEnd',
  paddingInline: 'paddingInline',
  paddingInlineStart: 'paddingInlineStart',
  paddingInlineEnd: 'paddingInlineEnd',
};

/** Box's token props and its xcss, as one inline style (xcss wins, as it does in ADS). */
function boxStyle(node: ForgeDoc): CSSProperties {
  const style: Record<string, string> = {};
  for (const [prop, css] of Object.entries(BOX_STYLE_PROPS)) {
    const value = tokenValue(node.props[prop]);
    if (value !== undefined) style[css] = value;
  }
  return { ...(style as CSSProperties), ...styleOfXcss(node.props.xcss) };
}

const BOX_TAGS = ['div', 'span', 'section', 'article', 'aside', 'footer', 'header', 'main', 'nav', 'ol', 'ul', 'li', 'p'] as const;
type BoxTag = (typeof BOX_TAGS)[number];

export const BoxView: UiKitComponent = ({ node, children }) => {
  const as = stringOf(node, 'as');
  const tag: BoxTag = as !== undefined && (BOX_TAGS as readonly string[]).includes(as) ? (as as BoxTag) : 'div';
  return (
    <Box as={tag} style={boxStyle(node)} role={stringOf(node, 'role')} testId={stringOf(node, 'testId')}>
      {children}
    </Box>
  );
};

/** Stack and Inline take no xcss in UI Kit; a stray one still applies through a wrapper. */
function withXcss(node: ForgeDoc, content: ReactElement): ReactElement {
  return node.props.xcss === undefined ? content : <div style={styleOfXcss(node.props.xcss)}>{content}</div>;
}

export const StackView: UiKitComponent = ({ node, children }) =>
  withXcss(node, <Stack {...passThrough<ComponentProps<typeof Stack>>(node, ['alignBlock', 'alignInline', 'grow', 'space', 'spread', 'testId', 'as'])}>{children}</Stack>);

export const InlineView: UiKitComponent = ({ node, children }) =>
  withXcss(
    node,
    <Inline {...passThrough<ComponentProps<typeof Inline>>(node, ['alignBlock', 'alignInline', 'grow', 'space', 'spread', 'shouldWrap', 'separator', 'rowSpace', 'testId', 'as'])}>
      {children}
    </Inline>,
  );

export const FlexView: UiKitComponent = ({ node, children }) =>
  withXcss(
    node,
    <Flex {...passThrough<ComponentProps<typeof Flex>>(node, ['direction', 'gap', 'rowGap', 'columnGap', 'alignItems', 'justifyContent', 'wrap', 'testId', 'as', 'role'])}>{children}</Flex>,
  );

export const GridView: UiKitComponent = ({ node, children }) =>
  withXcss(
    node,
    <Grid
      {...passThrough<ComponentProps<typeof Grid>>(node, ['gap', 'rowGap', 'columnGap', 'alignItems', 'alignContent', 'justifyContent', 'justifyItems', 'templateAreas', 'templateColumns', 'templateRows', 'autoFlow', 'testId', 'as', 'role', 'id'])}
    >
      {children}
    </Grid>,
  );

export const BleedView: UiKitComponent = ({ node, children }) => <Bleed {...passThrough<ComponentProps<typeof Bleed>>(node, ['all', 'inline', 'block', 'testId'])}>{children}</Bleed>;

export const PressableView: UiKitComponent = ({ node, children }) => {
  const runtime = useModuleRuntime();
  return (
    <Pressable
      style={boxStyle(node)}
      isDisabled={node.props.isDisabled === true}
      testId={stringOf(node, 'testId')}
      onClick={() => void runtime.call(handlerOf(node, 'onClick'), clickEvent(node))}
    >
      {children}
    </Pressable>
  );
};
