import { asUser } from '../confluence/http';
import { getPage, type PageInfo, type PageReadOptions } from '../confluence/pages';
import { type ContentType } from '../shared/content';
import { AppError } from '../shared/errors';

/** What the caller may do on a page, as Confluence says when asked as the caller. */
export interface PageAccess {
  page: PageInfo;
  canView: boolean;
  canEdit: boolean;
}

/**
 * One Confluence call, made as the invoking user (`asUser()`, never an explicit id: that would be
 * offline impersonation), so it must run inside a resolver: a page they cannot see answers 404
 * exactly like a page that does not exist, and the operations they may perform come with the page.
 */
export async function pageAccess(pageId: string, type?: ContentType, options: PageReadOptions = {}): Promise<PageAccess> {
  try {
    const page = await getPage(asUser(), pageId, type, options);
    return { page, canView: true, canEdit: page.operations.includes('update') };
  } catch (error) {
    if (error instanceof AppError && error.code === 'NOT_FOUND') {
      throw new AppError('NOT_FOUND', "This page doesn't exist, or you don't have permission to view it.");
    }
    throw error;
  }
}

/** Refuses a page that is not in the space the call came from: a payload cannot point elsewhere. */
export function requireSpace(access: PageAccess, spaceId: string | undefined): void {
  if (spaceId !== undefined && access.page.spaceId !== spaceId) {
    throw new AppError('NOT_FOUND', "This page isn't in this space, or you don't have permission to view it.");
  }
}
