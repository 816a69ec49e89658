/**
 * Workflow changes: create (anyone who can view the space, unless the space allows only its
 * admins; the creator becomes an owner), edit, enable/disable and delete (owners and space
 * admins). Restriction and publish actions also need a space admin's grant (actions-grant.ts).
 * Each loads what it decides from, asks the domain whether the caller may, writes the workflow
 * with its audit entry in one transaction conditioned on the revision it read, and emits.
 */
import { randomUUID } from 'node:crypto';
import { isSpaceAdmin } from '../auth/space-admin';
import { requireSpaceViewer } from '../auth/space-viewer';
import { selfApprovalOnSave } from '../domain/self-approval';
import { mayCreateWorkflows, mayManageWorkflow } from '../domain/workflow-permissions';
import { AppError } from '../shared/errors';
import { allSettled } from '../shared/parallel';
import { ATTEMPTS, LOST_RACE, retryLostRaces } from '../shared/retry-policy';
import { type Workflow, type WorkflowInput } from '../shared/workflow';
import { getSpaceAssignments, spaceVariablesOf, workflowCreatorsOf } from '../storage/assignments';
import { workflowAuditEntry, workflowChangeKey } from '../storage/audit-rows';
import { type WorkflowRow } from '../storage/entities';
import { hasRunningRequests } from '../storage/workflow-usage';
import { deleteWorkflow, getWorkflowRow, listSpaceWorkflowsForName, saveWorkflow } from '../storage/workflows';
import { checkActionsGrant } from './actions-grant';
import { emit } from './emit';
import { checkWorkflowInput, nameTakenIssue, validationFailure } from './workflow-input';
import { lookUpPeople, personView } from './workflow-people';

/** Who is changing workflows, and in which space (the settings screen's, never the payload's). */
export interface SpaceActor {
  accountId: string;
  spaceId: string;
}

export interface ChangedWorkflow {
  workflow: Workflow;
  /** Whether the caller may still manage it (an owner may have removed themselves). */
  manage: boolean;
}

/** What the editor sends: a workflow of the actor's space. */
export type WorkflowDraft = Omit<WorkflowInput, 'spaceId'>;

export async function workflowOfSpace(spaceId: string, workflowId: string): Promise<WorkflowRow> {
  const row = await getWorkflowRow(workflowId);
  if (row === undefined || row.spaceId !== spaceId) {
    throw new AppError('NOT_FOUND', "This workflow doesn't exist in this space any more. Reload the list of workflows.");
  }
  return row;
}

async function requireManager(workflow: Workflow, accountId: string, admin: boolean): Promise<void> {
  if (mayManageWorkflow(workflow, accountId, admin)) return;
  const people = await lookUpPeople(workflow.owners);
  const owners = workflow.owners.map((id) => personView(people, id).displayName).join(', ');
  throw new AppError(
    'FORBIDDEN',
    `Only the owners of '${workflow.name}'${owners === '' ? '' : ` (${owners})`} and space admins can change it. Nothing was changed.`,
  );
}

async function changedSinceMessage(workflowId: string, accountId: string): Promise<AppError> {
  const latest = await getWorkflowRow(workflowId);
  if (latest === undefined) return new AppError('CONFLICT', 'This workflow was deleted since you opened it. Nothing was changed.');
  const by = latest.updatedBy === accountId ? 'you (in another window)' : personView(await lookUpPeople([latest.updatedBy]), latest.updatedBy).displayName;
  return new AppError(
    'CONFLICT',
    `This workflow was changed by ${by} since you opened it. Your changes were not saved: reload the workflow, then make them again.`,
    { revision: latest.revision },
  );
}

/** Self-approval on needs a space admin's grant (domain/self-approval.ts); refused at the field otherwise. */
function grantOf(requested: boolean, current: Workflow | null, editor: { accountId: string; isSpaceAdmin: boolean }, now: string): Pick<Workflow, 'selfApprovalGrant'> {
  const change = selfApprovalOnSave(requested, current, editor, now);
  if (!change.ok) throw validationFailure([{ path: ['options', 'selfApproval'], message: change.message }]);
  return change.grant === undefined ? {} : { selfApprovalGrant: change.grant };
}

export async function createWorkflow({ accountId, spaceId }: SpaceActor, draft: WorkflowDraft): Promise<Workflow> {
  const [space, existing, admin, settings] = await allSettled([
    requireSpaceViewer(spaceId),
    listSpaceWorkflowsForName(spaceId, draft.name),
    isSpaceAdmin(spaceId, accountId),
    getSpaceAssignments(spaceId),
  ]);
  if (!mayCreateWorkflows(workflowCreatorsOf(settings), admin)) {
    throw new AppError('FORBIDDEN', 'Only space admins can create workflows in this space.');
  }
  const now = new Date().toISOString();
  const grant = grantOf(draft.options.selfApproval, null, { accountId, isSpaceAdmin: admin }, now);
  const owners = [...new Set([accountId, ...draft.owners])];
  const actions = checkActionsGrant(draft.actions, null, { accountId, isSpaceAdmin: admin, spaceKey: space.key }, async () => spaceVariablesOf(settings), now);
  const { value } = await checkWorkflowInput({ ...draft, spaceId, owners }, existing, actions.then((check) => check.issues));
  const { grant: actionsGrant } = await actions;
  const workflow: Workflow = { ...value, ...grant, ...actionsGrant, id: randomUUID(), createdBy: accountId, createdAt: now, updatedAt: now, revision: 0 };
  const audit = workflowAuditEntry({
    key: workflowChangeKey(workflow.id, workflow.revision),
    spaceId,
    actorId: accountId,
    at: now,
    change: 'created',
    workflowId: workflow.id,
    details: { name: workflow.name },
  });
  const outcome = await saveWorkflow(workflow, accountId, null, [audit], null);
  if (outcome === 'nameTaken') throw validationFailure([nameTakenIssue(workflow.name)]);
  if (outcome === 'changed') {
    throw new AppError('CONFLICT', 'The workflow could not be saved because of a simultaneous change. Nothing was changed; try again.');
  }
  await emit(spaceId, [audit.key]);
  return workflow;
}

/** `revision` is the one the editor opened: a change made since then is never overwritten. */
export async function editWorkflow({ accountId, spaceId }: SpaceActor, workflowId: string, revision: number, draft: WorkflowDraft): Promise<ChangedWorkflow> {
  const [space, row, admin, all] = await allSettled([
    requireSpaceViewer(spaceId),
    workflowOfSpace(spaceId, workflowId),
    isSpaceAdmin(spaceId, accountId),
    listSpaceWorkflowsForName(spaceId, draft.name),
  ]);
  await requireManager(row.body, accountId, admin);
  if (row.revision !== revision) throw await changedSinceMessage(workflowId, accountId);
  const now = new Date().toISOString();
  const current = row.body;
  const grant = grantOf(draft.options.selfApproval, current, { accountId, isSpaceAdmin: admin }, now);
  const spaceVariables = async () => spaceVariablesOf(await getSpaceAssignments(spaceId));
  const actions = checkActionsGrant(draft.actions, current, { accountId, isSpaceAdmin: admin, spaceKey: space.key }, spaceVariables, now);
  const { value } = await checkWorkflowInput({ ...draft, spaceId }, all.filter((w) => w.id !== workflowId), actions.then((check) => check.issues));
  const { grant: actionsGrant } = await actions;
  // Enabling and disabling is its own action with its own audit entry; the editor never flips it.
  const workflow: Workflow = {
    ...value,
    ...grant,
    ...actionsGrant,
    enabled: current.enabled,
    id: current.id,
    createdBy: current.createdBy,
    createdAt: current.createdAt,
    updatedAt: now,
    revision: row.revision + 1,
  };
  const audit = workflowAuditEntry({
    key: workflowChangeKey(workflow.id, workflow.revision),
    spaceId,
    actorId: accountId,
    at: now,
    change: 'updated',
    workflowId: workflow.id,
    details: { name: workflow.name, previousName: current.name, revision: workflow.revision },
  });
  const outcome = await saveWorkflow(workflow, accountId, row.revision, [audit], current.name);
  if (outcome === 'nameTaken') throw validationFailure([nameTakenIssue(workflow.name)]);
  if (outcome === 'changed') throw await changedSinceMessage(workflowId, accountId);
  await emit(spaceId, [audit.key]);
  return { workflow, manage: mayManageWorkflow(workflow, accountId, admin) };
}

export async function removeWorkflow({ accountId, spaceId }: SpaceActor, workflowId: string): Promise<void> {
  const [, row, admin] = await allSettled([requireSpaceViewer(spaceId), workflowOfSpace(spaceId, workflowId), isSpaceAdmin(spaceId, accountId)]);
  await requireManager(row.body, accountId, admin);
  if (await hasRunningRequests(spaceId, workflowId)) {
    throw new AppError(
      'PRECONDITION',
      `'${row.body.name}' still has pages in approval, so it cannot be deleted. Disable it instead: running requests finish, and no new ones start.`,
    );
  }
  const audit = workflowAuditEntry({
    key: workflowChangeKey(workflowId, 'deleted'),
    spaceId,
    actorId: accountId,
    at: new Date().toISOString(),
    change: 'deleted',
    workflowId,
    details: { name: row.body.name, revision: row.revision },
  });
  if (!(await deleteWorkflow(row.body, row.revision, [audit]))) throw await changedSinceMessage(workflowId, accountId);
  await emit(spaceId, [audit.key]);
}

/**
 * Carries no revision (a switch, not an edit of what the caller saw): after losing a race it
 * re-reads, asks again whether the caller may, and applies the switch to the latest workflow.
 */
export async function enableWorkflow({ accountId, spaceId }: SpaceActor, workflowId: string, enabled: boolean): Promise<Workflow> {
  const [, first, admin] = await allSettled([requireSpaceViewer(spaceId), workflowOfSpace(spaceId, workflowId), isSpaceAdmin(spaceId, accountId)]);
  let row = first;
  const outcome = await retryLostRaces(ATTEMPTS.standard, async (attempt) => {
    if (attempt > 1) row = await workflowOfSpace(spaceId, workflowId);
    await requireManager(row.body, accountId, admin);
    if (row.body.enabled === enabled) return row.body;
    const now = new Date().toISOString();
    const workflow: Workflow = { ...row.body, enabled, updatedAt: now, revision: row.revision + 1 };
    const audit = workflowAuditEntry({
      key: workflowChangeKey(workflowId, workflow.revision),
      spaceId,
      actorId: accountId,
      at: now,
      change: enabled ? 'enabled' : 'disabled',
      workflowId,
      details: { name: workflow.name, revision: workflow.revision },
    });
    if ((await saveWorkflow(workflow, accountId, row.revision, [audit])) !== 'saved') return LOST_RACE;
    await emit(spaceId, [audit.key]);
    return workflow;
  });
  if (outcome === LOST_RACE) throw await changedSinceMessage(workflowId, accountId);
  return outcome;
}
