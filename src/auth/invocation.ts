import { z } from 'zod';
import { type ContentType, contentTypeSchema } from '../shared/content';
import { contentIdSchema, spaceIdSchema } from '../shared/contract/ids';
import { AppError } from '../shared/errors';

/**
 * Who is calling and from where, taken from the invocation context that Forge builds.
 * Authorisation starts here and never from the payload: a payload can claim anything.
 */
export interface Invocation {
  accountId: string;
  /** Space and content of the module the call came from, when it has them. */
  spaceId?: string;
  spaceKey?: string;
  contentId?: string;
  /** What the content is, as the module's context says (confluence-content-byline-item: `page` or `blogpost`). */
  contentType?: ContentType;
  /** The content is a live doc (`content.subtype: 'live'`). */
  liveDoc: boolean;
}

interface ExtensionContext {
  space?: { id?: unknown; key?: unknown };
  content?: { id?: unknown; type?: unknown; subtype?: unknown };
}

/** The platform sets the context, but it is still checked: an unknown type is refused, never guessed. */
const contextTypeSchema = contentTypeSchema.optional();

function text(value: unknown): string | undefined {
  return typeof value === 'string' && value.length > 0 ? value : typeof value === 'number' ? String(value) : undefined;
}

/**
 * The context's ids end up in storage keys and Confluence paths like the payload's: one that is
 * not a Confluence id (`../spaces/1002`) is refused, never looked up.
 */
function contextId(value: unknown, schema: typeof contentIdSchema, what: string): string | undefined {
  const id = text(value);
  if (id === undefined) return undefined;
  if (!schema.safeParse(id).success) throw new AppError('VALIDATION', `The ${what} this screen was opened from is not a Confluence ${what}. Reload the page.`);
  return id;
}

export function invocationFrom(context: Record<string, unknown>): Invocation {
  const accountId = text(context.accountId);
  if (!accountId) {
    throw new AppError('FORBIDDEN', 'Log in to Confluence to use ApprovalFlow.');
  }
  const extension = (context.extension ?? {}) as ExtensionContext;
  const contentType = contextTypeSchema.safeParse(extension.content?.type);
  if (!contentType.success) throw new AppError('VALIDATION', 'ApprovalFlow works on pages and blog posts only.');
  return {
    accountId,
    spaceId: contextId(extension.space?.id, spaceIdSchema, 'space'),
    spaceKey: text(extension.space?.key),
    contentId: contextId(extension.content?.id, contentIdSchema, 'page'),
    contentType: contentType.data,
    liveDoc: z.literal('live').safeParse(extension.content?.subtype).success,
  };
}
