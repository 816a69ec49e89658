/**
 * Request plumbing shared by every route: the route table, path matching, body and query
 * parsing, and rendering errors the way each API generation renders them.
 */
import { type z } from 'zod';
import { type Annotations } from './annotations';
import { type ConfluenceError, badRequest } from './errors';
import { type Permissions, type Viewer } from './permissions';
import { type Store } from './store';
import { type PageUpdatedEvent } from './types';

export type ApiFamily = 'v1' | 'v2';
export type HttpMethod = 'GET' | 'POST' | 'PUT' | 'DELETE';

/** What a route may use of the emulator: its data, its permission rules, and its event outlet. */
export interface Env {
  store: Store;
  annotations: Annotations;
  perms: Permissions;
  /** The site's `/wiki` base URL, as `_links.base` reports it. */
  baseUrl: string;
  pageUpdated(event: PageUpdatedEvent): void;
}

export interface RouteContext {
  env: Env;
  viewer: Viewer;
  params: Record<string, string>;
  query: URLSearchParams;
  body: unknown;
  url: URL;
}

export interface RouteResult {
  status: number;
  body?: unknown;
  headers?: Record<string, string>;
}

export interface Route {
  method: HttpMethod;
  /** A full path with `:name` placeholders, e.g. `/wiki/api/v2/pages/:id`. */
  pattern: string;
  handle(ctx: RouteContext): RouteResult;
}

export type RouteMatch = { route: Route; params: Record<string, string> } | { methodNotAllowed: true } | null;

function matchPattern(pattern: string, pathname: string): Record<string, string> | null {
  const want = pattern.split('/');
  const got = pathname.replace(/\/+$/, '').split('/');
  if (want.length !== got.length) return null;
  const params: Record<string, string> = {};
  for (let i = 0; i < want.length; i++) {
    if (want[i].startsWith(':')) {
      if (got[i] === '') return null;
      params[want[i].slice(1)] = decodeURIComponent(got[i]);
    } else if (want[i] !== got[i]) {
      return null;
    }
  }
  return params;
}

export function matchRoute(routes: readonly Route[], method: string, pathname: string): RouteMatch {
  let pathKnown = false;
  for (const route of routes) {
    const params = matchPattern(route.pattern, pathname);
    if (!params) continue;
    if (route.method === method.toUpperCase()) return { route, params };
    pathKnown = true;
  }
  return pathKnown ? { methodNotAllowed: true } : null;
}

export function familyOf(pathname: string): ApiFamily {
  return pathname.startsWith('/wiki/api/v2/') ? 'v2' : 'v1';
}

const REASONS: Record<number, string> = {
  400: 'Bad Request',
  401: 'Unauthorized',
  403: 'Forbidden',
  404: 'Not Found',
  405: 'Method Not Allowed',
  409: 'Conflict',
  415: 'Unsupported Media Type',
  500: 'Internal Server Error',
};

export function errorBody(family: ApiFamily, error: ConfluenceError): unknown {
  if (family === 'v2') {
    return { errors: [{ status: error.status, code: error.code, title: error.message, detail: null }] };
  }
  return {
    statusCode: error.status,
    data: {
      authorized: error.status !== 401 && error.status !== 403,
      valid: error.status !== 400,
      allowedInReadOnlyMode: true,
      errors: [],
      successful: false,
    },
    message: error.message,
    reason: REASONS[error.status] ?? 'Error',
  };
}

export function parseJson(raw: string | undefined): unknown {
  if (raw === undefined || raw.trim() === '') return undefined;
  try {
    return JSON.parse(raw);
  } catch {
    throw badRequest('The request body is not valid JSON');
  }
}

/** Validates a request body; the first problem becomes the 400 message, as Confluence reports one at a time. */
export function validate<S extends z.ZodType>(schema: S, value: unknown): z.output<S> {
  const result = schema.safeParse(value);
  if (result.success) return result.data;
  const issue = result.error.issues[0];
  const where = issue.path.length > 0 ? `'${issue.path.join('.')}': ` : '';
  throw badRequest(`Invalid request body: ${where}${issue.message}`);
}

/** v2 array parameters arrive either repeated (`id=1&id=2`) or comma-separated (`id=1,2`). */
export function queryList(query: URLSearchParams, name: string): string[] {
  return query
    .getAll(name)
    .flatMap((v) => v.split(','))
    .map((v) => v.trim())
    .filter((v) => v !== '');
}

export function queryFlag(query: URLSearchParams, name: string): boolean {
  return query.get(name)?.toLowerCase() === 'true';
}

export function requiredQuery(query: URLSearchParams, name: string): string {
  const value = query.get(name);
  if (value === null || value === '') throw badRequest(`The '${name}' query parameter is required`);
  return value;
}
