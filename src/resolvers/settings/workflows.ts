/**
 * The workflow list and editor: list and view (anyone who can view the space), create (anyone
 * who can view it, unless the space allows only its admins; the creator becomes an owner),
 * update, enable/disable and delete (owners and space admins). Every change is one transaction
 * with its audit entry.
 */
import { randomUUID } from 'node:crypto';
import { isSpaceAdmin } from '../../auth/space-admin';
import { selfApprovalOnSave } from '../../domain/self-approval';
import { type Invocation } from '../../auth/invocation';
import { settingsContract } from '../../shared/contract';
import { AppError } from '../../shared/errors';
import { type Workflow } from '../../shared/workflow';
import { getSpaceAssignments, workflowCreatorsOf } from '../../storage/assignments';
import { type WorkflowRow } from '../../storage/entities';
import { hasRunningRequests, runningRequestCount } from '../../storage/workflow-usage';
import { deleteWorkflow, getWorkflowRow, listSpaceWorkflowsForName, listSpaceWorkflowsFresh, saveWorkflow } from '../../storage/workflows';
import { emit } from '../../commands/emit';
import { workflowAuditEntry, workflowChangeKey } from '../../storage/audit-rows';
import { resolverSpec } from '../define';
import { allSettled } from './parallel';
import { requireSpaceViewer, settingsSpaceId } from './space';
import { checkWorkflowInput, nameTakenIssue, validationFailure } from './workflow-input';
import { lookUpPeople, namedAccountIds, personView } from './workflow-people';
import { canManage, detailView, listView, mayCreateWorkflows } from './workflow-views';

/** How often a change without a revision (enable/disable) re-reads and reapplies after losing a race. */
const ATTEMPTS = 3;

async function workflowOfSpace(spaceId: string, workflowId: string): Promise<WorkflowRow> {
  const row = await getWorkflowRow(workflowId);
  if (row === undefined || row.spaceId !== spaceId) {
    throw new AppError('NOT_FOUND', "This workflow doesn't exist in this space any more. Reload the list of workflows.");
  }
  return row;
}

async function requireManager(workflow: Workflow, accountId: string, admin: boolean): Promise<void> {
  if (canManage(workflow, accountId, admin)) return;
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

async function detailFor(workflow: Workflow, manage: boolean) {
  const accountIds = namedAccountIds(workflow);
  const [people, running] = await allSettled([lookUpPeople(accountIds), runningRequestCount(workflow.spaceId, workflow.id)]);
  return detailView(workflow, manage, accountIds, people, running);
}

export const listWorkflows = resolverSpec(settingsContract.listWorkflows, async ({ changed }, invocation: Invocation) => {
  const spaceId = settingsSpaceId(invocation);
  const [, workflows, assignments, admin] = await allSettled([
    requireSpaceViewer(spaceId),
    listSpaceWorkflowsFresh(spaceId, changed),
    getSpaceAssignments(spaceId),
    isSpaceAdmin(spaceId, invocation.accountId),
  ]);
  const people = await lookUpPeople([...new Set(workflows.flatMap((w) => w.owners))]);
  return listView(workflows, { accountId: invocation.accountId, isSpaceAdmin: admin }, assignments, people);
});

export const getWorkflow = resolverSpec(settingsContract.getWorkflow, async ({ workflowId }, invocation) => {
  const spaceId = settingsSpaceId(invocation);
  const [, row, admin] = await allSettled([
    requireSpaceViewer(spaceId),
    workflowOfSpace(spaceId, workflowId),
    isSpaceAdmin(spaceId, invocation.accountId),
  ]);
  return detailFor(row.body, canManage(row.body, invocation.accountId, admin));
});

/** Self-approval on needs a space admin's grant (domain/self-approval.ts); refused at the field otherwise. */
function grantOf(requested: boolean, current: Workflow | null, editor: { accountId: string; isSpaceAdmin: boolean }, now: string): Pick<Workflow, 'selfApprovalGrant'> {
  const change = selfApprovalOnSave(requested, current, editor, now);
  if (!change.ok) throw validationFailure([{ path: ['options', 'selfApproval'], message: change.message }]);
  return change.grant === undefined ? {} : { selfApprovalGrant: change.grant };
}

export const createWorkflow = resolverSpec(settingsContract.createWorkflow, async ({ workflow: draft }, invocation) => {
  const spaceId = settingsSpaceId(invocation);
  const [, existing, admin, settings] = await allSettled([
    requireSpaceViewer(spaceId),
    listSpaceWorkflowsForName(spaceId, draft.name),
    isSpaceAdmin(spaceId, invocation.accountId),
    getSpaceAssignments(spaceId),
  ]);
  if (!mayCreateWorkflows(workflowCreatorsOf(settings), admin)) {
    throw new AppError('FORBIDDEN', 'Only space admins can create workflows in this space.');
  }
  const now = new Date().toISOString();
  const grant = grantOf(draft.options.selfApproval, null, { accountId: invocation.accountId, isSpaceAdmin: admin }, now);
  const owners = [...new Set([invocation.accountId, ...draft.owners])];
  const { value } = await checkWorkflowInput({ ...draft, spaceId, owners }, existing);
  const workflow: Workflow = { ...value, ...grant, id: randomUUID(), createdBy: invocation.accountId, createdAt: now, updatedAt: now, revision: 0 };
  const audit = workflowAuditEntry({
    key: workflowChangeKey(workflow.id, workflow.revision),
    spaceId,
    actorId: invocation.accountId,
    at: now,
    change: 'created',
    workflowId: workflow.id,
    details: { name: workflow.name },
  });
  const outcome = await saveWorkflow(workflow, invocation.accountId, null, [audit], null);
  if (outcome === 'nameTaken') throw validationFailure([nameTakenIssue(workflow.name)]);
  if (outcome === 'changed') {
    throw new AppError('CONFLICT', 'The workflow could not be saved because of a simultaneous change. Nothing was changed; try again.');
  }
  await emit(spaceId, [audit.key]);
  return detailFor(workflow, true);
});

export const updateWorkflow = resolverSpec(settingsContract.updateWorkflow, async ({ workflowId, revision, workflow: draft }, invocation) => {
  const spaceId = settingsSpaceId(invocation);
  const [, row, admin, all] = await allSettled([
    requireSpaceViewer(spaceId),
    workflowOfSpace(spaceId, workflowId),
    isSpaceAdmin(spaceId, invocation.accountId),
    listSpaceWorkflowsForName(spaceId, draft.name),
  ]);
  await requireManager(row.body, invocation.accountId, admin);
  if (row.revision !== revision) throw await changedSinceMessage(workflowId, invocation.accountId);
  const now = new Date().toISOString();
  const current = row.body;
  const grant = grantOf(draft.options.selfApproval, current, { accountId: invocation.accountId, isSpaceAdmin: admin }, now);
  const { value } = await checkWorkflowInput({ ...draft, spaceId }, all.filter((w) => w.id !== workflowId));
  // Enabling and disabling is its own action with its own audit entry; the editor never flips it.
  const workflow: Workflow = {
    ...value,
    ...grant,
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
    actorId: invocation.accountId,
    at: now,
    change: 'updated',
    workflowId: workflow.id,
    details: { name: workflow.name, previousName: current.name, revision: workflow.revision },
  });
  const outcome = await saveWorkflow(workflow, invocation.accountId, row.revision, [audit], current.name);
  if (outcome === 'nameTaken') throw validationFailure([nameTakenIssue(workflow.name)]);
  if (outcome === 'changed') throw await changedSinceMessage(workflowId, invocation.accountId);
  await emit(spaceId, [audit.key]);
  return detailFor(workflow, canManage(workflow, invocation.accountId, admin));
});

export const removeWorkflow = resolverSpec(settingsContract.deleteWorkflow, async ({ workflowId }, invocation) => {
  const spaceId = settingsSpaceId(invocation);
  const [, row, admin] = await allSettled([
    requireSpaceViewer(spaceId),
    workflowOfSpace(spaceId, workflowId),
    isSpaceAdmin(spaceId, invocation.accountId),
  ]);
  await requireManager(row.body, invocation.accountId, admin);
  if (await hasRunningRequests(spaceId, workflowId)) {
    throw new AppError(
      'PRECONDITION',
      `'${row.body.name}' still has pages in approval, so it cannot be deleted. Disable it instead: running requests finish, and no new ones start.`,
    );
  }
  const audit = workflowAuditEntry({
    key: workflowChangeKey(workflowId, 'deleted'),
    spaceId,
    actorId: invocation.accountId,
    at: new Date().toISOString(),
    change: 'deleted',
    workflowId,
    details: { name: row.body.name, revision: row.revision },
  });
  if (!(await deleteWorkflow(row.body, row.revision, [audit]))) throw await changedSinceMessage(workflowId, invocation.accountId);
  await emit(spaceId, [audit.key]);
  return { deleted: true as const };
});

export const setWorkflowEnabled = resolverSpec(settingsContract.setWorkflowEnabled, async ({ workflowId, enabled }, invocation) => {
  const spaceId = settingsSpaceId(invocation);
  const [, first, admin] = await allSettled([
    requireSpaceViewer(spaceId),
    workflowOfSpace(spaceId, workflowId),
    isSpaceAdmin(spaceId, invocation.accountId),
  ]);
  await requireManager(first.body, invocation.accountId, admin);
  let row = first;
  for (let attempt = 1; ; attempt += 1) {
    if (row.body.enabled === enabled) return detailFor(row.body, true);
    const now = new Date().toISOString();
    const workflow: Workflow = { ...row.body, enabled, updatedAt: now, revision: row.revision + 1 };
    const audit = workflowAuditEntry({
      key: workflowChangeKey(workflowId, workflow.revision),
      spaceId,
      actorId: invocation.accountId,
      at: now,
      change: enabled ? 'enabled' : 'disabled',
      workflowId,
      details: { name: workflow.name, revision: workflow.revision },
    });
    if ((await saveWorkflow(workflow, invocation.accountId, row.revision, [audit])) === 'saved') {
      await emit(spaceId, [audit.key]);
      return detailFor(workflow, true);
    }
    if (attempt === ATTEMPTS) throw await changedSinceMessage(workflowId, invocation.accountId);
    row = await workflowOfSpace(spaceId, workflowId);
    await requireManager(row.body, invocation.accountId, admin);
  }
});
