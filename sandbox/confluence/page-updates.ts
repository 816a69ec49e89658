/**
 * A new version of a page or blog post, whoever makes it: a REST `PUT`, a copy onto an existing page,
 * or a person editing in the sandbox shell. One path, so every edit is permission-checked,
 * version-checked and announced to the page-updated trigger the same way.
 */
import { badRequest, conflict } from './errors';
import { type Env } from './http';
import { type Viewer } from './permissions';
import { type ContentRecord } from './state';
import { type PageUpdatedEvent } from './types';

export interface PageChange {
  title?: string;
  body?: string;
  message?: string;
  /**
   * Confluence's minor edit: the editor's "notify watchers" left off. The version records it
   * (v2 Version.minorEdit: "Email notifications and activity stream updates are not created").
   */
  minorEdit?: boolean;
  /** When given, must be the current version + 1, as optimistic locking in Confluence requires. */
  nextVersion?: number;
  status?: 'current' | 'draft';
  parentId?: string;
}

/** The event Confluence announces for the new version, or null when it announces none. */
export function updatePage(env: Env, viewer: Viewer, page: ContentRecord, change: PageChange): PageUpdatedEvent | null {
  if (page.type !== 'page' && page.type !== 'blogpost') throw badRequest(`A ${page.type} has no body to edit`);
  env.perms.requireUpdate(viewer, page);
  const current = env.store.latest(page);
  if (change.nextVersion !== undefined && change.nextVersion !== current.number + 1) {
    throw conflict(
      `Version must be incremented when updating a page. Current version: ${current.number}, provided version: ${change.nextVersion}`,
    );
  }
  // Every refusal happens before the first write, so a rejected edit changes nothing.
  const title = change.title ?? current.title;
  if (title.trim() === '') throw badRequest('Title cannot be empty');
  if ((change.status ?? page.status) === 'current' && env.store.titleTaken(page.spaceId, title, page.id)) {
    throw badRequest(`A page with this title already exists: ${title}`);
  }
  if (change.parentId !== undefined && change.parentId !== page.parentId) env.store.moveContent(page, change.parentId);
  if (change.status !== undefined) page.status = change.status;
  const revision = env.store.addRevision(page, {
    title,
    body: change.body ?? current.body,
    authorId: env.perms.accountIdOf(viewer),
    message: change.message,
    minorEdit: change.minorEdit,
  });
  const space = env.store.requireSpace(page.spaceId);
  const event: PageUpdatedEvent = {
    pageId: page.id,
    contentType: page.type,
    spaceId: space.id,
    spaceKey: space.key,
    version: revision.number,
    editorAccountId: revision.authorId,
    title: revision.title,
    at: revision.createdAt,
    minorEdit: revision.minorEdit,
  };
  // Drafts are private work in progress: Confluence announces only published pages. Live docs
  // announce editing sessions (`started`/`snapshotted:page`), never `updated:page`
  // (events-reference/confluence).
  if (page.status !== 'current' || page.subtype === 'live') return null;
  env.pageUpdated(event);
  return event;
}
