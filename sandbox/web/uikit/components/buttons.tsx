/**
 * Button, LoadingButton, LinkButton and ButtonGroup with the current ADS button. A `submit`
 * button submits the Form around it through the browser's own form submission, which is
 * where the Form mapping calls the app's `onSubmit`.
 */
import type { ComponentProps, MouseEvent } from 'react';
import Button, { LinkButton } from '@atlaskit/button/new';
import { token } from '@atlaskit/tokens';
import { clickEvent } from '../../../ui-host/ui-events';
import { type ForgeDoc } from '../../../ui-host/forge-doc';
import { booleanOf, handlerOf, oneOf, stringOf } from '../props';
import { useModuleRuntime } from '../runtime';
import { type UiKitComponent } from '../types';
import { glyphComponent } from './icon';

const APPEARANCES = ['default', 'primary', 'subtle', 'warning', 'danger', 'discovery'] as const;
// UI Kit still accepts the old button's `none`; the current button's tightest spacing is `compact`.
const SPACINGS = ['default', 'compact'] as const;
const TYPES = ['button', 'submit', 'reset'] as const;

function commonProps(node: ForgeDoc): Partial<ComponentProps<typeof Button>> {
  return {
    appearance: oneOf(node, 'appearance', APPEARANCES),
    spacing: node.props.spacing === 'none' ? 'compact' : oneOf(node, 'spacing', SPACINGS),
    isDisabled: booleanOf(node, 'isDisabled'),
    isSelected: booleanOf(node, 'isSelected'),
    shouldFitContainer: booleanOf(node, 'shouldFitContainer'),
    autoFocus: booleanOf(node, 'autoFocus'),
    testId: stringOf(node, 'testId'),
    iconBefore: glyphComponent(stringOf(node, 'iconBefore')),
    iconAfter: glyphComponent(stringOf(node, 'iconAfter')),
  };
}

export const ButtonView: UiKitComponent = ({ node, children }) => {
  const runtime = useModuleRuntime();
  // A LoadingButton ignores clicks while it spins, as ADS's does.
  const isLoading = booleanOf(node, 'isLoading') === true;
  const click = (): void => {
    if (!isLoading) void runtime.call(handlerOf(node, 'onClick'), clickEvent(node));
  };
  return (
    <Button
      {...commonProps(node)}
      isLoading={isLoading}
      type={oneOf(node, 'type', TYPES) ?? 'button'}
      onClick={click}
      onBlur={() => void runtime.call(handlerOf(node, 'onBlur'))}
      onFocus={() => void runtime.call(handlerOf(node, 'onFocus'))}
    >
      {children}
    </Button>
  );
};

/** UI Kit also accepts the legacy `link` / `subtle-link` appearances on link buttons. */
const LINK_APPEARANCES = ['default', 'primary', 'subtle', 'warning', 'danger', 'discovery', 'link', 'subtle-link'] as const;

export const LinkButtonView: UiKitComponent = ({ node, children }) => {
  const runtime = useModuleRuntime();
  const href = stringOf(node, 'href') ?? '#';
  const newTab = stringOf(node, 'target') === '_blank';
  const appearance = oneOf(node, 'appearance', LINK_APPEARANCES);
  const follow = (event: MouseEvent<HTMLAnchorElement>): void => {
    event.preventDefault();
    void runtime.call(handlerOf(node, 'onClick'), clickEvent(node));
    runtime.openLink(href, newTab);
  };
  const common = commonProps(node);
  return (
    <LinkButton
      href={href}
      target={newTab ? '_blank' : undefined}
      onClick={follow}
      appearance={appearance === 'link' || appearance === 'subtle-link' ? 'subtle' : appearance}
      spacing={common.spacing}
      isDisabled={common.isDisabled}
      isSelected={common.isSelected}
      shouldFitContainer={common.shouldFitContainer}
      iconBefore={common.iconBefore}
      iconAfter={common.iconAfter}
      testId={common.testId}
    >
      {children}
    </LinkButton>
  );
};

/** ADS ButtonGroup is still emotion-styled; this is its layout (a wrapping row, 4px apart) with tokens. */
export const ButtonGroupView: UiKitComponent = ({ node, children }) => (
  <div role="group" aria-label={stringOf(node, 'label')} data-testid={stringOf(node, 'testId')} style={{ display: 'inline-flex', flexWrap: 'wrap', gap: token('space.050') }}>
    {children}
  </div>
);
