/**
 * The space default, page/subtree assignments and who may create workflows (space admins only).
 * All live in the space's one settings row; a change re-reads and reapplies when another admin's change
 * landed first, and is written with its audit entry in one transaction.
 */
import { isSpaceAdmin } from '../../auth/space-admin';
import { type WorkflowAssignment } from '../../domain/workflow-resolution';
import { settingsContract } from '../../shared/contract';
import { AppError } from '../../shared/errors';
import { type Workflow } from '../../shared/workflow';
import { getVersionedAssignments, readersBannerShown, type SpaceAssignments, saveSpaceAssignments, workflowCreatorsOf } from '../../storage/assignments';
import { type AuditEntry } from '../../storage/audit';
import { NONE } from '../../storage/entities';
import { getWorkflowsByIds, listSpaceWorkflows, withCurrent } from '../../storage/workflows';
import { emit } from '../../commands/emit';
import { spaceSettingsChangeKey, workflowAuditEntry } from '../../storage/audit-rows';
import { resolverSpec } from '../define';
import { allSettled } from './parallel';
import { requireSpaceViewer, settingsSpaceId } from './space';
import { rowOf } from './tree';
import { treeTarget } from './tree-target';
import { lookUpPeople } from './workflow-people';
import { listView } from './workflow-views';

const ATTEMPTS = 3;

async function requireSpaceAdmin(spaceId: string, accountId: string, what: string): Promise<void> {
  if (!(await isSpaceAdmin(spaceId, accountId))) {
    // Someone who cannot see the space is answered as if it did not exist, as by the space's other
    // functions; asked only on refusal, so an admin's change costs no Confluence call for it.
    await requireSpaceViewer(spaceId);
    throw new AppError('FORBIDDEN', `Only space admins can ${what}. Nothing was changed.`);
  }
}

/**
 * The named workflows of the space, enabled: assigning a workflow nobody can use helps no one.
 * Read by key, so a workflow created a moment ago can be picked though the space's index lags.
 */
async function usableWorkflows(spaceId: string, ids: readonly string[]): Promise<Workflow[]> {
  const workflows = await getWorkflowsByIds(ids);
  return ids.map((id) => {
    const workflow = workflows.find((w) => w.id === id && w.spaceId === spaceId);
    if (workflow === undefined) throw new AppError('NOT_FOUND', "A workflow you picked doesn't exist in this space any more. Reload and pick again.");
    if (!workflow.enabled) throw new AppError('PRECONDITION', `'${workflow.name}' is disabled. Enable it first, then assign it.`);
    return workflow;
  });
}

/**
 * Applies `change` to the latest settings and saves them with the audit entry it describes;
 * re-reads and reapplies when another admin saved in between. Returns the saved settings.
 */
async function changeAssignments(
  spaceId: string,
  change: (current: SpaceAssignments) => SpaceAssignments | null,
  audit: (revision: number, current: SpaceAssignments) => AuditEntry,
  pageId?: string,
): Promise<SpaceAssignments> {
  for (let attempt = 1; attempt <= ATTEMPTS; attempt += 1) {
    const { assignments, revision } = await getVersionedAssignments(spaceId);
    const next = change(assignments);
    if (next === null) return assignments;
    const entry = audit(revision + 1, assignments);
    if (await saveSpaceAssignments(spaceId, next, revision, entry.row.at, [entry])) {
      await emit(spaceId, [entry.key], pageId);
      return next;
    }
  }
  throw new AppError('CONFLICT', 'Another admin changed the assignments of this space at the same time. Nothing was changed; try again.');
}

export const setDefaultWorkflow = resolverSpec(settingsContract.setDefaultWorkflow, async ({ workflowId }, invocation) => {
  const spaceId = settingsSpaceId(invocation);
  const [, listed, picked] = await allSettled([
    requireSpaceAdmin(spaceId, invocation.accountId, "set the space's default workflow"),
    listSpaceWorkflows(spaceId),
    usableWorkflows(spaceId, workflowId === null ? [] : [workflowId]),
  ]);
  const chosen = picked[0] ?? null;
  const workflows = withCurrent(listed, picked);
  const saved = await changeAssignments(
    spaceId,
    (current) => (current.defaultWorkflowId === workflowId ? null : { ...current, defaultWorkflowId: workflowId }),
    (revision, current) =>
      workflowAuditEntry({
        key: spaceSettingsChangeKey(spaceId, revision),
        spaceId,
        actorId: invocation.accountId,
        at: new Date().toISOString(),
        change: 'defaultSet',
        workflowId: workflowId ?? NONE,
        details: { name: chosen?.name ?? null, previousWorkflowId: current.defaultWorkflowId },
      }),
  );
  const people = await lookUpPeople([...new Set(workflows.flatMap((w) => w.owners))]);
  return listView(workflows, { accountId: invocation.accountId, isSpaceAdmin: true }, saved, people);
});

export const setWorkflowCreators = resolverSpec(settingsContract.setWorkflowCreators, async ({ workflowCreators }, invocation) => {
  const spaceId = settingsSpaceId(invocation);
  const [, workflows] = await allSettled([
    requireSpaceAdmin(spaceId, invocation.accountId, 'choose who can create workflows'),
    listSpaceWorkflows(spaceId),
  ]);
  const saved = await changeAssignments(
    spaceId,
    (current) => (workflowCreatorsOf(current) === workflowCreators ? null : { ...current, workflowCreators }),
    (revision, current) =>
      workflowAuditEntry({
        key: spaceSettingsChangeKey(spaceId, revision),
        spaceId,
        actorId: invocation.accountId,
        at: new Date().toISOString(),
        change: 'creatorsSet',
        workflowId: NONE,
        details: { workflowCreators, previous: workflowCreatorsOf(current) },
      }),
  );
  const people = await lookUpPeople([...new Set(workflows.flatMap((w) => w.owners))]);
  return listView(workflows, { accountId: invocation.accountId, isSpaceAdmin: true }, saved, people);
});

/**
 * Whether page views in the space show readers the approved-version banner. The banner learns it
 * from the byline property, where the effects write it with each page's next change; the daily
 * byline check brings every other page in line (docs/readers.md).
 */
export const setReadersBanner = resolverSpec(settingsContract.setReadersBanner, async ({ shown }, invocation) => {
  const spaceId = settingsSpaceId(invocation);
  const [, workflows] = await allSettled([
    requireSpaceAdmin(spaceId, invocation.accountId, 'choose whether readers see which version is approved'),
    listSpaceWorkflows(spaceId),
  ]);
  const saved = await changeAssignments(
    spaceId,
    (current) => (readersBannerShown(current) === shown ? null : { ...current, readersBanner: shown }),
    (revision) =>
      workflowAuditEntry({
        key: spaceSettingsChangeKey(spaceId, revision),
        spaceId,
        actorId: invocation.accountId,
        at: new Date().toISOString(),
        change: 'readersBannerSet',
        workflowId: NONE,
        details: { shown },
      }),
  );
  const people = await lookUpPeople([...new Set(workflows.flatMap((w) => w.owners))]);
  return listView(workflows, { accountId: invocation.accountId, isSpaceAdmin: true }, saved, people);
});

function sameAssignment(a: WorkflowAssignment | undefined, b: WorkflowAssignment | undefined): boolean {
  if (a === undefined || b === undefined) return a === b;
  return a.scope === b.scope && a.workflowIds.length === b.workflowIds.length && a.workflowIds.every((id, i) => b.workflowIds[i] === id);
}

export const assignWorkflow = resolverSpec(settingsContract.assignWorkflow, async ({ pageId, workflowIds, scope }, invocation) => {
  const spaceId = settingsSpaceId(invocation);
  const ids = [...new Set(workflowIds)];
  const [, target, assigned] = await allSettled([
    requireSpaceAdmin(spaceId, invocation.accountId, 'assign workflows to pages'),
    treeTarget(spaceId, pageId),
    usableWorkflows(spaceId, ids),
  ]);
  const wanted: WorkflowAssignment | undefined = ids.length === 0 ? undefined : { workflowIds: ids, scope };
  await changeAssignments(
    spaceId,
    (current) => {
      const existing = Object.hasOwn(current.pages, pageId) ? current.pages[pageId] : undefined;
      if (sameAssignment(existing, wanted)) return null;
      const pages = { ...current.pages };
      if (wanted === undefined) delete pages[pageId];
      else pages[pageId] = wanted;
      return { ...current, pages };
    },
    (revision, current) =>
      workflowAuditEntry({
        key: spaceSettingsChangeKey(spaceId, revision),
        spaceId,
        pageId,
        actorId: invocation.accountId,
        at: new Date().toISOString(),
        change: 'assigned',
        workflowId: ids[0] ?? NONE,
        details: {
          pageId,
          title: target.node.title,
          workflowIds: ids,
          workflowNames: assigned.map((w) => w.name),
          scope: wanted === undefined ? null : scope,
          previous: (Object.hasOwn(current.pages, pageId) ? current.pages[pageId] : null) ?? null,
        },
      }),
    pageId,
  );
  return rowOf(spaceId, target, assigned);
});
