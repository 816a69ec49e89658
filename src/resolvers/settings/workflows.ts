/**
 * The workflow list and editor: list and view (anyone who can view the space); create, update,
 * enable/disable and delete are commands (src/commands/workflows.ts), answered with the
 * workflow's detail as the editor shows it.
 */
import { isSpaceAdmin } from '../../auth/space-admin';
import { type Invocation } from '../../auth/invocation';
import * as workflows from '../../commands/workflows';
import { lookUpPeople, namedAccountIds } from '../../commands/workflow-people';
import { mayManageWorkflow } from '../../domain/workflow-permissions';
import { requireSpaceViewer } from '../../auth/space-viewer';
import { settingsContract } from '../../shared/contract';
import { allSettled } from '../../shared/parallel';
import { type Workflow } from '../../shared/workflow';
import { getSpaceAssignments } from '../../storage/assignments';
import { runningRequestCount } from '../../storage/workflow-usage';
import { listSpaceWorkflowsFresh } from '../../storage/workflows';
import { resolverSpec } from '../define';
import { settingsSpaceId } from './space';
import { detailView, listView } from './workflow-views';

const actorOf = (invocation: Invocation): workflows.SpaceActor => ({ accountId: invocation.accountId, spaceId: settingsSpaceId(invocation) });

async function detailFor(workflow: Workflow, manage: boolean) {
  const accountIds = namedAccountIds(workflow);
  const [people, running] = await allSettled([lookUpPeople(accountIds), runningRequestCount(workflow.spaceId, workflow.id)]);
  return detailView(workflow, manage, accountIds, people, running);
}

export const listWorkflows = resolverSpec(settingsContract.listWorkflows, async ({ changed }, invocation: Invocation) => {
  const spaceId = settingsSpaceId(invocation);
  const [, listed, assignments, admin] = await allSettled([
    requireSpaceViewer(spaceId),
    listSpaceWorkflowsFresh(spaceId, changed),
    getSpaceAssignments(spaceId),
    isSpaceAdmin(spaceId, invocation.accountId),
  ]);
  const people = await lookUpPeople([...new Set(listed.flatMap((w) => w.owners))]);
  return listView(listed, { accountId: invocation.accountId, isSpaceAdmin: admin }, assignments, people);
});

export const getWorkflow = resolverSpec(settingsContract.getWorkflow, async ({ workflowId }, invocation) => {
  const spaceId = settingsSpaceId(invocation);
  const [, row, admin] = await allSettled([
    requireSpaceViewer(spaceId),
    workflows.workflowOfSpace(spaceId, workflowId),
    isSpaceAdmin(spaceId, invocation.accountId),
  ]);
  return detailFor(row.body, mayManageWorkflow(row.body, invocation.accountId, admin));
});

export const createWorkflow = resolverSpec(settingsContract.createWorkflow, async ({ workflow }, invocation) => {
  const created = await workflows.createWorkflow(actorOf(invocation), workflow);
  return detailFor(created, true);
});

export const updateWorkflow = resolverSpec(settingsContract.updateWorkflow, async ({ workflowId, revision, workflow }, invocation) => {
  const edited = await workflows.editWorkflow(actorOf(invocation), workflowId, revision, workflow);
  return detailFor(edited.workflow, edited.manage);
});

export const removeWorkflow = resolverSpec(settingsContract.deleteWorkflow, async ({ workflowId }, invocation) => {
  await workflows.removeWorkflow(actorOf(invocation), workflowId);
  return { deleted: true as const };
});

export const setWorkflowEnabled = resolverSpec(settingsContract.setWorkflowEnabled, async ({ workflowId, enabled }, invocation) => {
  return detailFor(await workflows.enableWorkflow(actorOf(invocation), workflowId, enabled), true);
});
