/** Envelopes of list responses: v2's `{results, _links}` + `Link` header, v1's `{results, start, limit, size, _links}`. */
import { type RouteContext, type RouteResult } from './http';
import { type OffsetWindow } from './paging';

export function ok(body: unknown, status = 200): RouteResult {
  return { status, body };
}

export const noContent = (): RouteResult => ({ status: 204 });

export function v2List(ctx: RouteContext, results: unknown[], nextCursor: string | null): RouteResult {
  const links: Record<string, string> = {};
  const headers: Record<string, string> = {};
  if (nextCursor !== null) {
    const params = new URLSearchParams(ctx.url.search);
    params.set('cursor', nextCursor);
    links.next = `${ctx.url.pathname}?${params.toString()}`;
    headers.link = `<${links.next}>; rel="next", <${ctx.env.baseUrl}>; rel="base"`;
  }
  links.base = ctx.env.baseUrl;
  return { status: 200, body: { results, _links: links }, headers };
}

/** v1 links are relative to the `/wiki` context, unlike v2's. */
const withoutContext = (pathname: string): string => pathname.replace(/^\/wiki/, '');

export function v1List(
  ctx: RouteContext,
  all: unknown[],
  window: OffsetWindow,
  extra: Record<string, unknown> = {},
): RouteResult {
  const results = all.slice(window.start, window.start + window.limit);
  const path = withoutContext(ctx.url.pathname);
  const links: Record<string, string> = {
    base: ctx.env.baseUrl,
    context: '/wiki',
    self: `${ctx.env.baseUrl}${path}${ctx.url.search}`,
  };
  if (window.start + window.limit < all.length) {
    const params = new URLSearchParams(ctx.url.search);
    params.set('start', String(window.start + window.limit));
    params.set('limit', String(window.limit));
    links.next = `${path}?${params.toString()}`;
  }
  return {
    status: 200,
    body: { results, start: window.start, limit: window.limit, size: results.length, ...extra, _links: links },
  };
}
