import { isDeepStrictEqual } from 'node:util';
import { route, type Route } from '@forge/api';
import { type ContentType } from '../shared/content';
import { AppError } from '../shared/errors';
import { ATTEMPTS, LOST_RACE, retryLostRaces } from '../shared/retry-policy';
import { confluenceJson, type CallAs, type V2Page } from './http';

/** A content property as Confluence returns it (v2 `ContentProperty`). */
export interface PropertyBody<T> {
  id: string;
  key: string;
  value: T;
  version: { number: number; authorId?: string };
}

/** What to store given what is stored: a value, or undefined to leave it; may do work first (e.g. record why). */
export type PropertyUpdate<T> = (current: T | undefined, stored: PropertyBody<T> | undefined) => T | undefined | Promise<T | undefined>;

/** Pages and blog posts keep their properties under their own v2 paths. */
function propertiesOf(type: ContentType, id: string, key?: string): Route {
  if (type === 'blogpost') return key === undefined ? route`/wiki/api/v2/blogposts/${id}/properties` : route`/wiki/api/v2/blogposts/${id}/properties?key=${key}`;
  return key === undefined ? route`/wiki/api/v2/pages/${id}/properties` : route`/wiki/api/v2/pages/${id}/properties?key=${key}`;
}

function propertyOf(type: ContentType, id: string, propertyId: string): Route {
  return type === 'blogpost' ? route`/wiki/api/v2/blogposts/${id}/properties/${propertyId}` : route`/wiki/api/v2/pages/${id}/properties/${propertyId}`;
}

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
  next: PropertyUpdate<T>,
  type: ContentType = 'page',
): Promise<boolean> {
  let conflict: AppError | undefined;
  const outcome = await retryLostRaces(ATTEMPTS.contentProperty, async () => {
    try {
      return await writeOnce(callAs, { id: pageId, type }, key, next);
    } catch (error) {
      if (!(error instanceof AppError && error.code === 'CONFLICT')) throw error;
      conflict = error;
      return LOST_RACE;
    }
  });
  if (outcome === LOST_RACE) throw conflict ?? new AppError('CONFLICT', 'The page property kept changing; try again.');
  return outcome;
}

async function writeOnce<T>(
  callAs: CallAs,
  content: { id: string; type: ContentType },
  key: string,
  next: PropertyUpdate<T>,
): Promise<boolean> {
  const existing = await confluenceJson<V2Page<PropertyBody<T>>>(callAs, propertiesOf(content.type, content.id, key));
  const current = existing.results[0];
  const value = await next(current?.value, current);
  if (value === undefined || (current !== undefined && isDeepStrictEqual(current.value, value))) return false;
  if (!current) {
    await confluenceJson(callAs, propertiesOf(content.type, content.id), { method: 'POST', body: { key, value } });
    return true;
  }
  await confluenceJson(callAs, propertyOf(content.type, content.id, current.id), {
    method: 'PUT',
    body: { key, value, version: { number: current.version.number + 1, message: 'ApprovalFlow status' } },
  });
  return true;
}

export async function getPageProperty<T>(callAs: CallAs, pageId: string, key: string, type: ContentType = 'page'): Promise<PropertyBody<T> | undefined> {
  const existing = await confluenceJson<V2Page<PropertyBody<T>>>(callAs, propertiesOf(type, pageId, key));
  return existing.results[0];
}
