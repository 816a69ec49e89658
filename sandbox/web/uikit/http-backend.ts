/**
 * The UI Kit host's backend in the browser: resolvers through the sandbox server's
 * `POST /__sandbox/invoke`, Confluence through its `/wiki` proxy, both as the viewing user.
 */
import { isRecord } from '../../ui-host/forge-doc';
import { type BridgeBackend, type ProductResponse } from '../../ui-host/types';

export const ACT_AS_HEADER = 'X-Sandbox-User';
/** Marks a product request as the app's (UI Kit `requestConfluence`): the server applies the app's scopes to it. */
export const FORGE_APP_HEADER = 'X-Sandbox-Forge-App';

/** The message of a `{error: {code, message}}` answer, or the status line when the body is not one. */
export async function errorMessageOf(response: Response): Promise<string> {
  const text = await response.text();
  try {
    const body: unknown = JSON.parse(text);
    if (isRecord(body) && isRecord(body.error) && typeof body.error.message === 'string') return body.error.message;
  } catch {
    // Not JSON: the text itself is the best description there is.
  }
  return `${response.status} ${response.statusText}${text === '' ? '' : `: ${text.slice(0, 500)}`}`;
}

export function httpBackend(options: { moduleKey: string; accountId: string; context: Record<string, unknown> }): BridgeBackend {
  return {
    async invoke(functionKey, payload) {
      const response = await fetch('/__sandbox/invoke', {
        method: 'POST',
        headers: { 'content-type': 'application/json' },
        body: JSON.stringify({ moduleKey: options.moduleKey, functionKey, payload, accountId: options.accountId, context: options.context }),
      });
      if (!response.ok) throw new Error(await errorMessageOf(response));
      return (await response.json()) as unknown;
    },
    async requestConfluence(path, init): Promise<ProductResponse> {
      const response = await fetch(path, { method: init.method, headers: { ...init.headers, [ACT_AS_HEADER]: options.accountId, [FORGE_APP_HEADER]: options.moduleKey }, body: init.body });
      const headers: Record<string, string> = {};
      response.headers.forEach((value, name) => {
        headers[name] = value;
      });
      return { status: response.status, headers, body: await response.text() };
    },
  };
}
