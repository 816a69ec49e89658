/**
 * One REST API route: the path it answers, the zod schemas its path parameters, query and body
 * must satisfy (the resolvers' own, from src/shared/contract), and the recipe that handles a
 * valid request for the token's user. `restApiHandler` runs every route the way the resolvers
 * run theirs: identify the caller from the context, validate, handle, and answer AppErrors as
 * JSON `{code, message, details?}` with their HTTP status; anything unexpected is logged and
 * answered without internals.
 */
import { z } from 'zod';
import { AppError, type ErrorBody, type ErrorCode, validationError } from '../shared/errors';

/**
 * What an apiRoute function receives: the web-trigger request format (header and query values
 * are lists), with the path after the app's base URL (sandbox/runtime/api-routes.ts).
 */
const requestSchema = z.object({
  method: z.string(),
  path: z.string(),
  queryParameters: z.record(z.string(), z.array(z.string())).optional(),
  body: z.string().optional(),
});

export type ApiRequest = z.infer<typeof requestSchema>;

/** The 3LO token's user, whom Forge names as the invocation's principal. */
const contextSchema = z.object({ principal: z.object({ accountId: z.string().min(1) }) });

/** What an apiRoute function answers (mirror/expose-forge-app-rest-apis, step 4: `statusCode` is required). */
export interface ApiReply {
  statusCode: number;
  headers: Record<string, string[]>;
  body: string;
}

export interface RouteResult {
  status: number;
  body: unknown;
}

export interface RouteInput<Params, Query, Body> {
  params: Params;
  query: Query;
  body: Body;
  accountId: string;
}

export interface ApiRoute {
  method: string;
  /** `/pages/{pageId}/approval`: `{name}` is one path segment. */
  path: string;
  answer(request: ApiRequest, accountId: string): Promise<RouteResult> | undefined;
}

/** A route that takes no query parameters refuses any; one that takes no body refuses one. */
export const NO_QUERY = z.object({}).strict();
export const NO_BODY = z.undefined({ error: 'This request takes no body' });

type Shape = z.ZodType;

interface RouteSpec<P extends Shape, Q extends Shape, B extends Shape> {
  method: 'GET' | 'POST';
  path: string;
  params: P;
  query: Q;
  body: B;
  handle(input: RouteInput<z.output<P>, z.output<Q>, z.output<B>>): Promise<RouteResult>;
}

function pathPattern(path: string): { pattern: RegExp; names: string[] } {
  const names: string[] = [];
  const source = path
    .split('/')
    .map((segment) => {
      const name = /^\{(\w+)\}$/.exec(segment)?.[1];
      if (name === undefined) return segment;
      names.push(name);
      return '([^/]+)';
    })
    .join('/');
  return { pattern: new RegExp(`^${source}/?$`), names };
}

function segment(raw: string): string {
  try {
    return decodeURIComponent(raw);
  } catch {
    throw new AppError('VALIDATION', 'The path is not valid: a part of it is not URL-encoded correctly.');
  }
}

/** A query parameter given once is a string, given several times a list (which the schemas refuse). */
function queryOf(request: ApiRequest): Record<string, string | string[]> {
  return Object.fromEntries(Object.entries(request.queryParameters ?? {}).map(([name, values]) => [name, values.length === 1 ? values[0] : values]));
}

function bodyOf(request: ApiRequest): unknown {
  if (request.body === undefined || request.body.trim() === '') return undefined;
  try {
    return JSON.parse(request.body) as unknown;
  } catch {
    throw new AppError('VALIDATION', 'The body is not valid JSON.');
  }
}

function parse<S extends Shape>(schema: S, value: unknown, where: string): z.output<S> {
  const parsed = schema.safeParse(value);
  if (parsed.success) return parsed.data;
  const error = validationError(parsed.error);
  throw new AppError('VALIDATION', `${where}: ${error.message}`, error.details);
}

export function apiRoute<P extends Shape, Q extends Shape, B extends Shape>(spec: RouteSpec<P, Q, B>): ApiRoute {
  const { pattern, names } = pathPattern(spec.path);
  return {
    method: spec.method,
    path: spec.path,
    answer(request, accountId) {
      const match = pattern.exec(request.path);
      if (request.method.toUpperCase() !== spec.method || match === null) return undefined;
      const run = async (): Promise<RouteResult> => {
        const rawParams = Object.fromEntries(names.map((name, i) => [name, segment(match[i + 1])]));
        const params = parse(spec.params, rawParams, 'Path');
        const query = parse(spec.query, queryOf(request), 'Query');
        const body = parse(spec.body, bodyOf(request), 'Body');
        return spec.handle({ params, query, body, accountId });
      };
      return run();
    },
  };
}

const STATUS: Record<ErrorCode, number> = {
  VALIDATION: 400,
  FORBIDDEN: 403,
  NOT_FOUND: 404,
  CONFLICT: 409,
  PRECONDITION: 409,
  RATE_LIMITED: 429,
  INTERNAL: 500,
};

/** Confluence's own wait when it sent one (ConfluenceBusyError), else the app's first back-off. */
const DEFAULT_RETRY_AFTER_SECONDS = 10;

function retryAfterOf(details: unknown): number {
  const parsed = z.object({ retryAfterSeconds: z.number().int().positive() }).safeParse(details);
  return parsed.success ? parsed.data.retryAfterSeconds : DEFAULT_RETRY_AFTER_SECONDS;
}

const JSON_HEADERS = { 'Content-Type': ['application/json'] };

function reply(status: number, body: unknown, headers: Record<string, string[]> = {}): ApiReply {
  return { statusCode: status, headers: { ...JSON_HEADERS, ...headers }, body: JSON.stringify(body) };
}

function errorReply(error: AppError): ApiReply {
  const body: ErrorBody = { code: error.code, message: error.message, ...(error.details === undefined ? {} : { details: error.details }) };
  const headers: Record<string, string[]> = error.code === 'RATE_LIMITED' ? { 'Retry-After': [String(retryAfterOf(error.details))] } : {};
  return reply(STATUS[error.code], body, headers);
}

const UNKNOWN_ROUTE = (request: ApiRequest) => new AppError('NOT_FOUND', `ApprovalFlow has no ${request.method.toUpperCase()} ${request.path.slice(0, 200)}.`);

/** The function every apiRoute of manifest.yml names: the route that matches answers. */
export function restApiHandler(routes: readonly ApiRoute[]): (request: unknown, context: unknown) => Promise<ApiReply> {
  return async (rawRequest, rawContext) => {
    try {
      const caller = contextSchema.safeParse(rawContext);
      if (!caller.success) throw new AppError('FORBIDDEN', 'The request does not name a Confluence user: call the API with a 3LO token.');
      const request = requestSchema.parse(rawRequest);
      for (const route of routes) {
        const answered = route.answer(request, caller.data.principal.accountId);
        if (answered !== undefined) {
          const result = await answered;
          return reply(result.status, result.body);
        }
      }
      throw UNKNOWN_ROUTE(request);
    } catch (error) {
      if (error instanceof AppError) return errorReply(error);
      console.error('REST API call failed', error);
      return reply(500, { code: 'INTERNAL', message: 'Something went wrong on our side. Nothing was changed; please try again.' } satisfies ErrorBody);
    }
  };
}
