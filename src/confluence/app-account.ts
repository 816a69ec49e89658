import { route } from '@forge/api';
import { z } from 'zod';
import { AS_APP, confluenceJson } from './http';

const currentUserSchema = z.object({ accountId: z.string().min(1) });

/**
 * The app's own Confluence account (v1 `GET /user/current` as the app, getCurrentUser, scope
 * read:confluence-user). Page restrictions keep the app out unless they name this account.
 */
export async function getAppAccountId(): Promise<string> {
  return currentUserSchema.parse(await confluenceJson<unknown>(AS_APP, route`/wiki/rest/api/user/current`)).accountId;
}
