import { isDeepStrictEqual } from 'node:util';
import { route } from '@forge/api';
import { confluenceJson, type CallAs, type V2Page } from './http';

interface PropertyBody<T> {
  id: string;
  key: string;
  value: T;
  version: { number: number };
}

/**
 * Creates or replaces a page's content property; false when it already holds `value` (nothing
 * written, no new property version). Confluence versions properties: an update names the next
 * version, and a concurrent writer makes it 409, so the caller retries.
 */
export async function putPageProperty<T>(callAs: CallAs, pageId: string, key: string, value: T): Promise<boolean> {
  const existing = await confluenceJson<V2Page<PropertyBody<T>>>(callAs, route`/wiki/api/v2/pages/${pageId}/properties?key=${key}`);
  const current = existing.results[0];
  if (!current) {
    await confluenceJson(callAs, route`/wiki/api/v2/pages/${pageId}/properties`, { method: 'POST', body: { key, value } });
    return true;
  }
  if (isDeepStrictEqual(current.value, value)) return false;
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
