/** Adding and removing labels (v2 has no write endpoints for them). */
import { z } from 'zod';
import { badRequest, notFound } from '../../errors';
import { type Route, type RouteContext, requiredQuery, validate } from '../../http';
import { v1Window } from '../../paging';
import { noContent, v1List } from '../../responses';
import { labelV1 } from '../../shapes-v1';
import { V1, readableContent } from './common';

const labelInput = z.object({ prefix: z.enum(['global', 'my', 'team']).default('global'), name: z.string() });
const addSchema = z.union([z.array(labelInput).min(1), labelInput.transform((label) => [label])]);

/** Characters Confluence refuses in a label name. */
const FORBIDDEN_CHARS = /[\s:;,.?&[\]()#^*@!]/;

function normalisedName(raw: string): string {
  const name = raw.trim().toLowerCase();
  if (name === '' || name.length > 255 || FORBIDDEN_CHARS.test(name)) {
    throw badRequest(`'${raw}' is not a valid label name: labels cannot contain spaces or any of : ; , . ? & [ ] ( ) # ^ * @ !`);
  }
  return name;
}

function allLabels(ctx: RouteContext, contentId: string) {
  const labels = ctx.env.annotations.labelsOf(contentId).map(labelV1);
  return v1List(ctx, labels, { start: 0, limit: Math.max(labels.length, 1) });
}

function removeLabel(ctx: RouteContext, name: string) {
  const content = readableContent(ctx);
  ctx.env.perms.requireUpdate(ctx.viewer, content);
  if (!ctx.env.annotations.removeLabel(content.id, name.toLowerCase())) {
    throw notFound(`Label '${name}' is not on content ${content.id}`);
  }
  return noContent();
}

export const labelRoutesV1: Route[] = [
  {
    method: 'GET',
    pattern: `${V1}/content/:id/label`,
    handle: (ctx) => {
      const content = readableContent(ctx);
      const prefix = ctx.query.get('prefix');
      const labels = ctx.env.annotations
        .labelsOf(content.id)
        .filter((l) => prefix === null || l.prefix === prefix)
        .map(labelV1);
      return v1List(ctx, labels, v1Window(ctx.query, 200, 200));
    },
  },
  {
    method: 'POST',
    pattern: `${V1}/content/:id/label`,
    handle: (ctx) => {
      const content = readableContent(ctx);
      ctx.env.perms.requireUpdate(ctx.viewer, content);
      const labels = validate(addSchema, ctx.body).map((l) => ({ prefix: l.prefix, name: normalisedName(l.name) }));
      for (const label of labels) ctx.env.annotations.addLabel(content.id, label.prefix, label.name);
      return allLabels(ctx, content.id);
    },
  },
  {
    method: 'DELETE',
    pattern: `${V1}/content/:id/label/:label`,
    handle: (ctx) => removeLabel(ctx, ctx.params.label),
  },
  {
    method: 'DELETE',
    pattern: `${V1}/content/:id/label`,
    handle: (ctx) => removeLabel(ctx, requiredQuery(ctx.query, 'name')),
  },
];
