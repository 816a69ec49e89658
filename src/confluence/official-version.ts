import { type ContentType } from '../shared/content';
import { OFFICIAL_VERSION_PROPERTY_KEY, type SignedOfficialVersion } from '../shared/official-version';
import { AS_APP } from './http';
import { updatePageProperty } from './properties';

/**
 * Writes the page's official-version content property as the app (v2 page or blog post
 * properties, scope write:page:confluence). An equal value is not written again, so a re-run
 * makes no new property version. True when something was written.
 */
export function writeOfficialVersion(pageId: string, type: ContentType, value: SignedOfficialVersion): Promise<boolean> {
  return updatePageProperty<SignedOfficialVersion>(AS_APP, pageId, OFFICIAL_VERSION_PROPERTY_KEY, () => value, type);
}
