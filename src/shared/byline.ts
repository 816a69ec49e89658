/**
 * The content property that holds the byline's {title, icon, tooltip}. manifest.yml names
 * the same key as `contentPropertyKey`, so Confluence renders the lozenge from it without
 * invoking the app. Unique on purpose: two properties with one key would freeze the byline.
 */
import { type ReadersBanner } from './readers-banner';

export const BYLINE_PROPERTY_KEY = 'approvalflow-byline-7d2f0c9a';

/** What Confluence reads from the byline content property. */
export interface BylineProperties {
  title: string;
  icon: string;
  tooltip: string;
}

/**
 * The byline of one page state: `revision` is the page-state revision the status describes;
 * `banner` is what the readers' banner shows (src/shared/readers-banner.ts), absent when it shows nothing.
 */
export interface BylineState extends BylineProperties {
  revision: number;
  banner?: ReadersBanner;
}

/**
 * What the app stores in the byline property: Confluence reads title, icon and tooltip and
 * ignores the rest; `signature` is the app's HMAC over all of it and the page
 * (src/auth/byline-signature.ts), made by the back end only: the front end writes a value it was
 * given, verbatim, and can sign nothing.
 */
export interface BylinePropertyValue extends BylineState {
  signature: string;
}

/**
 * Two writers store the byline (the dialog right after an action, the effects consumer after
 * every change) in any order: a stored value describing a later page state stays, so a slower
 * writer never brings back an older status. Equal revisions may be rewritten (same state).
 * The back end asks it only of values whose signature it checked; the dialog cannot check one,
 * so a forged value with a high revision stops the dialog's write, not the consumer's repair.
 */
export function storedBylineIsNewer(stored: { revision?: unknown } | undefined, next: BylinePropertyValue): boolean {
  return typeof stored?.revision === 'number' && stored.revision > next.revision;
}
