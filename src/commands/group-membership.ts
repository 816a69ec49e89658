/**
 * The members of a workflow's approver groups, snapshotted into a request when it starts. Read
 * from the 10-minute group cache in one batch, and from Confluence for the groups not cached.
 */
import { getGroupMemberIds } from '../confluence/people';
import { type GroupMembership, type Workflow } from '../shared/workflow';
import { BATCH_LIMIT, readBatch } from '../storage/batch-read';
import { CACHE, type CacheSession } from '../storage/permission-cache';

export function approverGroupIds(workflow: Workflow): string[] {
  const ids = workflow.steps.flatMap((step) => step.approvers.flatMap((approver) => (approver.type === 'group' ? [approver.groupId] : [])));
  return [...new Set(ids)];
}

export async function groupMembership(cache: CacheSession, workflow: Workflow): Promise<GroupMembership> {
  const groupIds = approverGroupIds(workflow);
  if (groupIds.length === 0) return {};
  for (let i = 0; i < groupIds.length; i += BATCH_LIMIT) {
    cache.include(await readBatch(groupIds.slice(i, i + BATCH_LIMIT).map((groupId) => CACHE.groupMembers(groupId).key)));
  }
  const members = await Promise.all(groupIds.map((groupId) => cache.get(CACHE.groupMembers(groupId), () => getGroupMemberIds(groupId))));
  return Object.fromEntries(groupIds.map((groupId, index) => [groupId, members[index]]));
}
