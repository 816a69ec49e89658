import { isDeepStrictEqual } from 'node:util';
import { route } from '@forge/api';
import { AppError } from '../shared/errors';
import { confluenceJson, type CallAs, type V2Page } from './http';

interface PropertyBody<T> {
  id: string;
  key: string;
  value: T;
  version: { number: number };
}

const CONFLICT_RETRIES = 3;

/**
 * Read-modify-write of a page's content property: `next` sees the stored value and returns the
 * value to store, or undefined to leave it as it is. Confluence versions properties and answers
 * 409 to a writer that lost a race, so the whole read-decide-write runs again (a few times).
 * True when something was written.
 */
export async function updatePageProperty<T>(
  callAs: CallAs,
  pageId: string,
  key: string,
  next: (current: T | undefined) => T | undefined,
): Promise<boolean> {
  for (let attempt = 1; ; attempt += 1) {
    try {
      return await writeOnce(callAs, pageId, key, next);
    } catch (error) {
      if (!(error instanceof AppError && error.code === 'CONFLICT') || attempt >= CONFLICT_RETRIES) throw error;
    }
  }
}

async function writeOnce<T>(callAs: CallAs, pageId: string, key: string, next: (current: T | undefined) => T | undefined): Promise<boolean> {
  const existing = await confluenceJson<V2Page<PropertyBody<T>>>(callAs, route`/wiki/api/v2/pages/${pageId}/properties?key=${key}`);
  const current = existing.results[0];
  const value = next(current?.value);
  if (value === undefined || (current !== undefined && isDeepStrictEqual(current.value, value))) return false;
  if (!current) {
    await confluenceJson(callAs, route`/wiki/api/v2/pages/${pageId}/properties`, { method: 'POST', body: { key, value } });
    return true;
  }
  await confluenceJson(callAs, route`/wiki/api/v2/pages/${pageId}/properties/${current.id}`, {
    method: 'PUT',
    body: { key, value, version: { number: current.version.number + 1, message: 'ApprovalFlow status' } },
  });
  return true;
}

export async function getPageProperty<T>(callAs: CallAs, pageId: string, key: string): Promise<T | undefined> {
  const existing = await confluenceJson<V2Page<PropertyBody<T>>>(callAs, route`/wiki/api/v2/pages/${pageId}/properties?key=${key}`);
  return existing.results[0]?.value;
}
