/** Content properties of pages, blog posts and folders (the byline lozenge lives in one). */
import { z } from 'zod';
import { badRequest, notFound } from '../../errors';
import { type Route, type RouteContext, validate } from '../../http';
import { cursorPage, v2Limit } from '../../paging';
import { noContent, ok, v2List } from '../../responses';
import { type ContentRecord, type PropertyRecord } from '../../state';
import { propertyV2 } from '../../shapes-v2';
import { V2, sortKeyOf, sortedBy } from './common';

type Kind = 'pages' | 'folders' | 'blogposts';
const TYPE_OF: Record<Kind, ContentRecord['type']> = { pages: 'page', folders: 'folder', blogposts: 'blogpost' };

/** Confluence caps a property value at 32 KB of JSON. */
const MAX_VALUE_CHARS = 32768;

function checkValue(value: unknown): void {
  if (value === undefined) throw badRequest("Invalid request body: 'value': a property needs a value");
  if (JSON.stringify(value).length > MAX_VALUE_CHARS) {
    throw badRequest(`The property value exceeds the maximum size of ${MAX_VALUE_CHARS} characters`);
  }
}

const createSchema = z.object({ key: z.string().min(1).max(255), value: z.unknown() });
const updateSchema = z.object({
  key: z.string().min(1).max(255),
  value: z.unknown(),
  version: z.object({ number: z.number().int(), message: z.string().optional() }),
});

function readable(ctx: RouteContext, kind: Kind): ContentRecord {
  return ctx.env.perms.readableContent(ctx.viewer, ctx.params.id, TYPE_OF[kind]);
}

function writable(ctx: RouteContext, kind: Kind): ContentRecord {
  const content = readable(ctx, kind);
  ctx.env.perms.requireUpdate(ctx.viewer, content);
  return content;
}

function propertyIn(ctx: RouteContext, content: ContentRecord): PropertyRecord {
  const property = ctx.env.annotations.property(content.id, ctx.params.propertyId);
  if (!property) throw notFound(`No content property with id ${ctx.params.propertyId} on ${content.type} ${content.id}`);
  return property;
}

function routesFor(kind: Kind): Route[] {
  const base = `${V2}/${kind}/:id/properties`;
  return [
    {
      method: 'GET',
      pattern: base,
      handle: (ctx) => {
        const content = readable(ctx, kind);
        const key = ctx.query.get('key');
        const keyOf = sortKeyOf<PropertyRecord>(ctx.query, { key: (p) => [p.key, Number(p.id)] }, 'key');
        const matching = ctx.env.annotations.propertiesOf(content.id).filter((p) => key === null || p.key === key);
        const page = cursorPage(sortedBy(matching, keyOf), keyOf, ctx.query.get('cursor'), v2Limit(ctx.query, 25, 250));
        return v2List(ctx, page.items.map(propertyV2), page.nextCursor);
      },
    },
    {
      method: 'POST',
      pattern: base,
      handle: (ctx) => {
        const content = writable(ctx, kind);
        const input = validate(createSchema, ctx.body);
        checkValue(input.value);
        const authorId = ctx.env.perms.accountIdOf(ctx.viewer);
        return ok(propertyV2(ctx.env.annotations.createProperty(content.id, input.key, input.value, authorId)));
      },
    },
    {
      method: 'GET',
      pattern: `${base}/:propertyId`,
      handle: (ctx) => ok(propertyV2(propertyIn(ctx, readable(ctx, kind)))),
    },
    {
      method: 'PUT',
      pattern: `${base}/:propertyId`,
      handle: (ctx) => {
        const content = writable(ctx, kind);
        const property = propertyIn(ctx, content);
        const input = validate(updateSchema, ctx.body);
        if (input.key !== property.key) throw badRequest(`The key of property ${property.id} is '${property.key}' and cannot change`);
        checkValue(input.value);
        const authorId = ctx.env.perms.accountIdOf(ctx.viewer);
        return ok(propertyV2(ctx.env.annotations.updateProperty(property, input.value, input.version.number, authorId, input.version.message)));
      },
    },
    {
      method: 'DELETE',
      pattern: `${base}/:propertyId`,
      handle: (ctx) => {
        const content = writable(ctx, kind);
        ctx.env.annotations.deleteProperty(propertyIn(ctx, content));
        return noContent();
      },
    },
  ];
}

export const propertyRoutes: Route[] = [...routesFor('pages'), ...routesFor('folders'), ...routesFor('blogposts')];
