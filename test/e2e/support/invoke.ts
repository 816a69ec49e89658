/**
 * Calling the app's resolvers over HTTP, exactly as a module's front end does
 * (`POST /__sandbox/invoke` as someone, with the module's extension context): the way a journey
 * seeds what it is not about, so that each journey starts from the seed and stays independent.
 */
import { type E2EServer } from './sandbox-server';

/** What a module's extension context carries besides its type (the server adds the module's type). */
export interface InvokeContext {
  space?: { id: string; key: string };
  content?: { id: string; type: 'page' };
}

/** A resolver answered `{error: {code, message}}`: the app refused, as the UI would have shown. */
export class ResolverRefusal extends Error {
  constructor(
    readonly functionKey: string,
    readonly code: string,
    message: string,
  ) {
    super(`${functionKey} was refused (${code}): ${message}`);
    this.name = 'ResolverRefusal';
  }
}

function refusalOf(value: unknown): { code: string; message: string } | null {
  if (typeof value !== 'object' || value === null || !('error' in value)) return null;
  const error = (value as { error: unknown }).error;
  if (typeof error !== 'object' || error === null) return null;
  const { code, message } = error as { code?: unknown; message?: unknown };
  return typeof code === 'string' && typeof message === 'string' ? { code, message } : null;
}

/**
 * Invokes `functionKey` of `moduleKey`'s resolver as `accountId`. Resolves with the answer, and
 * rejects when the server or the app refused (a seed that silently failed would make the
 * journey fail later, far from the cause).
 */
export async function invokeAs<T>(server: E2EServer, accountId: string, moduleKey: string, functionKey: string, payload: unknown, context: InvokeContext = {}): Promise<T> {
  const response = await fetch(`${server.url}/__sandbox/invoke`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({ moduleKey, functionKey, payload, accountId, context }),
  });
  const text = await response.text();
  if (!response.ok) throw new Error(`invoke ${moduleKey}.${functionKey} as ${accountId}: ${response.status} ${text}`);
  const body = (text === '' ? null : JSON.parse(text)) as unknown;
  const refusal = refusalOf(body);
  if (refusal !== null) throw new ResolverRefusal(functionKey, refusal.code, refusal.message);
  return body as T;
}
