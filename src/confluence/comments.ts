import { route } from '@forge/api';
import { confluenceJson, nextCursor, type CallAs, type V2Page } from './http';

/** An Atlassian Document Format document, as footer comments carry it. */
export interface AdfDocument {
  type: 'doc';
  version: 1;
  content: AdfNode[];
}

export interface AdfNode {
  type: string;
  text?: string;
  attrs?: Record<string, string>;
  content?: AdfNode[];
}

interface CommentBody {
  id: string;
}

/** Where a footer comment goes: on a page, on a blog post, or in reply to a comment. */
export type CommentParent = { pageId: string } | { blogPostId: string } | { parentCommentId: string };

/** Posts a footer comment on a page or blog post (or a reply when `parentCommentId` is given). */
export async function postFooterComment(
  callAs: CallAs,
  target: CommentParent,
  document: AdfDocument,
): Promise<string> {
  const created = await confluenceJson<CommentBody>(callAs, route`/wiki/api/v2/footer-comments`, {
    method: 'POST',
    body: { ...target, body: { representation: 'atlas_doc_format', value: JSON.stringify(document) } },
  });
  return String(created.id);
}

/** A footer comment as the app reads it back: who wrote it and its ADF body. */
export interface FooterComment {
  id: string;
  authorId: string;
  document: AdfDocument | null;
}

interface CommentListBody {
  id: string;
  version?: { authorId?: string };
  body?: { atlas_doc_format?: { value?: string } };
}

function documentOf(comment: CommentListBody): AdfDocument | null {
  const value = comment.body?.atlas_doc_format?.value;
  if (value === undefined) return null;
  try {
    return JSON.parse(value) as AdfDocument;
  } catch {
    return null;
  }
}

/** One page of a page's (or blog post's) root footer comments, or of a comment's replies, newest first. */
export async function listFooterComments(
  callAs: CallAs,
  parent: CommentParent,
  cursor?: string,
): Promise<{ comments: FooterComment[]; cursor?: string }> {
  const params = new URLSearchParams({ 'body-format': 'atlas_doc_format', sort: '-created-date', limit: '100' });
  if (cursor !== undefined) params.set('cursor', cursor);
  const path =
    'pageId' in parent
      ? route`/wiki/api/v2/pages/${parent.pageId}/footer-comments?${params}`
      : 'blogPostId' in parent
        ? route`/wiki/api/v2/blogposts/${parent.blogPostId}/footer-comments?${params}`
        : route`/wiki/api/v2/footer-comments/${parent.parentCommentId}/children?${params}`;
  const body = await confluenceJson<V2Page<CommentListBody>>(callAs, path);
  return {
    comments: body.results.map((comment) => ({ id: String(comment.id), authorId: comment.version?.authorId ?? '', document: documentOf(comment) })),
    cursor: nextCursor(body),
  };
}
