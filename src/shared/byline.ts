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
