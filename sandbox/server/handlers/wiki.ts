/**
 * `/wiki/*`: the Confluence emulator answering over HTTP as the real site would, for the
 * person named by `X-Sandbox-User` (or `?as=`, handy in a browser's address bar). Without
 * one the caller is anonymous, which the demo site refuses with 401 as Cloud does for REST.
 */
import { ConfluenceError } from '../../confluence';
import { errorBody, familyOf } from '../../confluence/http';
import { scopeRefusal } from '../../runtime/scope-check';
import { FORGE_APP_HEADER } from '../../web/uikit/http-backend';
import { type ServerDeps } from '../deps';
import { type Reply, flatHeaders } from '../http-io';
import { type RequestContext } from '../router';

export const ACT_AS_HEADER = 'x-sandbox-user';
const FORGE_APP = FORGE_APP_HEADER.toLowerCase();
const ACT_AS_QUERY = 'as';

// The sandbox's own selector and transport headers are not Confluence's business.
const LOCAL_HEADERS = [ACT_AS_HEADER, FORGE_APP, 'host', 'connection', 'content-length', 'transfer-encoding', 'keep-alive'];

function actingAccount(ctx: RequestContext): string | undefined {
  const header = ctx.headers[ACT_AS_HEADER];
  const fromHeader = Array.isArray(header) ? header[0] : header;
  const chosen = fromHeader ?? ctx.url.searchParams.get(ACT_AS_QUERY) ?? undefined;
  return chosen === undefined || chosen.trim() === '' ? undefined : chosen.trim();
}

/** The path and query Confluence sees: the request's, minus the sandbox's `as` selector. */
function confluencePath(url: URL): string {
  const query = new URLSearchParams(url.search);
  query.delete(ACT_AS_QUERY);
  const search = query.toString();
  return search === '' ? url.pathname : `${url.pathname}?${search}`;
}

export async function proxyWiki({ sandbox }: ServerDeps, ctx: RequestContext): Promise<Reply> {
  const accountId = actingAccount(ctx);
  if (accountId === undefined) {
    const refusal = new ConfluenceError(401, 'UNAUTHORIZED', `Anonymous access is not allowed: send ${ACT_AS_HEADER}: <accountId> or ?${ACT_AS_QUERY}=<accountId>`);
    return {
      status: 401,
      headers: { 'content-type': 'application/json;charset=UTF-8' },
      body: JSON.stringify(errorBody(familyOf(ctx.url.pathname), refusal)),
    };
  }
  // A UI Kit module's requestConfluence runs on the app's token, so the app's scopes apply; the
  // shell's own reads are Confluence's UI and need none.
  const refusal = ctx.headers[FORGE_APP] === undefined ? undefined : scopeRefusal(sandbox.manifest.scopes, ctx.method, ctx.url.pathname);
  if (refusal !== undefined) return refusal;
  const body = await ctx.text();
  const answer = await sandbox.requestConfluence({
    method: ctx.method,
    path: confluencePath(ctx.url),
    headers: flatHeaders(ctx.headers, LOCAL_HEADERS),
    ...(body === '' ? {} : { body }),
    actor: { kind: 'user', accountId },
  });
  return { status: answer.status, headers: answer.headers, body: answer.body };
}
