/**
 * The content property that holds the byline's {title, icon, tooltip}. manifest.yml names
 * the same key as `contentPropertyKey`, so Confluence renders the lozenge from it without
 * invoking the app. Unique on purpose: two properties with one key would freeze the byline.
 */
export const BYLINE_PROPERTY_KEY = 'approvalflow-byline-7d2f0c9a';

/** What Confluence reads from the byline content property. */
export interface BylineProperties {
  title: string;
  icon: string;
  tooltip: string;
}

/**
 * What the app stores in the byline property: Confluence reads title, icon and tooltip and
 * ignores the rest; `revision` is the page-state revision the status describes.
 */
export interface BylinePropertyValue extends BylineProperties {
  revision: number;
}

/**
 * Two writers store the byline (the dialog right after an action, the effects consumer after
 * every change) in any order: a stored value describing a later page state stays, so a slower
 * writer never brings back an older status. Equal revisions may be rewritten (same state).
 */
export function storedBylineIsNewer(stored: { revision?: unknown } | undefined, next: BylinePropertyValue): boolean {
  return typeof stored?.revision === 'number' && stored.revision > next.revision;
}
