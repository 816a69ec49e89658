/** Footer comments and their threaded replies: the app's notification channel. */
import { z } from 'zod';
import { parseAdf } from '../../body-format';
import { badRequest, forbidden, notFound } from '../../errors';
import { type Route, type RouteContext, validate } from '../../http';
import { cursorPage, v2Limit } from '../../paging';
import { ok, v2List } from '../../responses';
import { type CommentRecord } from '../../state';
import { bodyFormatOf, commentV2 } from '../../shapes-v2';
import { V2, sortKeyOf, sortedBy } from './common';

const commentOrderings = {
  'created-date': (c: CommentRecord) => [Number(c.id)],
  '-created-date': (c: CommentRecord) => [-Number(c.id)],
};

const createSchema = z.object({
  pageId: z.string().optional(),
  parentCommentId: z.string().optional(),
  blogPostId: z.string().optional(),
  attachmentId: z.string().optional(),
  customContentId: z.string().optional(),
  body: z.object({ representation: z.enum(['storage', 'atlas_doc_format']), value: z.string() }),
});

/** A comment is visible exactly when the page it sits on is. */
function readableComment(ctx: RouteContext, id: string): CommentRecord {
  const comment = ctx.env.annotations.comment(id);
  const page = comment ? ctx.env.store.content(comment.pageId) : undefined;
  if (!comment || !page || !ctx.env.perms.can(ctx.viewer, 'read', page)) throw notFound(`No comment found with id: ${id}`);
  return comment;
}

function listed(ctx: RouteContext, comments: CommentRecord[]) {
  const keyOf = sortKeyOf(ctx.query, commentOrderings, 'created-date');
  const page = cursorPage(sortedBy(comments, keyOf), keyOf, ctx.query.get('cursor'), v2Limit(ctx.query, 25, 250));
  const format = bodyFormatOf(ctx.query);
  return v2List(ctx, page.items.map((c) => commentV2(ctx.env, c, format)), page.nextCursor);
}

function createComment(ctx: RouteContext) {
  const { annotations, perms } = ctx.env;
  const input = validate(createSchema, ctx.body);
  if (input.attachmentId !== undefined || input.customContentId !== undefined) {
    throw badRequest('The sandbox supports footer comments on pages and blog posts only');
  }
  const targets = [input.pageId, input.blogPostId, input.parentCommentId].filter((id) => id !== undefined);
  if (targets.length !== 1) throw badRequest('Exactly one of pageId, blogPostId or parentCommentId is required');
  const parent = input.parentCommentId === undefined ? null : readableComment(ctx, input.parentCommentId);
  const page =
    parent !== null
      ? perms.readableContent(ctx.viewer, parent.pageId)
      : input.blogPostId !== undefined
        ? perms.readableContent(ctx.viewer, input.blogPostId, 'blogpost')
        : perms.readableContent(ctx.viewer, input.pageId ?? '', 'page');
  if (!perms.canComment(ctx.viewer, page)) throw forbidden(`You do not have permission to comment on ${page.type} ${page.id}`);
  // Rejecting malformed ADF here keeps every stored comment renderable.
  if (input.body.representation === 'atlas_doc_format') parseAdf(input.body.value);
  const comment = annotations.addComment(page.id, parent?.id ?? null, perms.accountIdOf(ctx.viewer), input.body);
  return ok(commentV2(ctx.env, comment, input.body.representation), 201);
}

function rootComments(type: 'page' | 'blogpost') {
  return (ctx: RouteContext) => {
    const content = ctx.env.perms.readableContent(ctx.viewer, ctx.params.id, type);
    return listed(ctx, ctx.env.annotations.rootCommentsOf(content.id));
  };
}

export const commentRoutes: Route[] = [
  { method: 'GET', pattern: `${V2}/pages/:id/footer-comments`, handle: rootComments('page') },
  { method: 'GET', pattern: `${V2}/blogposts/:id/footer-comments`, handle: rootComments('blogpost') },
  { method: 'POST', pattern: `${V2}/footer-comments`, handle: createComment },
  {
    method: 'GET',
    pattern: `${V2}/footer-comments/:id`,
    handle: (ctx) => ok(commentV2(ctx.env, readableComment(ctx, ctx.params.id), bodyFormatOf(ctx.query))),
  },
  {
    method: 'GET',
    pattern: `${V2}/footer-comments/:id/children`,
    handle: (ctx) => listed(ctx, ctx.env.annotations.repliesTo(readableComment(ctx, ctx.params.id).id)),
  },
];
