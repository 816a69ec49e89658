import api, { type Route } from '@forge/api';
import { AppError } from '../shared/errors';

/**
 * Whose permissions a Confluence call runs with. Reads made for a user run as that user
 * so Confluence itself enforces view permissions and page restrictions; the app's own
 * writes (comments, byline property, actions) run as the app.
 */
export type CallAs = { as: 'app' } | { as: 'user' };
export const AS_APP: CallAs = { as: 'app' };
/** The invoking user: `api.asUser()` without an id, since an explicit id is offline impersonation. */
export const asUser = (): CallAs => ({ as: 'user' });

const MESSAGES: Record<number, [AppError['code'], string]> = {
  400: ['VALIDATION', 'Confluence rejected the request.'],
  401: ['FORBIDDEN', 'Your Confluence session has expired. Reload the page and try again.'],
  403: ['FORBIDDEN', "You don't have permission to do that in Confluence."],
  404: ['NOT_FOUND', "That page doesn't exist or you don't have permission to view it."],
  409: ['CONFLICT', 'Someone else changed this at the same time. Reload and try again.'],
  429: ['RATE_LIMITED', 'Confluence is busy right now. Wait a moment and try again.'],
};

/**
 * Confluence answered 429: it is rate limiting the app. `retryAfterSeconds` is its `Retry-After`
 * (seconds to wait before asking again, per Atlassian's rate-limiting guide), when it sent one.
 */
export class ConfluenceBusyError extends AppError {
  constructor(readonly retryAfterSeconds: number | undefined) {
    super(
      'RATE_LIMITED',
      retryAfterSeconds === undefined ? MESSAGES[429][1] : `Confluence is busy, try again in ${retryAfterSeconds} s.`,
      { status: 429, ...(retryAfterSeconds === undefined ? {} : { retryAfterSeconds }) },
    );
  }
}

/** `Retry-After` is delay-seconds or an HTTP date (RFC 9110); anything else is as if absent. */
function retryAfterOf(header: string | null): number | undefined {
  if (header === null || header.trim() === '') return undefined;
  const seconds = /^\d+$/.test(header.trim()) ? Number(header.trim()) : (Date.parse(header) - Date.now()) / 1000;
  return Number.isFinite(seconds) ? Math.max(1, Math.ceil(seconds)) : undefined;
}

function fetcher(callAs: CallAs) {
  return callAs.as === 'app' ? api.asApp() : api.asUser();
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
  if (response.status === 429) throw new ConfluenceBusyError(retryAfterOf(response.headers.get('retry-after')));
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
