/**
 * The manage-space tree's admin actions on one page: override its status, submit it. The
 * commands authorise and commit as they do from the byline; the page must be in the space
 * whose settings are open, checked against Confluence as the caller before anything runs.
 */
import { isSpaceAdmin } from '../../auth/space-admin';
import { overridePage } from '../../commands/override';
import { submitPage as submitPageCommand } from '../../commands/submit';
import { settingsContract } from '../../shared/contract';
import { AppError } from '../../shared/errors';
import { resolverSpec } from '../define';
import { allSettled } from '../../shared/parallel';
import { settingsSpaceId } from './space';
import { rowOf } from './tree';
import { treeTarget } from './tree-target';

export const overridePageStatus = resolverSpec(settingsContract.overridePageStatus, async ({ pageId, targetStatus, reason }, invocation) => {
  const spaceId = settingsSpaceId(invocation);
  const target = await treeTarget(spaceId, pageId);
  await overridePage({ accountId: invocation.accountId, spaceId }, { pageId, targetStatus, reason });
  return rowOf(spaceId, target);
});

/** Submitting from the tree is a space admin's action (docs/manage-space.md); authors submit from the page. */
export const submitPage = resolverSpec(settingsContract.submitPage, async ({ pageId, workflowId }, invocation) => {
  const spaceId = settingsSpaceId(invocation);
  const [target, admin] = await allSettled([treeTarget(spaceId, pageId), isSpaceAdmin(spaceId, invocation.accountId)]);
  if (!admin) {
    throw new AppError('FORBIDDEN', 'Only space admins can submit pages from the space settings. Submit the page from its approval button instead.');
  }
  await submitPageCommand({ accountId: invocation.accountId, spaceId }, { pageId, workflowId });
  return rowOf(spaceId, target);
});
