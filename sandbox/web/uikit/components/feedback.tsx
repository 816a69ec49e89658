/**
 * Status and feedback: Lozenge, Badge, Tag, TagGroup, SectionMessage (+ actions), Spinner,
 * ProgressBar, ProgressTracker, EmptyState, Skeleton, Banner and Tooltip, each drawn by its
 * ADS component (EmptyState has no package installed: it is composed from ADS pieces).
 */
import { type ReactNode } from 'react';
import Badge from '@atlaskit/badge';
import Banner from '@atlaskit/banner';
import Heading from '@atlaskit/heading';
import Lozenge from '@atlaskit/lozenge';
import ProgressBar from '@atlaskit/progress-bar';
import { ProgressTracker, type Stage } from '@atlaskit/progress-tracker';
import SectionMessage, { SectionMessageAction } from '@atlaskit/section-message';
import Skeleton from '@atlaskit/skeleton';
import Spinner from '@atlaskit/spinner';
import Tag from '@atlaskit/tag';
import TagGroup from '@atlaskit/tag-group';
import { token } from '@atlaskit/tokens';
import Tooltip from '@atlaskit/tooltip';
import { type ForgeDoc, isHandler, isRecord } from '../../../ui-host/forge-doc';
import { clickEvent } from '../../../ui-host/ui-events';
import { propDocs } from '../prop-elements';
import { arrayOf, booleanOf, handlerOf, numberOf, oneOf, stringOf, textOrNumberOf } from '../props';
import { useModuleRuntime } from '../runtime';
import { type UiKitComponent } from '../types';
import { Glyph } from './icon';

const LOZENGE_APPEARANCES = ['default', 'inprogress', 'moved', 'new', 'removed', 'success'] as const;

export const LozengeView: UiKitComponent = ({ node, children }) => (
  <Lozenge appearance={oneOf(node, 'appearance', LOZENGE_APPEARANCES)} isBold={booleanOf(node, 'isBold')} maxWidth={textOrNumberOf(node, 'maxWidth')} testId={stringOf(node, 'testId')}>
    {children}
  </Lozenge>
);

const BADGE_APPEARANCES = ['added', 'default', 'important', 'primary', 'primaryInverted', 'removed'] as const;

export const BadgeView: UiKitComponent = ({ node, children }) => {
  const max = node.props.max === false ? false : numberOf(node, 'max');
  return (
    <Badge appearance={oneOf(node, 'appearance', BADGE_APPEARANCES)} max={max} testId={stringOf(node, 'testId')}>
      {children}
    </Badge>
  );
};

const TAG_COLORS = ['standard', 'green', 'lime', 'blue', 'red', 'purple', 'magenta', 'grey', 'teal', 'orange', 'yellow', 'greenLight', 'limeLight', 'blueLight', 'redLight', 'purpleLight', 'magentaLight', 'greyLight', 'tealLight', 'orangeLight', 'yellowLight'] as const;

export const TagView: UiKitComponent = ({ node, render }) => {
  const runtime = useModuleRuntime();
  const text = stringOf(node, 'text') ?? '';
  const before = propDocs(node, 'elemBefore');
  return (
    <Tag
      text={text}
      appearance={oneOf(node, 'appearance', ['default', 'rounded'] as const)}
      color={oneOf(node, 'color', TAG_COLORS)}
      href={stringOf(node, 'href')}
      isRemovable={booleanOf(node, 'isRemovable') === true}
      removeButtonLabel={stringOf(node, 'removeButtonLabel')}
      elemBefore={before.length === 0 ? undefined : render(before)}
      onBeforeRemoveAction={() => {
        // The app's answer comes back asynchronously across the bridge; the tag is removed either way.
        void runtime.call(handlerOf(node, 'onBeforeRemoveAction'));
        return true;
      }}
      onAfterRemoveAction={(removed: string) => void runtime.call(handlerOf(node, 'onAfterRemoveAction'), removed)}
      testId={stringOf(node, 'testId')}
    />
  );
};

export const TagGroupView: UiKitComponent = ({ node, children }) => <TagGroup alignment={oneOf(node, 'alignment', ['start', 'end'] as const)}>{children}</TagGroup>;

const SECTION_APPEARANCES = ['information', 'warning', 'error', 'success', 'discovery'] as const;
// UIKit 1 names still seen in apps.
const LEGACY_SECTION_APPEARANCE: Readonly<Record<string, (typeof SECTION_APPEARANCES)[number]>> = { info: 'information', confirmation: 'success', change: 'discovery' };

export const SectionMessageActionView: UiKitComponent = ({ node, children }) => {
  const runtime = useModuleRuntime();
  const onClick = handlerOf(node, 'onClick');
  return (
    <SectionMessageAction href={stringOf(node, 'href')} onClick={onClick === undefined ? undefined : () => void runtime.call(onClick, clickEvent(node))} testId={stringOf(node, 'testId')}>
      {children}
    </SectionMessageAction>
  );
};

export const SectionMessageView: UiKitComponent = ({ node, children, render }) => {
  const appearance = oneOf(node, 'appearance', SECTION_APPEARANCES) ?? LEGACY_SECTION_APPEARANCE[stringOf(node, 'appearance') ?? ''] ?? 'information';
  // ADS wants action elements it can key; each rendered action node becomes one.
  const actions = propDocs(node, 'actions').map((action) => <span key={action.key}>{render([action])}</span>);
  return (
    <SectionMessage appearance={appearance} title={stringOf(node, 'title')} actions={actions.length === 0 ? undefined : actions} testId={stringOf(node, 'testId')}>
      {children}
    </SectionMessage>
  );
};

export const SpinnerView: UiKitComponent = ({ node }) => (
  <Spinner
    size={oneOf(node, 'size', ['small', 'medium', 'large', 'xlarge'] as const) ?? numberOf(node, 'size')}
    appearance={oneOf(node, 'appearance', ['inherit', 'invert'] as const)}
    label={stringOf(node, 'label')}
    testId={stringOf(node, 'testId')}
  />
);

export const ProgressBarView: UiKitComponent = ({ node }) => (
  <ProgressBar
    value={numberOf(node, 'value')}
    isIndeterminate={booleanOf(node, 'isIndeterminate')}
    appearance={oneOf(node, 'appearance', ['default', 'success', 'inverse'] as const)}
    ariaLabel={stringOf(node, 'ariaLabel')}
    testId={stringOf(node, 'testId')}
  />
);

const STAGE_STATUSES = ['unvisited', 'visited', 'current', 'disabled'] as const;

export const ProgressTrackerView: UiKitComponent = ({ node }) => {
  const runtime = useModuleRuntime();
  const items: Stage[] = (arrayOf(node, 'items') ?? []).filter(isRecord).map((item, index) => {
    const status = typeof item.status === 'string' && (STAGE_STATUSES as readonly string[]).includes(item.status) ? (item.status as Stage['status']) : 'unvisited';
    const onClick = isHandler(item.onClick) ? item.onClick : undefined;
    return {
      id: typeof item.id === 'string' ? item.id : String(index),
      label: typeof item.label === 'string' ? item.label : '',
      percentageComplete: typeof item.percentageComplete === 'number' ? item.percentageComplete : 0,
      status,
      noLink: onClick === undefined,
      onClick: onClick === undefined ? undefined : () => void runtime.call(onClick),
    };
  });
  return (
    <ProgressTracker
      items={items}
      spacing={oneOf(node, 'spacing', ['comfortable', 'cozy', 'compact'] as const)}
      animated={booleanOf(node, 'animated')}
      label={stringOf(node, 'label')}
      testId={stringOf(node, 'testId')}
    />
  );
};

/** ADS EmptyState's layout: centred, a heading, a description and up to three actions. */
export const EmptyStateView: UiKitComponent = ({ node, render }) => {
  const wide = stringOf(node, 'width') === 'wide';
  const actions: ReactNode[] = ['primaryAction', 'secondaryAction', 'tertiaryAction']
    .map((name) => propDocs(node, name))
    .filter((docs) => docs.length > 0)
    .map((docs) => <span key={docs[0].key}>{render(docs)}</span>);
  if (booleanOf(node, 'isLoading') === true) actions.push(<Spinner key="loading" size="medium" />);
  const level = numberOf(node, 'headingLevel') ?? 4;
  return (
    <div
      data-testid={stringOf(node, 'testId')}
      style={{ margin: `${token('space.600')} auto`, maxWidth: wide ? 464 : 304, textAlign: 'center', display: 'flex', flexDirection: 'column', gap: token('space.200'), alignItems: 'center' }}
    >
      <Heading size="medium" as={`h${Math.min(Math.max(level, 1), 6)}` as 'h4'}>
        {stringOf(node, 'header') ?? ''}
      </Heading>
      {stringOf(node, 'description') !== undefined && <p style={{ margin: 0, color: token('color.text') }}>{stringOf(node, 'description')}</p>}
      {actions.length > 0 && (
        <div role="group" aria-label={stringOf(node, 'buttonGroupLabel')} style={{ display: 'flex', gap: token('space.100'), justifyContent: 'center' }}>
          {actions}
        </div>
      )}
    </div>
  );
};

export const SkeletonView: UiKitComponent = ({ node }) => (
  <Skeleton width={textOrNumberOf(node, 'width') ?? '100%'} height={textOrNumberOf(node, 'height') ?? 16} isShimmering={booleanOf(node, 'isShimmering')} testId={stringOf(node, 'testId')} />
);

export const BannerView: UiKitComponent = ({ node, children }) => (
  <Banner appearance={oneOf(node, 'appearance', ['warning', 'error', 'announcement'] as const)} icon={<Glyph glyph="warning" label="" />}>
    {children}
  </Banner>
);

function tooltipContent(node: ForgeDoc, render: (nodes: readonly ForgeDoc[]) => ReactNode): ReactNode {
  const content = node.props.content;
  if (typeof content === 'string' || typeof content === 'number') return String(content);
  return render(propDocs(node, 'content'));
}

export const TooltipView: UiKitComponent = ({ node, children, render }) => (
  <Tooltip
    content={tooltipContent(node, render)}
    position={oneOf(node, 'position', ['top', 'right', 'bottom', 'left', 'mouse'] as const)}
    truncate={booleanOf(node, 'truncate')}
    delay={numberOf(node, 'delay')}
    testId={stringOf(node, 'testId')}
  >
    {/* ADS needs one element it can attach a ref to; UI Kit children may be several nodes. */}
    {(triggerProps) => (
      <span {...triggerProps} style={{ display: 'inline-block' }}>
        {children}
      </span>
    )}
  </Tooltip>
);
