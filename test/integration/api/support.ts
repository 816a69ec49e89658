/**
 * Calling the app's REST API in tests: through the sandbox's gateway (`sandbox.callApi`), as a
 * token of `accountId` with `scopes` (by default the scopes the route needs, as a consented
 * token would have them). Answers are parsed JSON with their status and headers.
 */
import { type TestApp } from '../support/app';

export const SCOPES = {
  readApproval: 'read:approval:custom',
  writeApproval: 'write:approval:custom',
  readAudit: 'read:audit:custom',
} as const;

export interface ApiAnswer<T = unknown> {
  status: number;
  headers: Record<string, string>;
  body: T;
}

export interface ApiCallOptions {
  query?: Record<string, string>;
  body?: unknown;
  scopes?: string[];
}

export async function callApi<T = unknown>(app: TestApp, accountId: string, method: string, path: string, options: ApiCallOptions = {}): Promise<ApiAnswer<T>> {
  const answer = await app.sandbox.callApi({ method, path, accountId, query: options.query, body: options.body, scopes: options.scopes });
  return { status: answer.status, headers: answer.headers, body: (answer.body === '' ? undefined : JSON.parse(answer.body)) as T };
}

/** The answer of a call that must succeed with `status`; fails the test with the error body otherwise. */
export function expectStatus<T>(answer: ApiAnswer<T>, status: number): T {
  if (answer.status !== status) throw new Error(`expected ${status}, got ${answer.status}: ${JSON.stringify(answer.body).slice(0, 400)}`);
  return answer.body;
}
