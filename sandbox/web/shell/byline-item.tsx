/**
 * One `confluence:contentBylineItem` of the app in a page's or blog post's byline, as Confluence
 * renders it: the content property named by `contentPropertyKey` (on the page or the blog post)
 * gives the icon, title and tooltip (read from Confluence; the app is not invoked to draw it),
 * falling back to the module's title.
 * Clicking opens the module in a popup; `view.close()` closes it. While the page is open the
 * item is drawn again only by the documented mechanism: a module announcing that it set the
 * content property under this `contentPropertyKey` (the `useContentProperty` setter's event,
 * see ui-host/byline-updates.ts), whereupon the property is read again. `view.refresh()` is
 * refused for the byline by the UI Kit host and redraws nothing.
 */
import { type ReactElement, useCallback, useRef, useState } from 'react';
import Popup from '@atlaskit/popup';
import { token } from '@atlaskit/tokens';
import Tooltip from '@atlaskit/tooltip';
import { contentPropertyUpdateOf } from '../../ui-host/byline-updates';
import { isRecord } from '../../ui-host/forge-doc';
import { type EmittedEvent } from '../../ui-host/types';
import { type ShellModule } from '../uikit/app-types';
import { AppModule } from './app-module';
import { type ContentProperty, type ContentType, type Results, type Space } from './confluence-types';
import { contentApiPath } from './content';
import { bylinePopupSize } from './module-widths';
import { useWiki } from './shell-context';

/**
 * What the byline item's extension context says about the content (Forge docs,
 * confluence-content-byline-item, "Extension context"): `subtype` is `'live'` for a live doc and
 * null where it does not apply.
 */
export interface BylineContent {
  id: string;
  type: ContentType;
  subtype: string | null;
}

interface BylineProperty {
  title: string;
  icon: string | null;
  tooltip: string | null;
}

/** Confluence only draws what it can trust as an image: data URIs of images and https URLs. */
function safeIcon(value: unknown): string | null {
  return typeof value === 'string' && (/^data:image\/(svg\+xml|png|gif|jpeg|webp)[;,]/.test(value) || value.startsWith('https://')) ? value : null;
}

function bylineOf(property: ContentProperty | undefined): BylineProperty | null {
  if (property === undefined || !isRecord(property.value) || typeof property.value.title !== 'string') return null;
  return { title: property.value.title, icon: safeIcon(property.value.icon), tooltip: typeof property.value.tooltip === 'string' ? property.value.tooltip : null };
}

export function BylineItem({ module, content, space }: { module: ShellModule; content: BylineContent; space: Space }): ReactElement {
  const [open, setOpen] = useState(false);
  const propertyPath = module.contentPropertyKey === null ? null : `${contentApiPath(content.type, content.id)}/properties?key=${encodeURIComponent(module.contentPropertyKey)}`;
  const property = useWiki<Results<ContentProperty>>(propertyPath);
  // While the property is read again, the item keeps what it drew rather than flashing the manifest's title.
  const drawn = useRef<{ path: string | null; byline: BylineProperty | null }>({ path: propertyPath, byline: null });
  if (!property.loading || drawn.current.path !== propertyPath) drawn.current = { path: propertyPath, byline: bylineOf(property.data?.results[0]) };
  const byline = drawn.current.byline;
  const title = byline?.title ?? module.title;
  const tooltip = byline?.tooltip ?? module.tooltip ?? module.title;
  const close = useCallback(() => setOpen(false), []);
  const popupSize = bylinePopupSize(module);
  const reloadProperty = property.reload;
  const propertyUpdated = useCallback(
    (event: EmittedEvent) => {
      const update = contentPropertyUpdateOf(event);
      // Undocumented whether Confluence draws `valueUpdate` or reads the property: reading it is
      // the stricter choice, since a module that only announced a value shows nothing new.
      if (update !== null && update.propertyKey === module.contentPropertyKey) reloadProperty();
    },
    [module.contentPropertyKey, reloadProperty],
  );

  return (
    <Popup
      isOpen={open}
      onClose={close}
      placement="bottom-start"
      testId={`byline-popup-${module.key}`}
      content={() => (
        <div data-testid="byline-dialog" data-module-key={module.key} style={{ width: popupSize.width, maxWidth: '100vw', maxHeight: popupSize.maxHeight, overflowY: 'auto', padding: token('space.200'), boxSizing: 'border-box' }}>
          <AppModule
            module={module}
            extensionContext={{ type: module.type, content: { id: content.id, type: content.type, subtype: content.subtype }, space: { id: space.id, key: space.key } }}
            onClose={close}
            onEmit={propertyUpdated}
          />
        </div>
      )}
      trigger={(triggerProps) => (
        <Tooltip content={tooltip}>
          {(tooltipProps) => (
            <button
              {...triggerProps}
              {...tooltipProps}
              ref={(element) => {
                const assign = (ref: unknown): void => {
                  if (typeof ref === 'function') ref(element);
                  else if (isRecord(ref)) (ref as { current: HTMLButtonElement | null }).current = element;
                };
                assign(triggerProps.ref);
                assign(tooltipProps.ref);
              }}
              type="button"
              data-testid="byline-item"
              data-module-key={module.key}
              data-from-property={byline !== null}
              aria-expanded={open}
              onClick={(event) => {
                tooltipProps.onClick?.(event);
                setOpen(!open);
              }}
              style={{
                display: 'inline-flex',
                alignItems: 'center',
                gap: token('space.050'),
                border: 'none',
                background: open ? token('color.background.neutral.subtle.pressed') : 'none',
                padding: `${token('space.025')} ${token('space.050')}`,
                borderRadius: token('border.radius'),
                cursor: 'pointer',
                font: token('font.body.small'),
                color: token('color.text.subtle'),
              }}
            >
              {byline?.icon != null && <img src={byline.icon} alt="" width={16} height={16} style={{ display: 'block' }} />}
              <span data-testid="byline-title">{title}</span>
            </button>
          )}
        </Tooltip>
      )}
    />
  );
}

/** The app's byline items of a page or blog post (there is one per contentBylineItem module). */
export function BylineItems({ modules, content, space }: { modules: ShellModule[]; content: BylineContent; space: Space }): ReactElement {
  return (
    <>
      {modules.map((module) => (
        <BylineItem key={module.key} module={module} content={content} space={space} />
      ))}
    </>
  );
}
