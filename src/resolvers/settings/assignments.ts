/**
 * The space default, page/subtree assignments, who may create workflows and the readers' banner:
 * commands of src/commands/space-settings.ts, answered with the workflow list or the tree row the
 * settings screen shows after them.
 */
import { type Invocation } from '../../auth/invocation';
import * as spaceSettings from '../../commands/space-settings';
import { type SpaceActor } from '../../commands/workflows';
import { lookUpPeople } from '../../commands/workflow-people';
import { settingsContract } from '../../shared/contract';
import { allSettled } from '../../shared/parallel';
import { type Workflow } from '../../shared/workflow';
import { type SpaceAssignments } from '../../storage/assignments';
import { listSpaceWorkflows, withCurrent } from '../../storage/workflows';
import { resolverSpec } from '../define';
import { settingsSpaceId } from './space';
import { rowOf } from './tree';
import { treeTarget } from './tree-target';
import { listView } from './workflow-views';

const actorOf = (invocation: Invocation): SpaceActor => ({ accountId: invocation.accountId, spaceId: settingsSpaceId(invocation) });

/** The list as an admin sees it after the change; the space's workflows are read alongside the command. */
async function adminList(invocation: Invocation, workflows: Workflow[], saved: SpaceAssignments) {
  const people = await lookUpPeople([...new Set(workflows.flatMap((w) => w.owners))]);
  return listView(workflows, { accountId: invocation.accountId, isSpaceAdmin: true }, saved, people);
}

export const setDefaultWorkflow = resolverSpec(settingsContract.setDefaultWorkflow, async ({ workflowId }, invocation) => {
  const actor = actorOf(invocation);
  const [saved, listed] = await allSettled([spaceSettings.setDefaultWorkflow(actor, workflowId), listSpaceWorkflows(actor.spaceId)]);
  return adminList(invocation, withCurrent(listed, saved.picked), saved.settings);
});

export const setWorkflowCreators = resolverSpec(settingsContract.setWorkflowCreators, async ({ workflowCreators }, invocation) => {
  const actor = actorOf(invocation);
  const [saved, listed] = await allSettled([spaceSettings.setWorkflowCreators(actor, workflowCreators), listSpaceWorkflows(actor.spaceId)]);
  return adminList(invocation, listed, saved);
});

export const setReadersBanner = resolverSpec(settingsContract.setReadersBanner, async ({ shown }, invocation) => {
  const actor = actorOf(invocation);
  const [saved, listed] = await allSettled([spaceSettings.setReadersBanner(actor, shown), listSpaceWorkflows(actor.spaceId)]);
  return adminList(invocation, listed, saved);
});

export const assignWorkflow = resolverSpec(settingsContract.assignWorkflow, async (input, invocation) => {
  const actor = actorOf(invocation);
  const { target, assigned } = await spaceSettings.assignWorkflow(actor, input, treeTarget(actor.spaceId, input.pageId));
  return rowOf(actor.spaceId, target, assigned);
});
