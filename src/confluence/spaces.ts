import { route } from '@forge/api';
import { AppError } from '../shared/errors';
import { confluenceJson, nextCursor, type CallAs, type V2Page } from './http';

export interface SpaceInfo {
  id: string;
  key: string;
  name: string;
}

/** Confluence answers at most 250 spaces per call. */
const SPACES_PER_CALL = 250;

/**
 * Which of these spaces the caller can see (as the user: Confluence leaves out the others), with
 * their keys and names. One call per 250 ids, the calls in parallel: a thousand spaces cost one
 * call's time.
 */
export async function getVisibleSpaces(callAs: CallAs, spaceIds: readonly string[]): Promise<SpaceInfo[]> {
  const unique = [...new Set(spaceIds)];
  const chunks: string[][] = [];
  for (let i = 0; i < unique.length; i += SPACES_PER_CALL) chunks.push(unique.slice(i, i + SPACES_PER_CALL));
  const pages = await Promise.all(
    chunks.map(async (ids) => {
      const spaces: SpaceInfo[] = [];
      let cursor: string | undefined;
      do {
        const params = new URLSearchParams({ ids: ids.join(','), limit: String(SPACES_PER_CALL) });
        if (cursor) params.set('cursor', cursor);
        const body = await confluenceJson<V2Page<{ id: string | number; key: string; name: string }>>(callAs, route`/wiki/api/v2/spaces?${params}`);
        spaces.push(...body.results.map((s) => ({ id: String(s.id), key: s.key, name: s.name })));
        cursor = nextCursor(body);
      } while (cursor);
      return spaces;
    }),
  );
  return pages.flat();
}

/**
 * One space, read as the caller: Confluence answers 404 when they cannot view it, so this one
 * call is the "can view the space" check.
 */
export async function getSpace(callAs: CallAs, spaceId: string): Promise<SpaceInfo> {
  try {
    const space = await confluenceJson<{ id: string | number; key: string; name: string }>(callAs, route`/wiki/api/v2/spaces/${spaceId}`);
    return { id: String(space.id), key: space.key, name: space.name };
  } catch (error) {
    if (error instanceof AppError && error.code === 'NOT_FOUND') {
      throw new AppError('NOT_FOUND', "This space doesn't exist or you don't have permission to view it.");
    }
    throw error;
  }
}

/** A space by its key, read as the caller: one they cannot view is left out by Confluence, so it is NOT_FOUND like one that does not exist. */
export async function getSpaceByKey(callAs: CallAs, spaceKey: string): Promise<SpaceInfo> {
  const params = new URLSearchParams({ keys: spaceKey, limit: '1' });
  const body = await confluenceJson<V2Page<{ id: string | number; key: string; name: string }>>(callAs, route`/wiki/api/v2/spaces?${params}`);
  const space = body.results.find((candidate) => candidate.key === spaceKey);
  if (space === undefined) throw new AppError('NOT_FOUND', `Space '${spaceKey}' doesn't exist or you don't have permission to view it.`);
  return { id: String(space.id), key: space.key, name: space.name };
}
