import { route } from '@forge/api';
import { z } from 'zod';
import { confluenceJson, type CallAs } from './http';

/** The two things a page restriction controls: who may view, who may edit. */
export type RestrictionOperation = 'read' | 'update';

export interface RestrictionSet {
  accountIds: string[];
  groupIds: string[];
}

export type PageRestrictions = Record<RestrictionOperation, RestrictionSet>;

const listed = <T extends z.ZodType>(item: T) => z.object({ results: z.array(item) });
const operationSchema = z.object({
  restrictions: z.object({
    user: listed(z.object({ accountId: z.string() })).optional(),
    group: listed(z.object({ id: z.string() })).optional(),
  }),
});
const byOperationSchema = z.object({ read: operationSchema, update: operationSchema });

const setOf = (operation: z.infer<typeof operationSchema>): RestrictionSet => ({
  accountIds: (operation.restrictions.user?.results ?? []).map((user) => user.accountId),
  groupIds: (operation.restrictions.group?.results ?? []).map((group) => group.id),
});

export const isUnrestricted = (set: RestrictionSet): boolean => set.accountIds.length === 0 && set.groupIds.length === 0;

/**
 * A page's (or blog post's) view and edit restrictions (v1 `GET /content/{id}/restriction/byOperation`,
 * getRestrictionsByOperation, scope read:confluence-content.all: v2 has no restrictions API).
 */
export async function getRestrictions(callAs: CallAs, contentId: string): Promise<PageRestrictions> {
  const body = byOperationSchema.parse(await confluenceJson<unknown>(callAs, route`/wiki/rest/api/content/${contentId}/restriction/byOperation`));
  return { read: setOf(body.read), update: setOf(body.update) };
}

/**
 * Adds people and groups to restrictions, keeping who is there (v1 `POST /content/{id}/restriction`,
 * addRestrictions, scope write:confluence-content). Restrictions are sets: adding a member twice
 * changes nothing.
 */
export async function addRestrictions(callAs: CallAs, contentId: string, additions: Partial<PageRestrictions>): Promise<void> {
  const entries = (Object.entries(additions) as [RestrictionOperation, RestrictionSet][])
    .filter(([, set]) => !isUnrestricted(set))
    .map(([operation, set]) => ({
      operation,
      restrictions: {
        user: set.accountIds.map((accountId) => ({ type: 'known', accountId })),
        group: set.groupIds.map((id) => ({ type: 'group', id })),
      },
    }));
  if (entries.length === 0) return;
  await confluenceJson(callAs, route`/wiki/rest/api/content/${contentId}/restriction`, { method: 'POST', body: entries });
}

/** Removes every view and edit restriction of the content (v1 `DELETE /content/{id}/restriction`, deleteRestrictions, scope write:confluence-content). */
export async function removeAllRestrictions(callAs: CallAs, contentId: string): Promise<void> {
  await confluenceJson(callAs, route`/wiki/rest/api/content/${contentId}/restriction`, { method: 'DELETE' });
}
