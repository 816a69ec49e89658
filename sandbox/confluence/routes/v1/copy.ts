/** Copy endpoints and the long task a hierarchy copy returns. */
import { z } from 'zod';
import { notFound } from '../../errors';
import { type Route, validate } from '../../http';
import { copyHierarchy, copyPage } from '../../copy';
import { ok } from '../../responses';
import { contentV1, longTaskV1 } from '../../shapes-v1';
import { V1 } from './common';

const flags = {
  copyAttachments: z.boolean().optional(),
  copyPermissions: z.boolean().optional(),
  copyProperties: z.boolean().optional(),
  copyLabels: z.boolean().optional(),
  copyCustomContents: z.boolean().optional(),
};

const singleSchema = z.object({
  ...flags,
  destination: z.object({
    type: z.enum(['space', 'parent_page', 'parent_content', 'existing_page']),
    value: z.string().min(1),
  }),
  pageTitle: z.string().min(1).max(255).optional(),
  body: z.object({ storage: z.object({ value: z.string(), representation: z.literal('storage').optional() }).optional() }).optional(),
});

const hierarchySchema = z.object({
  ...flags,
  destinationPageId: z.string().min(1),
  copyDescendants: z.boolean().optional(),
  titleOptions: z
    .object({ prefix: z.string().optional(), search: z.string().optional(), replace: z.string().optional() })
    .optional(),
});

export const copyRoutes: Route[] = [
  {
    method: 'POST',
    pattern: `${V1}/content/:id/copy`,
    handle: (ctx) => {
      const source = ctx.env.perms.readableContent(ctx.viewer, ctx.params.id, 'page');
      const copy = copyPage(ctx.env, ctx.viewer, source, validate(singleSchema, ctx.body));
      return ok(contentV1(ctx.env, copy));
    },
  },
  {
    method: 'POST',
    pattern: `${V1}/content/:id/pagehierarchy/copy`,
    handle: (ctx) => {
      const source = ctx.env.perms.readableContent(ctx.viewer, ctx.params.id, 'page');
      const task = copyHierarchy(ctx.env, ctx.viewer, source, validate(hierarchySchema, ctx.body));
      return ok({ id: task.id, links: { status: `/rest/api/longtask/${task.id}` } }, 202);
    },
  },
  {
    method: 'GET',
    pattern: `${V1}/longtask/:id`,
    handle: (ctx) => {
      const task = ctx.env.annotations.longTask(ctx.params.id);
      // A task is visible to whoever started it (and to the app, which sees everything).
      if (!task || (ctx.viewer.kind === 'user' && task.requestedBy !== ctx.viewer.accountId)) {
        throw notFound(`No long running task with id ${ctx.params.id}`);
      }
      return ok(longTaskV1(ctx.env, task));
    },
  },
];
