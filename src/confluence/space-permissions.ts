import { route } from '@forge/api';
import { AS_APP, confluenceJson, nextCursor, type V2Page } from './http';

/** One space permission assignment: a principal (user, group or role) holding one operation on one target type. */
export interface SpacePermissionAssignment {
  principal: { type: 'user' | 'group' | 'role' | string; id: string };
  operation: { key: string; targetType: string };
}

/**
 * Every permission assignment of a space, read as the app (v2 getSpacePermissionsAssignments,
 * 250 a call, the most Confluence serves): what "may this person add pages here" is decided from
 * without asking as that person, which would be offline impersonation.
 */
export async function getSpacePermissionAssignments(spaceId: string): Promise<SpacePermissionAssignment[]> {
  const assignments: SpacePermissionAssignment[] = [];
  let cursor: string | undefined;
  do {
    const params = new URLSearchParams({ limit: '250' });
    if (cursor) params.set('cursor', cursor);
    const body = await confluenceJson<V2Page<SpacePermissionAssignment>>(AS_APP, route`/wiki/api/v2/spaces/${spaceId}/permissions?${params}`);
    assignments.push(...body.results.map((p) => ({ principal: { type: p.principal.type, id: String(p.principal.id) }, operation: p.operation })));
    cursor = nextCursor(body);
  } while (cursor);
  return assignments;
}
