/**
 * The dialog's write of the byline content property, right after an action: the value the
 * resolver answered with goes into the property Confluence draws the lozenge from, through the
 * person's browser (`requestConfluence`), with the same revision rule as the effects consumer,
 * which writes the same value moments later as the backstop.
 */
import { requestConfluence, view as forgeView } from '@forge/bridge';
import { z } from 'zod';
import { BYLINE_PROPERTY_KEY, type BylinePropertyValue, storedBylineIsNewer } from '../../shared/byline';

/** Confluence versions properties and answers 409 to a writer that lost a race: read and decide again. */
const ATTEMPTS = 3;

/** A stored value without a signature is not the app's (the back end checks the rest): the dialog writes over it. */
const storedValueSchema = z.looseObject({ title: z.string(), icon: z.string(), tooltip: z.string(), revision: z.number(), signature: z.string() });
const propertiesSchema = z.object({
  results: z.array(z.object({ id: z.string(), value: z.unknown(), version: z.object({ number: z.number() }) })),
});

const contentSchema = z.object({ extension: z.object({ content: z.object({ id: z.string(), type: z.string() }) }) });

const HEADERS = { Accept: 'application/json', 'Content-Type': 'application/json' };

/**
 * Stores `next` unless the property already describes a later page state, and answers the value
 * the byline should show now: `next`, or the newer stored one. Null when nothing can be written
 * from here: not a page (the content-property hook serves pages only), or the person may not edit
 * the page (Confluence refuses their property writes); the effects consumer's write stands then.
 */
export async function saveBylineProperty(next: BylinePropertyValue): Promise<BylinePropertyValue | null> {
  const context = contentSchema.safeParse(await forgeView.getContext());
  if (!context.success || context.data.extension.content.type !== 'page') return null;
  const properties = `/wiki/api/v2/pages/${encodeURIComponent(context.data.extension.content.id)}/properties`;

  for (let attempt = 1; attempt <= ATTEMPTS; attempt += 1) {
    const found = await requestConfluence(`${properties}?key=${BYLINE_PROPERTY_KEY}`, { headers: HEADERS });
    if (!found.ok) return null;
    const current = propertiesSchema.parse(await found.json()).results[0];
    const stored = storedValueSchema.safeParse(current?.value);
    if (stored.success && storedBylineIsNewer(stored.data, next)) return stored.data;
    // The same page state is already stored (the effects consumer was quicker): nothing to write.
    if (stored.success && stored.data.revision === next.revision) return stored.data;

    const written =
      current === undefined
        ? await requestConfluence(properties, { method: 'POST', headers: HEADERS, body: JSON.stringify({ key: BYLINE_PROPERTY_KEY, value: next }) })
        : await requestConfluence(`${properties}/${encodeURIComponent(current.id)}`, {
            method: 'PUT',
            headers: HEADERS,
            body: JSON.stringify({ key: BYLINE_PROPERTY_KEY, value: next, version: { number: current.version.number + 1, message: 'ApprovalFlow status' } }),
          });
    if (written.ok) return next;
    if (written.status !== 409) return null;
  }
  return null;
}
