/**
 * Method + path matching for the server's small route table. A pattern is a path with
 * `:name` segments and an optional trailing `*` that takes the rest (for the two proxies:
 * `/wiki/*` and `/__sandbox/api/*`).
 */
import { type IncomingHttpHeaders } from 'node:http';
import { type Reply } from './http-io';

export interface RequestContext {
  method: string;
  url: URL;
  params: Record<string, string>;
  /** What a trailing `*` matched, without its leading slash (raw, still percent-encoded). */
  rest: string;
  headers: IncomingHttpHeaders;
  /** The body as text ('' when empty); read on demand, once. */
  text(): Promise<string>;
  /** The body parsed as JSON (`undefined` when empty); 400 when it does not parse. */
  json(): Promise<unknown>;
}

export interface Route {
  /** An HTTP method, or `*` for the proxies that pass every method on. */
  method: string;
  pattern: string;
  handle(ctx: RequestContext): Promise<Reply>;
}

export type RouteMatch =
  | { kind: 'found'; route: Route; params: Record<string, string>; rest: string }
  | { kind: 'method-not-allowed'; allowed: string[] }
  | { kind: 'none' };

function matchPath(pattern: string, pathname: string): { params: Record<string, string>; rest: string } | null {
  const want = pattern.split('/');
  const got = pathname.split('/');
  const wildcard = want[want.length - 1] === '*';
  const fixed = wildcard ? want.slice(0, -1) : want;
  if (wildcard ? got.length < fixed.length : got.length !== fixed.length) return null;
  const params: Record<string, string> = {};
  for (let i = 0; i < fixed.length; i++) {
    if (fixed[i].startsWith(':')) {
      if (got[i] === '') return null;
      try {
        params[fixed[i].slice(1)] = decodeURIComponent(got[i]);
      } catch {
        return null;
      }
    } else if (fixed[i] !== got[i]) {
      return null;
    }
  }
  return { params, rest: wildcard ? got.slice(fixed.length).join('/') : '' };
}

export function matchRoute(routes: readonly Route[], method: string, pathname: string): RouteMatch {
  const allowed: string[] = [];
  for (const route of routes) {
    const matched = matchPath(route.pattern, pathname);
    if (matched === null) continue;
    if (route.method === '*' || route.method === method.toUpperCase()) return { kind: 'found', route, ...matched };
    allowed.push(route.method);
  }
  return allowed.length > 0 ? { kind: 'method-not-allowed', allowed } : { kind: 'none' };
}
