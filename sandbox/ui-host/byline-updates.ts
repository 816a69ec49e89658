/**
 * How Confluence learns, while the page stays open, that a byline item must be drawn again.
 *
 * Documented (Forge docs, manifest-reference/modules/confluence-content-byline-item, "Content
 * properties to store byline properties"): with `contentPropertyKey`, the setter of
 * @forge/react's `useContentProperty` or @forge/confluence-bridge's `updateBylineProperties`
 * refreshes the byline. The hook's setter, after a successful write, emits this event through
 * @forge/bridge `events.emit` with the key it was given (not the localId-namespaced key it stores
 * under) and the value it set (node_modules/@forge/react/out/hooks/useContentProperty.js).
 *
 * `view.refresh()` (apis-reference/ui-api-bridge/view, "refresh") works for some modules only and
 * otherwise fails with "this resource's view is not refreshable"; the byline item's page never
 * offers it, so the host refuses it there.
 */
import { isRecord } from './forge-doc';
import { type EmittedEvent } from './types';

export const CONTENT_PROPERTY_UPDATED = 'FORGE_CONTENT_PROPERTY_UPDATED';

export interface ContentPropertyUpdate {
  propertyKey: string;
  valueUpdate: unknown;
}

/** The update an emitted event announces, or null when it is some other event. */
export function contentPropertyUpdateOf(event: EmittedEvent): ContentPropertyUpdate | null {
  if (event.event !== CONTENT_PROPERTY_UPDATED || !isRecord(event.payload) || typeof event.payload.propertyKey !== 'string') return null;
  return { propertyKey: event.payload.propertyKey, valueUpdate: event.payload.valueUpdate };
}

/** Module types whose `view.refresh()` the host answers `false` (the bridge then throws). */
const NOT_REFRESHABLE = new Set(['confluence:contentBylineItem']);

export function isRefreshable(extensionType: string): boolean {
  return !NOT_REFRESHABLE.has(extensionType);
}
