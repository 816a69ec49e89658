/**
 * The byline content property, as the effects consumer writes it after every change (edits,
 * expiry, bulk decisions, and as the backstop for the dialog, which writes the same value through
 * the person's browser right after an action). The stored value carries the page-state revision it
 * describes, so a slower writer never replaces a newer status.
 */
import { AS_APP } from '../confluence/http';
import { updatePageProperty } from '../confluence/properties';
import { type ContentType } from '../shared/content';
import { BYLINE_PROPERTY_KEY, type BylineProperties, type BylinePropertyValue, storedBylineIsNewer } from '../shared/byline';

export async function writeBylineProperty(pageId: string, byline: BylineProperties, revision: number, type: ContentType = 'page'): Promise<boolean> {
  const value: BylinePropertyValue = { ...byline, revision };
  return updatePageProperty<Partial<BylinePropertyValue>>(
    AS_APP,
    pageId,
    BYLINE_PROPERTY_KEY,
    (current) => (storedBylineIsNewer(current, value) ? undefined : value),
    type,
  );
}
