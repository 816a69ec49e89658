/** Conventions shared by the v1 routes. */
import { badRequest } from '../../errors';
import { type RouteContext } from '../../http';
import { type ContentRecord, type RestrictionOperation } from '../../state';

export const V1 = '/wiki/rest/api';

export function operationOf(raw: string): RestrictionOperation {
  if (raw === 'read' || raw === 'update') return raw;
  throw badRequest(`Unsupported restriction operation '${raw}': use read or update`);
}

/** v1 content endpoints accept pages and folders alike. */
export function readableContent(ctx: RouteContext): ContentRecord {
  return ctx.env.perms.readableContent(ctx.viewer, ctx.params.id);
}
