import { type ApiRouteDef } from './manifest';
import { isRecord } from './types';

/** `/a/*` matches one segment, a trailing `/**` any rest (the apiRoute path pattern of the manifest schema). */
export function routePattern(path: string): RegExp {
  const escaped = path
    .replace(/\/\*\*$/, '\u0000')
    .split('/')
    .map((segment) => (segment === '*' ? '[^/]+' : segment.replace(/[.+?^${}()|[\]\\]/g, '\\$&')))
    .join('/')
    .replace('\u0000', '(?:/.*)?');
  return new RegExp(`^${escaped}$`);
}

export function findRoute(routes: ApiRouteDef[], method: string, path: string): { route?: ApiRouteDef; pathMatched: boolean } {
  const matching = routes.filter((route) => routePattern(route.path).test(path));
  return { route: matching.find((route) => route.operation === method.toUpperCase()), pathMatched: matching.length > 0 };
}

/**
 * Besides the route's app-defined scopes, a 3LO integration needs the product's Forge app scope
 * (mirror/access-rest-apis-exposed-by-a-forge-app, Step 2, "Connect the 3LO app to the Forge app":
 * `read:forge-app:confluence` for Confluence).
 */
export const FORGE_APP_SCOPE = 'read:forge-app:confluence';

/** What a token granting `granted` lacks to call `route`. */
export function missingScopes(route: ApiRouteDef, granted: readonly string[]): string[] {
  return [...route.scopes, FORGE_APP_SCOPE].filter((scope) => !granted.includes(scope));
}

/** The request a handler receives: the web-trigger request format (headers and query values as lists). */
export interface ApiRouteRequest {
  method: string;
  path: string;
  headers: Record<string, string[]>;
  queryParameters: Record<string, string[]>;
  body?: string;
}

export function toRequest(method: string, path: string, query: Record<string, string | string[]> | undefined, headers: Record<string, string> | undefined, body: unknown): ApiRouteRequest {
  const queryParameters: Record<string, string[]> = {};
  for (const [name, value] of Object.entries(query ?? {})) queryParameters[name] = Array.isArray(value) ? value : [value];
  const requestHeaders: Record<string, string[]> = {};
  for (const [name, value] of Object.entries(headers ?? {})) requestHeaders[name.toLowerCase()] = [value];
  const text = body === undefined ? undefined : typeof body === 'string' ? body : JSON.stringify(body);
  if (text !== undefined && requestHeaders['content-type'] === undefined) requestHeaders['content-type'] = ['application/json'];
  return { method: method.toUpperCase(), path, headers: requestHeaders, queryParameters, ...(text === undefined ? {} : { body: text }) };
}

export interface ApiResponse {
  status: number;
  headers: Record<string, string>;
  body: string;
}

/** Maps a handler's `{statusCode, headers?, body?}`; anything else is a 500, as for web triggers. */
export function fromHandlerResult(value: unknown): ApiResponse {
  if (!isRecord(value) || typeof value.statusCode !== 'number' || (value.body !== undefined && typeof value.body !== 'string')) {
    return { status: 500, headers: { 'content-type': 'application/json' }, body: JSON.stringify({ message: 'The app returned an invalid response' }) };
  }
  const headers: Record<string, string> = {};
  if (isRecord(value.headers)) {
    for (const [name, raw] of Object.entries(value.headers)) {
      if (typeof raw === 'string') headers[name.toLowerCase()] = raw;
      else if (Array.isArray(raw)) headers[name.toLowerCase()] = raw.map(String).join(', ');
    }
  }
  return { status: value.statusCode, headers, body: typeof value.body === 'string' ? value.body : '' };
}
