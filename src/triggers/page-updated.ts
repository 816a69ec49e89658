/**
 * `avi:confluence:updated:page` and `avi:confluence:updated:blogpost`: every new version of a
 * published page or blog post. Confluence triggers cannot filter the app's own edits out
 * (`ignoreSelf` works only with Jira events, docs/sandbox-runtime.md), so the app's own versions
 * (a title action's) arrive marked `selfGenerated`: they carry the approval over instead of
 * outdating it, and enter no state, so no actions run again.
 * A failure a later attempt can cure asks Forge to deliver the event again (`InvocationError`,
 * at most four times); after that, or for any other failure, the event is logged and dropped,
 * and the daily job's version check catches the edit.
 */
import { InvocationError } from '@forge/events';
import { z } from 'zod';
import { pageEdited } from '../commands/page-edited';
import { isPublished } from '../domain/submission';
import { retryAdviceFor } from './transient-failure';

/** Forge retries an event at most four times (events-reference/product_events). */
const MAX_RETRIES = 4;

const eventSchema = z.object({
  atlassianId: z.string().optional(),
  selfGenerated: z.boolean().optional(),
  retryContext: z.object({ retryCount: z.number().int().nonnegative() }).optional(),
  content: z.object({
    id: z.union([z.string(), z.number()]).transform(String),
    type: z.string(),
    status: z.string(),
    title: z.string().optional(),
    version: z.object({ number: z.number().int().positive(), by: z.object({ accountId: z.string().optional() }).optional() }),
  }),
});

export async function pageUpdated(payload: unknown): Promise<InvocationError | undefined> {
  const parsed = eventSchema.safeParse(payload);
  if (!parsed.success) {
    console.error('page-updated event dropped: not the documented payload', parsed.error.issues);
    return undefined;
  }
  const event = parsed.data;
  const { content } = event;
  // Blog posts share the payload, with `content.type: 'blogpost'` (events-reference/confluence).
  if ((content.type !== 'page' && content.type !== 'blogpost') || !isPublished(content)) return undefined;
  const editorId = content.version.by?.accountId ?? event.atlassianId;
  if (editorId === undefined) return undefined;
  const edit = `page ${content.id} v${content.version.number}`;
  const retryCount = event.retryContext?.retryCount ?? 0;
  try {
    await pageEdited({ pageId: content.id, newVersion: content.version.number, editorId, title: content.title, byApp: event.selfGenerated === true });
    return undefined;
  } catch (error) {
    const advice = retryAdviceFor(error, retryCount);
    if (advice === undefined || retryCount >= MAX_RETRIES) {
      console.error(`${edit}: the edit was not recorded; the daily version check will catch it`, error);
      return undefined;
    }
    console.warn(`${edit}: ${advice.why}; asking for delivery again in ${advice.retryAfter} s`);
    return new InvocationError({ retryAfter: advice.retryAfter, retryReason: advice.retryReason });
  }
}
