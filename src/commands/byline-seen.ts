/**
 * The dialog's byline check. Confluence draws the lozenge from a content property that anyone who
 * may edit the page can overwrite, so on open the dialog looks at the property as the viewer's
 * Confluence has it (read with the page, in the same call) and, when it is not the app's signed
 * value for the page's current state, queues a byline check: the app reads it again by key and
 * writes the true status as itself, recording a repair when the value was forged. The dialog
 * itself shows the true status either way: it is derived from storage, never from the property.
 */
import { enqueueBylineChecks } from '../actions/byline-check';
import { bylineSigner } from '../auth/byline-signature';
import { BYLINE_PROPERTY_KEY, type BylinePropertyValue } from '../shared/byline';
import { type PageContext } from './page-context';

/** Whether the property the viewer saw needs the app's look: not signed for this state, missing on a tracked page, or not among those Confluence included. */
async function needsCheck(context: PageContext, truth: BylinePropertyValue): Promise<boolean> {
  const properties = context.access.page.properties;
  if (properties === undefined) return false;
  if (!Object.hasOwn(properties.byKey, BYLINE_PROPERTY_KEY)) return !properties.complete || context.record !== undefined;
  const authentic = (await bylineSigner()).verified(context.pageId, properties.byKey[BYLINE_PROPERTY_KEY]);
  return authentic === undefined || authentic.revision < truth.revision;
}

export async function checkBylineSeen(context: PageContext, truth: BylinePropertyValue): Promise<void> {
  if (!(await needsCheck(context, truth))) return;
  try {
    await enqueueBylineChecks(context.spaceId, [{ pageId: context.pageId, contentType: context.access.page.type }]);
  } catch (error) {
    // The dialog already shows the true status; the daily job checks the page again.
    console.warn(`byline check of page ${context.pageId} not queued`, error);
  }
}
