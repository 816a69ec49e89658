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
}

interface ExtensionContext {
  space?: { id?: unknown; key?: unknown };
  content?: { id?: unknown };
}

function text(value: unknown): string | undefined {
  return typeof value === 'string' && value.length > 0 ? value : typeof value === 'number' ? String(value) : undefined;
}

export function invocationFrom(context: Record<string, unknown>): Invocation {
  const accountId = text(context.accountId);
  if (!accountId) {
    throw new AppError('FORBIDDEN', 'Log in to Confluence to use ApprovalFlow.');
  }
  const extension = (context.extension ?? {}) as ExtensionContext;
  return {
    accountId,
    spaceId: text(extension.space?.id),
    spaceKey: text(extension.space?.key),
    contentId: text(extension.content?.id),
  };
}
