/**
 * Typography: Text (with the UIKit 1 Strong/Em/Strike marks), Heading, Link, Code, CodeBlock,
 * List/ListItem and Image. A Text inside a Text is a span, as ADS nests inline text.
 */
import { type ComponentProps, type CSSProperties, type MouseEvent, type ReactNode, createContext, useContext } from 'react';
import Heading from '@atlaskit/heading';
import Link from '@atlaskit/link';
import { Text } from '@atlaskit/primitives/compiled';
import { token } from '@atlaskit/tokens';
import { type ForgeDoc } from '../../../ui-host/forge-doc';
import { booleanOf, oneOf, stringOf, textOrNumberOf } from '../props';
import { useModuleRuntime } from '../runtime';
import { type UiKitComponent } from '../types';

const InText = createContext(false);

const TEXT_PROPS = ['align', 'color', 'size', 'weight', 'maxLines', 'testId', 'id'] as const;

function textProps(node: ForgeDoc): Partial<ComponentProps<typeof Text>> {
  const picked: Record<string, unknown> = {};
  for (const name of TEXT_PROPS) if (node.props[name] !== undefined) picked[name] = node.props[name];
  return picked as Partial<ComponentProps<typeof Text>>;
}

export const TextView: UiKitComponent = ({ node, children }) => {
  const nested = useContext(InText);
  const as = stringOf(node, 'as');
  const content = <InText.Provider value>{children}</InText.Provider>;
  // UI Kit adds `strike`, which ADS Text has no element for.
  if (as === 'strike') return <s>{content}</s>;
  const element = as === 'strong' || as === 'em' || as === 'span' || as === 'p' ? as : nested ? 'span' : 'p';
  return (
    <Text as={element} {...textProps(node)}>
      {content}
    </Text>
  );
};

export const StrongView: UiKitComponent = ({ children }) => <strong>{children}</strong>;
export const EmView: UiKitComponent = ({ children }) => <em>{children}</em>;
export const StrikeView: UiKitComponent = ({ children }) => <s>{children}</s>;

const HEADING_SIZES = ['xxlarge', 'xlarge', 'large', 'medium', 'small', 'xsmall', 'xxsmall'] as const;
const HEADING_ELEMENTS = ['h1', 'h2', 'h3', 'h4', 'h5', 'h6', 'div', 'span'] as const;
const HEADING_COLORS = ['color.text', 'color.text.inverse', 'color.text.warning.inverse'] as const;
// UIKit 1 headings were sized by element; they still arrive from older apps.
const SIZE_OF_ELEMENT: Readonly<Record<string, (typeof HEADING_SIZES)[number]>> = { h1: 'xlarge', h2: 'large', h3: 'medium', h4: 'small', h5: 'xsmall', h6: 'xxsmall' };

export const HeadingView: UiKitComponent = ({ node, children }) => {
  const as = oneOf(node, 'as', HEADING_ELEMENTS);
  const size = oneOf(node, 'size', HEADING_SIZES) ?? (as === undefined ? undefined : SIZE_OF_ELEMENT[as]) ?? 'medium';
  return (
    <Heading size={size} as={as} color={oneOf(node, 'color', HEADING_COLORS)} id={stringOf(node, 'id')} testId={stringOf(node, 'testId')}>
      {children}
    </Heading>
  );
};

/**
 * A link keeps the page in charge of navigation: an app's relative link (`/wiki/spaces/…`)
 * opens inside the shell, an external one in a new tab (`openNewTab` or not), as apps cannot
 * take the product page somewhere else.
 */
export const LinkView: UiKitComponent = ({ node, children }) => {
  const runtime = useModuleRuntime();
  const href = stringOf(node, 'href') ?? '#';
  const newTab = booleanOf(node, 'openNewTab') === true;
  const follow = (event: MouseEvent<HTMLAnchorElement>): void => {
    event.preventDefault();
    runtime.openLink(href, newTab);
  };
  return (
    <Link href={href} onClick={follow} target={newTab ? '_blank' : undefined} appearance={oneOf(node, 'appearance', ['default', 'subtle', 'inverse'] as const)}>
      {children}
    </Link>
  );
};

const CODE_STYLE: CSSProperties = {
  fontFamily: token('font.family.code'),
  fontSize: '0.875em',
  backgroundColor: token('color.background.neutral'),
  color: token('color.text'),
  borderRadius: token('border.radius'),
  padding: `${token('space.025')} ${token('space.050')}`,
};

export const CodeView: UiKitComponent = ({ children }) => <code style={CODE_STYLE}>{children}</code>;

export const CodeBlockView: UiKitComponent = ({ node }) => {
  const text = stringOf(node, 'text') ?? '';
  const numbered = booleanOf(node, 'showLineNumbers') !== false;
  const wrap = booleanOf(node, 'shouldWrapLongLines') === true;
  const lines = text.split('\n');
  return (
    <pre
      data-language={stringOf(node, 'language')}
      style={{
        margin: 0,
        padding: token('space.100'),
        backgroundColor: token('color.background.neutral'),
        borderRadius: token('border.radius'),
        fontFamily: token('font.family.code'),
        fontSize: '12px',
        lineHeight: '20px',
        overflowX: 'auto',
        whiteSpace: wrap ? 'pre-wrap' : 'pre',
      }}
    >
      {lines.map((line, index) => (
        <div key={index}>
          {numbered && <span style={{ display: 'inline-block', minWidth: '2.5em', color: token('color.text.subtlest'), userSelect: 'none' }}>{index + 1}</span>}
          {line}
        </div>
      ))}
    </pre>
  );
};

export const ListView: UiKitComponent = ({ node, children }) => {
  const ordered = stringOf(node, 'type') === 'ordered';
  const style: CSSProperties = { margin: 0, paddingInlineStart: token('space.300') };
  return ordered ? <ol style={style}>{children}</ol> : <ul style={style}>{children}</ul>;
};

export const ListItemView: UiKitComponent = ({ children }) => <li>{children}</li>;

const IMAGE_SIZES: Readonly<Record<string, number>> = { xsmall: 48, small: 96, medium: 192, large: 288, xlarge: 384 };

export const ImageView: UiKitComponent = ({ node }) => {
  const size = stringOf(node, 'size');
  const width = textOrNumberOf(node, 'width') ?? (size === undefined ? undefined : IMAGE_SIZES[size]);
  return <img src={stringOf(node, 'src')} alt={stringOf(node, 'alt') ?? ''} width={width} height={textOrNumberOf(node, 'height')} style={{ maxWidth: '100%' }} />;
};

/** Plain text for components that take text props (`title`, `label`): strings and numbers only. */
export function plainText(node: ForgeDoc, name: string): ReactNode {
  const value = textOrNumberOf(node, name);
  return value === undefined ? null : String(value);
}
