/**
 * The room Confluence gives each kind of module, so that what the sandbox shows is what a site
 * shows. Sizes of a byline popup come from the display sizes the Forge docs give a resource
 * (apis-reference/ui-api-bridge/modal, "size"; the byline item's `viewportSize` refers to them).
 * Page-module widths are not documented: docs/sandbox-runtime.md, "Undocumented: what we assume".
 */
import { type ShellModule } from '../uikit/app-types';

export interface PopupSize {
  width: string;
  /** The popup's height; its content scrolls inside it. */
  maxHeight: string;
}

const POPUP_SIZES: Readonly<Record<string, PopupSize>> = {
  small: { width: '400px', maxHeight: 'max(20vh, 320px)' },
  medium: { width: '600px', maxHeight: 'max(40vh, 520px)' },
  large: { width: '800px', maxHeight: 'max(70vh, 720px)' },
  xlarge: { width: '968px', maxHeight: '90vh' },
  max: { width: '100vw', maxHeight: '100vh' },
  fullscreen: { width: '100vw', maxHeight: '100vh' },
};

/** Without `viewportSize` the docs name no size: we assume the smallest they list. */
const DEFAULT_POPUP = 'small';

export function bylinePopupSize(module: ShellModule): PopupSize {
  const size = module.viewportSize;
  if (size !== null && typeof size === 'object') return { width: size.width, maxHeight: size.height };
  return POPUP_SIZES[size ?? DEFAULT_POPUP] ?? POPUP_SIZES[DEFAULT_POPUP];
}

/**
 * The widest a full-page module is drawn. A space settings page sits in Confluence's settings
 * layout, whose content column is about 760–1,000 px; space and global pages get the whole
 * content area.
 */
export const SPACE_SETTINGS_MAX_WIDTH = 1000;

export function pageModuleMaxWidth(module: ShellModule): number | undefined {
  return module.type === 'confluence:spaceSettings' ? SPACE_SETTINGS_MAX_WIDTH : undefined;
}
