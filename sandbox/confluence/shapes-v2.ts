/** JSON shapes of the v2 API (`/wiki/api/v2`), field for field as Confluence Cloud returns them. */
import { adfToStorage, parseAdf, storageToAdf } from './body-format';
import { invalidParameter } from './errors';
import { type Env } from './http';
import {
  type CommentRecord,
  type ContentRecord,
  type LabelRecord,
  type PropertyRecord,
  type Revision,
  type RoleAssignmentRecord,
  type SpacePermissionRecord,
  type SpaceRecord,
  type UserRecord,
  type VersionRecord,
} from './state';

export type BodyFormat = 'storage' | 'atlas_doc_format' | 'view' | 'export_view';
const BODY_FORMATS: readonly BodyFormat[] = ['storage', 'atlas_doc_format', 'view', 'export_view'];

export function bodyFormatOf(query: URLSearchParams): BodyFormat | null {
  const raw = query.get('body-format');
  if (raw === null || raw === '') return null;
  const format = BODY_FORMATS.find((f) => f === raw);
  if (!format) throw invalidParameter(`Invalid value for 'body-format': ${raw}`);
  return format;
}

/** The body object holds only the representation asked for; without `body-format` it is empty. */
export function bodyV2(storage: string, format: BodyFormat | null): Record<string, unknown> {
  switch (format) {
    case null:
      return {};
    case 'storage':
      return { storage: { representation: 'storage', value: storage } };
    case 'atlas_doc_format':
      return { atlas_doc_format: { representation: 'atlas_doc_format', value: JSON.stringify(storageToAdf(storage)) } };
    default:
      // The emulator has no renderer: rendered views carry the storage XHTML, which browsers display alike.
      return { [format]: { representation: format, value: storage } };
  }
}

export function versionV2(v: VersionRecord): Record<string, unknown> {
  return { createdAt: v.createdAt, message: v.message, number: v.number, minorEdit: v.minorEdit, authorId: v.authorId };
}

const slug = (title: string): string => encodeURIComponent(title).replace(/%20/g, '+');

export function contentLinks(space: SpaceRecord, content: ContentRecord, title: string): Record<string, string> {
  if (content.type === 'folder') return { webui: `/spaces/${space.key}/folder/${content.id}` };
  // A blog post's address carries the day it was created on, as in Confluence Cloud.
  const where = content.type === 'blogpost' ? `blog/${content.createdAt.slice(0, 10).replace(/-/g, '/')}` : 'pages';
  return {
    webui: `/spaces/${space.key}/${where}/${content.id}/${slug(title)}`,
    editui: `/pages/resumedraft.action?draftId=${content.id}`,
    tinyui: `/x/${Number(content.id).toString(36)}`,
  };
}

function parentFields(env: Env, content: ContentRecord): { parentId: string | null; parentType: string | null } {
  const parent = content.parentId === null ? undefined : env.store.content(content.parentId);
  return { parentId: parent?.id ?? null, parentType: parent?.type ?? null };
}

type ContentV2Options = { bodyFormat: BodyFormat | null; revision?: Revision; includeVersion?: boolean; withBase?: boolean };

/** The fields pages and blog posts share in v2 (PageSingle / BlogPostSingle and their bulk forms). */
function contentV2(env: Env, content: ContentRecord, options: ContentV2Options): Record<string, unknown> {
  const space = env.store.requireSpace(content.spaceId);
  const revision = options.revision ?? env.store.latest(content);
  return {
    id: content.id,
    status: options.revision && options.revision !== env.store.latest(content) ? 'historical' : content.status,
    title: revision.title,
    spaceId: content.spaceId,
    authorId: content.authorId,
    createdAt: content.createdAt,
    ...(options.includeVersion === false ? {} : { version: versionV2(revision) }),
    body: bodyV2(revision.body, options.bodyFormat),
    // Single-entity responses also carry the site base; list items do not.
    _links: { ...contentLinks(space, content, revision.title), ...(options.withBase ? { base: env.baseUrl } : {}) },
  };
}

export function pageV2(env: Env, content: ContentRecord, options: ContentV2Options): Record<string, unknown> {
  return {
    ...contentV2(env, content, options),
    ...parentFields(env, content),
    position: content.position,
    ownerId: content.ownerId,
    lastOwnerId: null,
    // The OpenAPI has `subtype` on list items (PageBulk) only, so a single page does not say it is a live doc.
    ...(options.withBase ? {} : { subtype: content.subtype }),
  };
}

/** BlogPostSingle / BlogPostBulk of the OpenAPI: a page without parent, position or owner fields. */
export function blogPostV2(env: Env, content: ContentRecord, options: ContentV2Options): Record<string, unknown> {
  return contentV2(env, content, options);
}

export function folderV2(env: Env, content: ContentRecord, withBase = false): Record<string, unknown> {
  const space = env.store.requireSpace(content.spaceId);
  const revision = env.store.latest(content);
  return {
    id: content.id,
    type: 'folder',
    status: content.status,
    title: revision.title,
    ...parentFields(env, content),
    position: content.position,
    authorId: content.authorId,
    ownerId: content.ownerId,
    createdAt: content.createdAt,
    spaceId: content.spaceId,
    version: versionV2(revision),
    _links: { ...contentLinks(space, content, revision.title), ...(withBase ? { base: env.baseUrl } : {}) },
  };
}

export function childV2(env: Env, content: ContentRecord): Record<string, unknown> {
  return {
    id: content.id,
    status: content.status,
    title: env.store.title(content),
    type: content.type,
    spaceId: content.spaceId,
    childPosition: content.position,
  };
}

export function spaceV2(space: SpaceRecord, descriptionFormat: string | null): Record<string, unknown> {
  return {
    id: space.id,
    key: space.key,
    name: space.name,
    type: 'global',
    status: 'current',
    authorId: space.authorId,
    createdAt: space.createdAt,
    homepageId: space.homepageId,
    currentActiveAlias: space.key,
    ...(descriptionFormat === null
      ? {}
      : { description: { [descriptionFormat]: { representation: descriptionFormat, value: space.description } } }),
    _links: { webui: `/spaces/${space.key}` },
  };
}

export function permissionAssignmentV2(p: SpacePermissionRecord): Record<string, unknown> {
  return { id: p.id, principal: { ...p.principal }, operation: { ...p.operation } };
}

export function roleAssignmentV2(a: RoleAssignmentRecord): Record<string, unknown> {
  return { principal: { ...a.principal }, roleId: a.roleId };
}

export function propertyV2(p: PropertyRecord): Record<string, unknown> {
  return { id: p.id, key: p.key, value: p.value, version: versionV2(p.version) };
}

export function labelV2(l: LabelRecord): Record<string, unknown> {
  return { id: l.id, name: l.name, prefix: l.prefix };
}

function commentBody(comment: CommentRecord, format: BodyFormat | null): Record<string, unknown> {
  const { representation, value } = comment.body;
  if (format === null) return {};
  if (format === representation) return { [format]: { representation, value } };
  const storage = representation === 'storage' ? value : adfToStorage(parseAdf(value));
  return bodyV2(storage, format);
}

export function commentV2(env: Env, comment: CommentRecord, format: BodyFormat | null): Record<string, unknown> {
  const page = env.store.requireContent(comment.pageId);
  const space = env.store.requireSpace(page.spaceId);
  const pageTitle = env.store.title(page);
  return {
    id: comment.id,
    status: 'current',
    title: `Re: ${pageTitle}`,
    ...(page.type === 'blogpost' ? { blogPostId: comment.pageId } : { pageId: comment.pageId }),
    ...(comment.parentCommentId === null ? {} : { parentCommentId: comment.parentCommentId }),
    version: { createdAt: comment.createdAt, message: '', number: 1, minorEdit: false, authorId: comment.authorId },
    body: commentBody(comment, format),
    _links: {
      webui: `${contentLinks(space, page, pageTitle).webui}?focusedCommentId=${comment.id}#comment-${comment.id}`,
    },
  };
}

export function avatar(accountId: string): Record<string, unknown> {
  return { path: `/wiki/aa-avatar/${accountId}`, width: 48, height: 48, isDefault: false };
}

export function userV2(user: UserRecord): Record<string, unknown> {
  return {
    accountId: user.accountId,
    accountType: user.accountType,
    accountStatus: user.active ? 'active' : 'inactive',
    displayName: user.displayName,
    email: user.email,
    publicName: user.displayName,
    profilePicture: avatar(user.accountId),
    timeZone: user.timeZone,
    isExternalCollaborator: false,
  };
}
