import api, { type Route } from '@forge/api';
import { AppError } from '../shared/errors';

/**
 * Whose permissions a Confluence call runs with. Reads made for a user run as that user
 * so Confluence itself enforces view permissions and page restrictions; the app's own
 * writes (comments, byline property, actions) run as the app.
 */
export type CallAs = { as: 'app' } | { as: 'user'; accountId?: string };
export const AS_APP: CallAs = { as: 'app' };
export const asUser = (accountId?: string): CallAs => ({ as: 'user', accountId });

const MESSAGES: Record<number, [AppError['code'], string]> = {
  400: ['VALIDATION', 'Confluence rejected the request.'],
  401: ['FORBIDDEN', 'Your Confluence session has expired. Reload the page and try again.'],
  403: ['FORBIDDEN', "You don't have permission to do that in Confluence."],
  404: ['NOT_FOUND', "That page doesn't exist or you don't have permission to view it."],
  409: ['CONFLICT', 'Someone else changed this at the same time. Reload and try again.'],
  429: ['RATE_LIMITED', 'Confluence is busy right now. Wait a moment and try again.'],
};

function fetcher(callAs: CallAs) {
  return callAs.as === 'app' ? api.asApp() : api.asUser(callAs.accountId);
}

/** Sends one Confluence REST call and returns its JSON body, or throws a user-facing AppError. */
export async function confluenceJson<T>(callAs: CallAs, path: Route, init?: { method?: string; body?: unknown }): Promise<T> {
  const response = await fetcher(callAs).requestConfluence(path, {
    method: init?.method ?? 'GET',
    headers: { Accept: 'application/json', ...(init?.body === undefined ? {} : { 'Content-Type': 'application/json' }) },
    ...(init?.body === undefined ? {} : { body: JSON.stringify(init.body) }),
  });
  if (response.ok) {
    const text = await response.text();
    return (text ? JSON.parse(text) : {}) as T;
  }
  const [code, message] = MESSAGES[response.status] ?? ['INTERNAL', 'Confluence could not complete the request. Nothing was changed; try again.'];
  const detail = await response.text().catch(() => '');
  throw new AppError(code, message, { status: response.status, confluence: detail.slice(0, 500) });
}

/** v2 list responses: one page of results and the cursor link to the next. */
export interface V2Page<T> {
  results: T[];
  _links?: { next?: string };
}

/** The opaque cursor of a v2 `_links.next`, for the caller to pass back. */
export function nextCursor(page: V2Page<unknown>): string | undefined {
  const next = page._links?.next;
  if (!next) return undefined;
  return new URLSearchParams(next.split('?')[1] ?? '').get('cursor') ?? undefined;
}
