/**
 * The manage-space tree's admin actions on one page: override its status, submit it. The
 * commands authorise and commit as they do from the byline; the page must be in the space
 * whose settings are open, checked against Confluence as the caller before anything runs.
 */
import { overridePage } from '../../commands/override';
import { submitPage as submitPageCommand } from '../../commands/submit';
import { settingsContract } from '../../shared/contract';
import { resolverSpec } from '../define';
import { settingsSpaceId } from './space';
import { rowOf } from './tree';
import { treeTarget } from './tree-target';

export const overridePageStatus = resolverSpec(settingsContract.overridePageStatus, async ({ pageId, targetStatus, reason }, invocation) => {
  const spaceId = settingsSpaceId(invocation);
  const target = await treeTarget(spaceId, pageId);
  await overridePage({ accountId: invocation.accountId, spaceId }, { pageId, targetStatus, reason });
  return rowOf(spaceId, target);
});

export const submitPage = resolverSpec(settingsContract.submitPage, async ({ pageId, workflowId }, invocation) => {
  const spaceId = settingsSpaceId(invocation);
  const target = await treeTarget(spaceId, pageId);
  await submitPageCommand({ accountId: invocation.accountId, spaceId }, { pageId, workflowId });
  return rowOf(spaceId, target);
});
