/**
 * Space variables (named publish targets): read by anyone who can view the space, for the
 * workflow editor's target picker; changed by its admins through src/commands/space-settings.ts.
 */
import { type Invocation } from '../../auth/invocation';
import { isSpaceAdmin } from '../../auth/space-admin';
import { requireSpaceViewer } from '../../auth/space-viewer';
import * as spaceSettings from '../../commands/space-settings';
import { type SpaceActor } from '../../commands/workflows';
import { settingsContract, type SpaceVariablesView } from '../../shared/contract';
import { allSettled } from '../../shared/parallel';
import { getSpaceAssignments, type SpaceAssignments, spaceVariablesOf } from '../../storage/assignments';
import { resolverSpec } from '../define';
import { settingsSpaceId } from './space';

const actorOf = (invocation: Invocation): SpaceActor => ({ accountId: invocation.accountId, spaceId: settingsSpaceId(invocation) });

const adminView = (saved: SpaceAssignments): SpaceVariablesView => ({ variables: [...spaceVariablesOf(saved)], canManage: true });

export const listSpaceVariables = resolverSpec(settingsContract.listSpaceVariables, async (_input, invocation) => {
  const { spaceId, accountId } = actorOf(invocation);
  const [, settings, admin] = await allSettled([requireSpaceViewer(spaceId), getSpaceAssignments(spaceId), isSpaceAdmin(spaceId, accountId)]);
  return { variables: [...spaceVariablesOf(settings)], canManage: admin };
});

export const saveSpaceVariable = resolverSpec(settingsContract.saveSpaceVariable, async (input, invocation) =>
  adminView(await spaceSettings.saveSpaceVariable(actorOf(invocation), input)),
);

export const removeSpaceVariable = resolverSpec(settingsContract.removeSpaceVariable, async ({ name }, invocation) =>
  adminView(await spaceSettings.removeSpaceVariable(actorOf(invocation), name)),
);
