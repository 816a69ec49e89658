/**
 * The dialog's byline check. Confluence draws the lozenge from a content property that anyone who
 * may edit the page can overwrite, so on open the dialog looks at the property as the viewer's
 * Confluence has it (read with the page, in the same call) and, when it does not show the page's
 * current state, queues a byline check: the app reads it again by key, verifies its signature and
 * writes the true status as itself, recording a repair when the value was forged. The dialog
 * itself shows the true status either way: it is derived from storage, never from the property.
 *
 * The comparison needs no key (a storage round trip the dialog's budget has no room for): a value
 * showing exactly the current state misleads nobody, whoever wrote it, and the next write replaces
 * it; anything else is for the app to judge from the queue.
 */
import { emitBylineChecks } from './emit';
import { BYLINE_PROPERTY_KEY, type BylineState } from '../shared/byline';
import { type PageContext } from './page-context';

function showsState(seen: unknown, truth: BylineState): boolean {
  if (typeof seen !== 'object' || seen === null) return false;
  const shown = seen as Record<string, unknown>;
  return shown.title === truth.title && shown.icon === truth.icon && shown.tooltip === truth.tooltip && shown.revision === truth.revision;
}

/** Whether the property the viewer saw needs the app's look: not the current state, missing on a tracked page, or not among those Confluence included. */
function needsCheck(context: PageContext, truth: BylineState): boolean {
  const properties = context.access.page.properties;
  if (properties === undefined) return false;
  if (!Object.hasOwn(properties.byKey, BYLINE_PROPERTY_KEY)) return !properties.complete || context.record !== undefined;
  return !showsState(properties.byKey[BYLINE_PROPERTY_KEY], truth);
}

export async function checkBylineSeen(context: PageContext, truth: BylineState): Promise<void> {
  if (!needsCheck(context, truth)) return;
  try {
    await emitBylineChecks(context.spaceId, [{ pageId: context.pageId, contentType: context.access.page.type }]);
  } catch (error) {
    // The dialog already shows the true status; the daily job checks the page again.
    console.warn(`byline check of page ${context.pageId} not queued`, error);
  }
}
