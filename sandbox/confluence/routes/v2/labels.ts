/** Reading labels is v2; adding and removing them is still v1 (see routes/v1/labels.ts). */
import { invalidParameter } from '../../errors';
import { type Route, type RouteContext } from '../../http';
import { cursorPage, v2Limit } from '../../paging';
import { v2List } from '../../responses';
import { type ContentRecord, type LabelRecord, labelPrefixSchema } from '../../state';
import { labelV2 } from '../../shapes-v2';
import { V2, sortKeyOf, sortedBy } from './common';

function labelsOf(type: ContentRecord['type']) {
  return (ctx: RouteContext) => {
    const content = ctx.env.perms.readableContent(ctx.viewer, ctx.params.id, type);
    const prefix = ctx.query.get('prefix');
    if (prefix !== null && !labelPrefixSchema.safeParse(prefix).success) {
      throw invalidParameter(`Invalid value for 'prefix': ${prefix}`);
    }
    const keyOf = sortKeyOf<LabelRecord>(
      ctx.query,
      { name: (l) => [l.name, Number(l.id)], id: (l) => [Number(l.id)], '-id': (l) => [-Number(l.id)] },
      'name',
    );
    const labels = ctx.env.annotations.labelsOf(content.id).filter((l) => prefix === null || l.prefix === prefix);
    const page = cursorPage(sortedBy(labels, keyOf), keyOf, ctx.query.get('cursor'), v2Limit(ctx.query, 25, 250));
    return v2List(ctx, page.items.map(labelV2), page.nextCursor);
  };
}

export const labelRoutes: Route[] = [
  { method: 'GET', pattern: `${V2}/pages/:id/labels`, handle: labelsOf('page') },
  { method: 'GET', pattern: `${V2}/folders/:id/labels`, handle: labelsOf('folder') },
  { method: 'GET', pattern: `${V2}/blogposts/:id/labels`, handle: labelsOf('blogpost') },
];
