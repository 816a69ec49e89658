/**
 * Whether the person saving a publish target may send copies there: they can see the target
 * space (read as them), may add pages in it (its permission assignments, read as the app, with
 * their groups and roles), and the parent page they named is a page of that space they can see.
 * Checked when a workflow or a space variable is saved; before each run the grant's admin is
 * checked again (action-grant-check.ts).
 */
import { asUser } from '../confluence/http';
import { getPage } from '../confluence/pages';
import { getSpaceByKey } from '../confluence/spaces';
import { getUserGroupIds } from '../confluence/user-groups';
import { AppError } from '../shared/errors';
import { ADD_PAGES, holdsAll, type Member } from './space-permission';

export interface PublishTargetInput {
  spaceKey: string;
  parentPageId?: string;
}

/** Which field of the target is wrong, and why, in words for the person saving it. */
export type PublishTargetAccess = { ok: true } | { ok: false; field: 'spaceKey' | 'parentPageId'; message: string };

function notFound(error: unknown): boolean {
  return error instanceof AppError && error.code === 'NOT_FOUND';
}

/** The saver's groups, read once for all the targets of one save. */
export async function saverOf(accountId: string): Promise<Member> {
  return { accountId, groupIds: new Set(await getUserGroupIds(accountId)) };
}

/** `saver` may still be reading their groups: the target space is looked up meanwhile. */
export async function publishTargetAccess(saver: Member | Promise<Member>, target: PublishTargetInput): Promise<PublishTargetAccess> {
  let spaceId: string;
  try {
    spaceId = (await getSpaceByKey(asUser(), target.spaceKey)).id;
  } catch (error) {
    if (!notFound(error)) throw error;
    return { ok: false, field: 'spaceKey', message: `Space ${target.spaceKey} doesn't exist or you can't view it` };
  }
  const [mayAdd, parentSpaceId] = await Promise.all([
    holdsAll(spaceId, saver, ADD_PAGES),
    target.parentPageId === undefined
      ? Promise.resolve(spaceId)
      : getPage(asUser(), target.parentPageId, 'page').then(
          (page) => page.spaceId,
          (error: unknown) => {
            if (notFound(error)) return null;
            throw error;
          },
        ),
  ]);
  if (!mayAdd) return { ok: false, field: 'spaceKey', message: `You can't add pages in space ${target.spaceKey}, so you can't publish copies there` };
  if (parentSpaceId !== spaceId) {
    return { ok: false, field: 'parentPageId', message: `Page ${target.parentPageId ?? ''} doesn't exist in space ${target.spaceKey} or you can't view it` };
  }
  return { ok: true };
}
