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

/** A footer comment as the app reads it back: who wrote it, when, and its ADF body. */
export interface FooterComment {
  id: string;
  authorId: string;
  /** When it was posted (v2 `version.createdAt`); empty if Confluence did not say. */
  createdAt: string;
  document: AdfDocument | null;
}

interface CommentListBody {
  id: string;
  version?: { authorId?: string; createdAt?: string };
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
    comments: body.results.map((comment) => ({
      id: String(comment.id),
      authorId: comment.version?.authorId ?? '',
      createdAt: comment.version?.createdAt ?? '',
      document: documentOf(comment),
    })),
    cursor: nextCursor(body),
  };
}

/**
 * A comment's words with mentions as account ids: what a retry compares to recognise a comment
 * it already posted (ids, because Confluence may refresh a mention's display text).
 */
export function commentFingerprint(document: AdfDocument): string {
  const walk = (node: AdfNode): string => {
    if (node.type === 'text') return node.text ?? '';
    if (node.type === 'mention') return `@[${node.attrs?.id ?? ''}]`;
    const inner = (node.content ?? []).map(walk).join('');
    return node.type === 'paragraph' ? `${inner}\n` : inner;
  };
  return document.content.map(walk).join('').trim();
}
