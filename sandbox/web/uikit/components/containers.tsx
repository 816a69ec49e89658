/**
 * Components that arrange other nodes: Tabs, Modal and its parts, Popup, InlineEdit and
 * Breadcrumbs. Modal and Popup draw over the whole page, as UI Kit's do, because the renderer
 * runs in the product page and not inside the module's frame.
 */
import { Children, type ReactNode } from 'react';
import Breadcrumbs, { BreadcrumbsItem } from '@atlaskit/breadcrumbs';
import InlineEdit from '@atlaskit/inline-edit';
import Modal, { ModalBody, ModalFooter, ModalHeader, ModalTitle, ModalTransition } from '@atlaskit/modal-dialog';
import Popup, { type TriggerProps } from '@atlaskit/popup';
import Tabs, { Tab, TabList, TabPanel } from '@atlaskit/tabs';
import { clickEvent } from '../../../ui-host/ui-events';
import { booleanOf, handlerOf, numberOf, oneOf, stringOf, textOrNumberOf, wrapped } from '../props';
import { useModuleRuntime } from '../runtime';
import { type UiKitComponent } from '../types';
import { plainText } from './text';

/** ADS Tabs expects its TabList first and one TabPanel per tab after it, as direct children. */
export const TabsView: UiKitComponent = ({ node, children }) => {
  const runtime = useModuleRuntime();
  const onChange = handlerOf(node, 'onChange');
  return (
    <Tabs
      id={stringOf(node, 'id') ?? node.key}
      selected={numberOf(node, 'selected')}
      defaultSelected={numberOf(node, 'defaultSelected')}
      shouldUnmountTabPanelOnChange={booleanOf(node, 'shouldUnmountTabPanelOnChange')}
      onChange={onChange === undefined ? undefined : (index: number) => void runtime.call(onChange, index)}
      testId={stringOf(node, 'testId')}
    >
      {Children.toArray(children)}
    </Tabs>
  );
};

export const TabListView: UiKitComponent = ({ children }) => <TabList>{Children.toArray(children)}</TabList>;
export const TabView: UiKitComponent = ({ node, children }) => <Tab testId={stringOf(node, 'testId')}>{children}</Tab>;
export const TabPanelView: UiKitComponent = ({ node, children }) => (
  <TabPanel testId={stringOf(node, 'testId')}>
    <div style={{ width: '100%', paddingBlock: 'var(--ds-space-100)' }}>{children}</div>
  </TabPanel>
);

const MODAL_SIZES = ['small', 'medium', 'large', 'x-large'] as const;

function modalDimension(value: string | number | undefined): string | number | undefined {
  if (value === 'fullscreen') return '100%';
  if (value === 'resizable') return undefined;
  return value;
}

export const ModalView: UiKitComponent = ({ node, children }) => {
  const runtime = useModuleRuntime();
  const width = oneOf(node, 'width', MODAL_SIZES) ?? modalDimension(textOrNumberOf(node, 'width'));
  return (
    <Modal
      onClose={() => void runtime.call(handlerOf(node, 'onClose'))}
      width={width}
      height={modalDimension(textOrNumberOf(node, 'height'))}
      shouldScrollInViewport={booleanOf(node, 'shouldScrollInViewport')}
      label={stringOf(node, 'label')}
      testId={stringOf(node, 'testId')}
    >
      {children}
    </Modal>
  );
};

export const ModalHeaderView: UiKitComponent = ({ children }) => <ModalHeader>{children}</ModalHeader>;
export const ModalTitleView: UiKitComponent = ({ node, children }) => (
  <ModalTitle appearance={oneOf(node, 'appearance', ['danger', 'warning'] as const)} isMultiline={booleanOf(node, 'isMultiline')}>
    {children}
  </ModalTitle>
);
export const ModalBodyView: UiKitComponent = ({ children }) => <ModalBody>{children}</ModalBody>;
export const ModalFooterView: UiKitComponent = ({ children }) => <ModalFooter>{children}</ModalFooter>;
/** ModalTransition animates a Modal leaving; it needs the Modal as a direct child to notice. */
export const ModalTransitionView: UiKitComponent = ({ children }) => <ModalTransition>{Children.toArray(children)[0] ?? null}</ModalTransition>;

const PLACEMENTS = ['auto', 'auto-start', 'auto-end', 'top', 'top-start', 'top-end', 'bottom', 'bottom-start', 'bottom-end', 'right', 'right-start', 'right-end', 'left', 'left-start', 'left-end'] as const;

/** UI Kit's Popup wrapper evaluates `content()` and `trigger()` in the app and sends both. */
export const PopupView: UiKitComponent = ({ node, render }) => {
  const runtime = useModuleRuntime();
  const content = wrapped(node, 'content');
  const trigger = wrapped(node, 'trigger');
  const common = {
    isOpen: booleanOf(node, 'isOpen') === true,
    onClose: () => void runtime.call(handlerOf(node, 'onClose')),
    placement: oneOf(node, 'placement', PLACEMENTS),
    autoFocus: booleanOf(node, 'autoFocus'),
    label: stringOf(node, 'label'),
    testId: stringOf(node, 'testId'),
    content: () => <div style={{ padding: 'var(--ds-space-100)' }}>{render(content)}</div>,
    trigger: (triggerProps: TriggerProps) => (
      <span {...triggerProps} style={{ display: 'inline-block' }}>
        {render(trigger)}
      </span>
    ),
  };
  // ADS types a container-wide popup as its own variant (rendered in place, never in a portal).
  return booleanOf(node, 'shouldFitContainer') === true ? <Popup {...common} shouldFitContainer shouldRenderToParent /> : <Popup {...common} shouldRenderToParent={booleanOf(node, 'shouldRenderToParent')} />;
};

/**
 * UI Kit's InlineEdit wrapper keeps the value and validation in the app and sends both views;
 * ADS supplies the read/edit switch and the confirm and cancel buttons.
 */
export const InlineEditView: UiKitComponent = ({ node, render }) => {
  const runtime = useModuleRuntime();
  const readView = wrapped(node, 'readView');
  const editView = wrapped(node, 'editView');
  return (
    <InlineEdit
      defaultValue=""
      label={plainText(node, 'label') ?? undefined}
      isEditing={booleanOf(node, 'isEditing')}
      startWithEditViewOpen={booleanOf(node, 'startWithEditViewOpen')}
      keepEditViewOpenOnBlur={booleanOf(node, 'keepEditViewOpenOnBlur')}
      hideActionButtons={booleanOf(node, 'hideActionButtons')}
      isRequired={booleanOf(node, 'isRequired')}
      readViewFitContainerWidth={booleanOf(node, 'readViewFitContainerWidth')}
      editButtonLabel={stringOf(node, 'editButtonLabel')}
      confirmButtonLabel={stringOf(node, 'confirmButtonLabel')}
      cancelButtonLabel={stringOf(node, 'cancelButtonLabel')}
      readView={() => <>{render(readView)}</>}
      editView={() => <>{render(editView)}</>}
      onEdit={() => void runtime.call(handlerOf(node, 'onEdit'))}
      onCancel={() => void runtime.call(handlerOf(node, 'onCancel'))}
      onConfirm={() => void runtime.call(handlerOf(node, 'onConfirm'))}
    />
  );
};

export const BreadcrumbsView: UiKitComponent = ({ children }) => <Breadcrumbs>{children}</Breadcrumbs>;

export const BreadcrumbsItemView: UiKitComponent = ({ node }) => {
  const runtime = useModuleRuntime();
  const href = stringOf(node, 'href');
  const onClick = handlerOf(node, 'onClick');
  const text: ReactNode = plainText(node, 'text') ?? '';
  return (
    <BreadcrumbsItem
      text={String(text)}
      href={href}
      onClick={(event) => {
        if (href !== undefined) {
          event.preventDefault();
          runtime.openLink(href, false);
        }
        if (onClick !== undefined) void runtime.call(onClick, clickEvent(node));
      }}
    />
  );
};
