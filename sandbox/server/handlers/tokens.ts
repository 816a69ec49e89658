/**
 * The REST API as an integrator reaches it: `POST /__sandbox/tokens` mints a bearer token for
 * a user and scopes (what the OAuth consent would grant); `/__sandbox/api/*` is the gateway in
 * front of the app's apiRoutes, refusing requests without a valid token before the app runs.
 */
import { z } from 'zod';
import { type ServerDeps } from '../deps';
import { type Reply, flatHeaders, jsonReply, validateBody } from '../http-io';
import { type RequestContext } from '../router';
import { requireUser } from '../site';

const mintSchema = z.object(
  {
    accountId: z.string({ error: 'accountId is required: the user the token acts for' }).min(1, 'accountId must not be empty'),
    scopes: z.array(z.string().min(1, 'a scope must not be empty'), { error: 'scopes is required: a list of scope names, e.g. ["read:note:custom"]' }),
  },
  { error: 'The body must be a JSON object {accountId, scopes}' },
);

export async function mintToken({ sandbox, tokens }: ServerDeps, ctx: RequestContext): Promise<Reply> {
  const request = validateBody(mintSchema, await ctx.json());
  requireUser(sandbox, request.accountId);
  const { token, grant } = tokens.mint(request.accountId, request.scopes);
  return jsonReply(201, { token, ...grant });
}

// Hop-by-hop headers and the credential itself stop at the gateway.
const GATEWAY_ONLY_HEADERS = ['authorization', 'host', 'connection', 'content-length', 'transfer-encoding', 'keep-alive'];

function unauthorized(message: string): Reply {
  // The gateway's refusals (like callApi's 403/404/405) are `{message}` bodies, not the app's.
  return jsonReply(401, { message }, { 'www-authenticate': 'Bearer realm="approvalflow-sandbox"' });
}

function queryOf(url: URL): Record<string, string[]> {
  const query: Record<string, string[]> = {};
  for (const [name, value] of url.searchParams) (query[name] ??= []).push(value);
  return query;
}

export async function callApi({ sandbox, tokens }: ServerDeps, ctx: RequestContext): Promise<Reply> {
  const header = ctx.headers.authorization;
  const bearer = header === undefined ? undefined : /^Bearer\s+(\S+)\s*$/i.exec(header)?.[1];
  if (bearer === undefined) return unauthorized('Unauthorized: send Authorization: Bearer <token> (POST /__sandbox/tokens mints one)');
  const grant = tokens.lookup(bearer);
  if (grant === undefined) return unauthorized('Unauthorized: the token is not valid');
  const body = await ctx.text();
  const answer = await sandbox.callApi({
    method: ctx.method,
    path: `/${ctx.rest}`,
    query: queryOf(ctx.url),
    headers: flatHeaders(ctx.headers, GATEWAY_ONLY_HEADERS),
    ...(body === '' ? {} : { body }),
    accountId: grant.accountId,
    scopes: grant.scopes,
  });
  return { status: answer.status, headers: answer.headers, body: answer.body };
}
