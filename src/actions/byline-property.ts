/**
 * The byline content property, written by whoever knows the page's new status first: the action
 * resolver (so the lozenge is right when the dialog asks Confluence to refresh it) and the effects
 * consumer (for changes no dialog made: edits, expiry, bulk decisions). The stored value carries
 * the page-state revision it describes, so a slower writer never replaces a newer status.
 */
import { AS_APP } from '../confluence/http';
import { updatePageProperty } from '../confluence/properties';
import { BYLINE_PROPERTY_KEY, type BylineProperties } from '../shared/byline';

/** What the app stores: Confluence reads title, icon and tooltip and ignores the rest. */
interface StoredByline extends BylineProperties {
  revision?: number;
}

export async function writeBylineProperty(pageId: string, byline: BylineProperties, revision: number): Promise<boolean> {
  return updatePageProperty<StoredByline>(AS_APP, pageId, BYLINE_PROPERTY_KEY, (current) =>
    current?.revision !== undefined && current.revision > revision ? undefined : { ...byline, revision },
  );
}
