/**
 * Turns one `ConfluenceRequest` into one `ConfluenceResponse`: who is calling, which route,
 * what body, and every refusal rendered in the error shape of the API family that was called.
 */
import { ConfluenceError, notFound, unauthorized } from './errors';
import { type Env, errorBody, familyOf, matchRoute, parseJson } from './http';
import { type Viewer } from './permissions';
import { ROUTES } from './routes';
import { type ConfluenceActor, type ConfluenceRequest, type ConfluenceResponse } from './types';

const JSON_HEADERS = { 'content-type': 'application/json;charset=UTF-8' };

function headerValue(headers: Record<string, string>, name: string): string | undefined {
  return Object.entries(headers).find(([key]) => key.toLowerCase() === name)?.[1];
}

/** Only active people and the app itself may call; anyone else is unauthenticated. */
export function viewerOf(env: Env, actor: ConfluenceActor): Viewer {
  if (actor.kind === 'app') return { kind: 'app' };
  const user = env.store.user(actor.accountId);
  if (!user || !user.active || user.accountType !== 'atlassian') {
    throw unauthorized(`Unknown or inactive account: ${actor.accountId}`);
  }
  return { kind: 'user', accountId: user.accountId };
}

export function dispatch(env: Env, req: ConfluenceRequest): ConfluenceResponse {
  const url = new URL(req.path, 'http://confluence.invalid');
  const family = familyOf(url.pathname);
  const method = req.method.toUpperCase();
  try {
    const viewer = viewerOf(env, req.actor);
    const match = matchRoute(ROUTES, method, url.pathname);
    if (match === null) throw notFound(`No resource at ${method} ${url.pathname}`);
    if ('methodNotAllowed' in match) {
      throw new ConfluenceError(405, 'METHOD_NOT_ALLOWED', `${method} is not supported on ${url.pathname}`);
    }
    const contentType = headerValue(req.headers, 'content-type');
    if (req.body !== undefined && req.body.trim() !== '' && contentType !== undefined && !/json/i.test(contentType)) {
      throw new ConfluenceError(415, 'UNSUPPORTED_MEDIA_TYPE', `Content type ${contentType} is not supported; send application/json`);
    }
    const result = match.route.handle({ env, viewer, params: match.params, query: url.searchParams, body: parseJson(req.body), url });
    const hasBody = result.body !== undefined;
    return {
      status: result.status,
      headers: { ...(hasBody ? JSON_HEADERS : {}), ...result.headers },
      body: hasBody ? JSON.stringify(result.body) : '',
    };
  } catch (error) {
    const failure =
      error instanceof ConfluenceError
        ? error
        : new ConfluenceError(500, 'INTERNAL_SERVER_ERROR', error instanceof Error ? error.message : String(error));
    if (failure.status === 500) console.error('Confluence emulator failed on', method, req.path, error);
    return { status: failure.status, headers: { ...JSON_HEADERS }, body: JSON.stringify(errorBody(family, failure)) };
  }
}
