/**
 * Space variables (named publish targets): read by anyone who can view the space, for the
 * workflow editor's target picker; changed by its admins through src/commands/space-settings.ts.
 */
import { type Invocation } from '../../auth/invocation';
import { isSpaceAdmin } from '../../auth/space-admin';
import { requireSpaceViewer } from '../../auth/space-viewer';
import * as spaceSettings from '../../commands/space-settings';
import { type SpaceActor } from '../../commands/workflows';
import { variableUse } from '../../domain/space-variable-use';
import { settingsContract, type SpaceVariablesView } from '../../shared/contract';
import { allSettled } from '../../shared/parallel';
import { type Workflow } from '../../shared/workflow';
import { getSpaceAssignments, type SpaceAssignments, spaceVariablesOf } from '../../storage/assignments';
import { listSpaceWorkflows } from '../../storage/workflows';
import { resolverSpec } from '../define';
import { settingsSpaceId } from './space';

const actorOf = (invocation: Invocation): SpaceActor => ({ accountId: invocation.accountId, spaceId: settingsSpaceId(invocation) });

function viewOf(settings: SpaceAssignments, workflows: readonly Workflow[], canManage: boolean): SpaceVariablesView {
  const variables = [...spaceVariablesOf(settings)];
  return { variables, usedBy: variableUse(variables.map((variable) => variable.name), workflows), canManage };
}

export const listSpaceVariables = resolverSpec(settingsContract.listSpaceVariables, async (_input, invocation) => {
  const { spaceId, accountId } = actorOf(invocation);
  const [, settings, admin, workflows] = await allSettled([
    requireSpaceViewer(spaceId),
    getSpaceAssignments(spaceId),
    isSpaceAdmin(spaceId, accountId),
    listSpaceWorkflows(spaceId),
  ]);
  return viewOf(settings, workflows, admin);
});

/** The space's workflows are read alongside the change, for the answer only: a refused change answers its refusal. */
export const saveSpaceVariable = resolverSpec(settingsContract.saveSpaceVariable, async (input, invocation) => {
  const actor = actorOf(invocation);
  const [saved, workflows] = await allSettled([spaceSettings.saveSpaceVariable(actor, input), listSpaceWorkflows(actor.spaceId)]);
  return viewOf(saved, workflows, true);
});

export const removeSpaceVariable = resolverSpec(settingsContract.removeSpaceVariable, async ({ name }, invocation) => {
  const actor = actorOf(invocation);
  const [saved, workflows] = await allSettled([spaceSettings.removeSpaceVariable(actor, name), listSpaceWorkflows(actor.spaceId)]);
  return viewOf(saved, workflows, true);
});
