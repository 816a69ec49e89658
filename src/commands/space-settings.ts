/**
 * The space's settings, changed by its admins only: the default workflow, page/subtree
 * assignments, who may create workflows, whether readers see the approved-version banner and the
 * space variables publish actions may target. All
 * live in the space's one settings row: a change is decided from the latest row, written with its
 * audit entry in one transaction conditioned on that row's revision, decided again when another
 * admin's change landed first, and emitted.
 */
import { publishTargetAccess, saverOf } from '../auth/publish-target-access';
import { isSpaceAdmin } from '../auth/space-admin';
import { requireSpaceViewer } from '../auth/space-viewer';
import { type WorkflowAssignment } from '../domain/workflow-resolution';
import { type SpaceVariable, spaceVariablesSchema } from '../shared/space-variables';
import { AppError } from '../shared/errors';
import { allSettled } from '../shared/parallel';
import { ATTEMPTS, LOST_RACE, retryLostRaces } from '../shared/retry-policy';
import { type Workflow, type WorkflowCreators } from '../shared/workflow';
import {
  getVersionedAssignments,
  readersBannerShown,
  type SpaceAssignments,
  saveSpaceAssignments,
  spaceVariablesOf,
  workflowCreatorsOf,
} from '../storage/assignments';
import { spaceSettingsChangeKey, type WorkflowChangeEntry, workflowAuditEntry } from '../storage/audit-rows';
import { NONE } from '../storage/entities';
import { getWorkflowsByIds } from '../storage/workflows';
import { sameSpaceMessage } from './actions-grant';
import { emit } from './emit';
import { type SpaceActor } from './workflows';

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

interface SettingsChange {
  /** The settings after the change, or null when they already say so. */
  apply: (current: SpaceAssignments) => SpaceAssignments | null;
  /** What the audit entry records, given the settings before the change. */
  audit: (current: SpaceAssignments) => Pick<WorkflowChangeEntry, 'change' | 'workflowId' | 'details'>;
  /** The page an assignment is about. */
  pageId?: string;
}

/** Commits the change to the latest settings; returns the settings as saved (or as they were, when nothing changed). */
async function commitSettings({ accountId, spaceId }: SpaceActor, { apply, audit, pageId }: SettingsChange): Promise<SpaceAssignments> {
  const outcome = await retryLostRaces(ATTEMPTS.standard, async () => {
    const { assignments, revision } = await getVersionedAssignments(spaceId);
    const next = apply(assignments);
    if (next === null) return assignments;
    const entry = workflowAuditEntry({
      key: spaceSettingsChangeKey(spaceId, revision + 1),
      spaceId,
      ...(pageId === undefined ? {} : { pageId }),
      actorId: accountId,
      at: new Date().toISOString(),
      ...audit(assignments),
    });
    if (!(await saveSpaceAssignments(spaceId, next, revision, entry.row.at, [entry]))) return LOST_RACE;
    await emit(spaceId, [entry.key], pageId);
    return next;
  });
  if (outcome === LOST_RACE) throw new AppError('CONFLICT', 'Another admin changed the assignments of this space at the same time. Nothing was changed; try again.');
  return outcome;
}

export interface SavedDefault {
  settings: SpaceAssignments;
  /** The workflow picked, read by key: the space's lagging index may not list it yet. */
  picked: Workflow[];
}

export async function setDefaultWorkflow(actor: SpaceActor, workflowId: string | null): Promise<SavedDefault> {
  const { spaceId } = actor;
  const [, picked] = await allSettled([
    requireSpaceAdmin(spaceId, actor.accountId, "set the space's default workflow"),
    usableWorkflows(spaceId, workflowId === null ? [] : [workflowId]),
  ]);
  const settings = await commitSettings(actor, {
    apply: (current) => (current.defaultWorkflowId === workflowId ? null : { ...current, defaultWorkflowId: workflowId }),
    audit: (current) => ({
      change: 'defaultSet',
      workflowId: workflowId ?? NONE,
      details: { name: picked[0]?.name ?? null, previousWorkflowId: current.defaultWorkflowId },
    }),
  });
  return { settings, picked };
}

export async function setWorkflowCreators(actor: SpaceActor, workflowCreators: WorkflowCreators): Promise<SpaceAssignments> {
  await requireSpaceAdmin(actor.spaceId, actor.accountId, 'choose who can create workflows');
  return commitSettings(actor, {
    apply: (current) => (workflowCreatorsOf(current) === workflowCreators ? null : { ...current, workflowCreators }),
    audit: (current) => ({ change: 'creatorsSet', workflowId: NONE, details: { workflowCreators, previous: workflowCreatorsOf(current) } }),
  });
}

/**
 * The banner learns the setting from the byline property, where the effects write it with each
 * page's next change; the daily byline check brings every other page in line (docs/readers.md).
 */
export async function setReadersBanner(actor: SpaceActor, shown: boolean): Promise<SpaceAssignments> {
  await requireSpaceAdmin(actor.spaceId, actor.accountId, 'choose whether readers see which version is approved');
  return commitSettings(actor, {
    apply: (current) => (readersBannerShown(current) === shown ? null : { ...current, readersBanner: shown }),
    audit: () => ({ change: 'readersBannerSet', workflowId: NONE, details: { shown } }),
  });
}

function sameAssignment(a: WorkflowAssignment | undefined, b: WorkflowAssignment | undefined): boolean {
  if (a === undefined || b === undefined) return a === b;
  return a.scope === b.scope && a.workflowIds.length === b.workflowIds.length && a.workflowIds.every((id, i) => b.workflowIds[i] === id);
}

export interface AssignmentInput {
  pageId: string;
  /** None: the page's own assignment is removed. */
  workflowIds: string[];
  scope: WorkflowAssignment['scope'];
}

/**
 * `located` is the page or folder as the caller found it in Confluence (it must be in the space);
 * it is looked up alongside the command's own reads, and nothing is written unless it is found.
 */
export async function assignWorkflow<Target extends { node: { title: string } }>(
  actor: SpaceActor,
  { pageId, workflowIds, scope }: AssignmentInput,
  located: Promise<Target>,
): Promise<{ target: Target; assigned: Workflow[] }> {
  const { spaceId } = actor;
  const ids = [...new Set(workflowIds)];
  const [, target, assigned] = await allSettled([requireSpaceAdmin(spaceId, actor.accountId, 'assign workflows to pages'), located, usableWorkflows(spaceId, ids)]);
  const wanted: WorkflowAssignment | undefined = ids.length === 0 ? undefined : { workflowIds: ids, scope };
  const ownOf = (settings: SpaceAssignments) => (Object.hasOwn(settings.pages, pageId) ? settings.pages[pageId] : undefined);
  await commitSettings(actor, {
    pageId,
    apply: (current) => {
      if (sameAssignment(ownOf(current), wanted)) return null;
      const pages = { ...current.pages };
      if (wanted === undefined) delete pages[pageId];
      else pages[pageId] = wanted;
      return { ...current, pages };
    },
    audit: (current) => ({
      change: 'assigned',
      workflowId: ids[0] ?? NONE,
      details: {
        pageId,
        title: target.node.title,
        workflowIds: ids,
        workflowNames: assigned.map((w) => w.name),
        scope: wanted === undefined ? null : scope,
        previous: ownOf(current) ?? null,
      },
    }),
  });
  return { target, assigned };
}

/** A problem with one field of the variable form, at its payload path (`variable.spaceKey`). */
function variableFailure(field: keyof SpaceVariable, message: string): AppError {
  return new AppError('VALIDATION', message, { issues: [{ path: ['variable', field], message }] });
}

const sameName = (a: string, b: string) => a.toLowerCase() === b.toLowerCase();

export interface SpaceVariableChange {
  /** The variable's name as the form opened it; absent when adding one. */
  previousName?: string;
  variable: SpaceVariable;
}

/**
 * Adds or changes one variable, so two admins editing different variables at once both keep
 * their change (the list is re-read and the one variable reapplied after a lost race). The admin
 * must be able to add pages in the target space, as for a workflow's own publish target; the
 * workflows using the variable send copies there from their next run.
 */
export async function saveSpaceVariable(actor: SpaceActor, { previousName, variable }: SpaceVariableChange): Promise<SpaceAssignments> {
  const [, space, saver] = await allSettled([
    requireSpaceAdmin(actor.spaceId, actor.accountId, 'change space variables'),
    requireSpaceViewer(actor.spaceId),
    saverOf(actor.accountId),
  ]);
  if (variable.spaceKey === space.key) throw variableFailure('spaceKey', sameSpaceMessage(space.key));
  const access = await publishTargetAccess(saver, variable);
  if (!access.ok) throw variableFailure(access.field, access.message);
  return commitSettings(actor, {
    apply: (current) => {
      const variables = [...spaceVariablesOf(current)];
      const at = previousName === undefined ? -1 : variables.findIndex((v) => sameName(v.name, previousName));
      if (previousName !== undefined && at === -1) {
        throw new AppError('NOT_FOUND', `The space variable ${previousName} was removed by another admin since you opened it. Nothing was changed: add it again.`);
      }
      if (variables.some((v, index) => index !== at && sameName(v.name, variable.name))) {
        throw variableFailure('name', `There is already a variable named ${variable.name}`);
      }
      if (at !== -1 && JSON.stringify(variables[at]) === JSON.stringify(variable)) return null;
      if (at === -1) variables.push(variable);
      else variables[at] = variable;
      const checked = spaceVariablesSchema.safeParse(variables);
      if (!checked.success) throw variableFailure('name', checked.error.issues[0]?.message ?? 'This variable cannot be added');
      return { ...current, variables: checked.data };
    },
    audit: (current) => ({
      change: 'variableSet',
      workflowId: NONE,
      details: {
        name: variable.name,
        spaceKey: variable.spaceKey,
        parentPageId: variable.parentPageId ?? null,
        previous: spaceVariablesOf(current).find((v) => previousName !== undefined && sameName(v.name, previousName)) ?? null,
      },
    }),
  });
}

/** Removing a variable that is already gone changes nothing. Workflows naming it report it at their next run. */
export async function removeSpaceVariable(actor: SpaceActor, name: string): Promise<SpaceAssignments> {
  await requireSpaceAdmin(actor.spaceId, actor.accountId, 'change space variables');
  return commitSettings(actor, {
    apply: (current) => {
      const variables = spaceVariablesOf(current);
      const kept = variables.filter((v) => !sameName(v.name, name));
      return kept.length === variables.length ? null : { ...current, variables: kept };
    },
    audit: (current) => ({
      change: 'variableRemoved',
      workflowId: NONE,
      details: { name, previous: spaceVariablesOf(current).find((v) => sameName(v.name, name)) ?? null },
    }),
  });
}
