/**
 * Workflow definitions (entity `workflow`, key = workflowId). A row's indexed attributes
 * mirror its body so the space's list is one index query; `revision` is the editor's
 * optimistic lock and every write is one transaction together with its audit entries.
 *
 * Names are unique in a space. The space's list comes from an index that may lag writes
 * (storage-reference/entities, "Data consistency"), so two workflows saved a moment apart
 * could both pass a check against it; the guarantee is a `workflow-name` row per taken name,
 * written in the same transaction as the workflow and conditioned on the name being free
 * (transaction conditions are checked against the stored rows, like a get).
 */
import { createHash } from 'node:crypto';
import { Filter, FilterConditions, kvs } from '@forge/kvs';
import { normalisedWorkflowName } from '../domain/workflow-name';
import { ATTEMPTS, LOST_RACE, retryLostRaces } from '../shared/retry-policy';
import { type Workflow } from '../shared/workflow';
import { isConditionFailure } from './condition-failure';
import { type AuditEntry } from './audit';
import { ENTITY, INDEX, type WorkflowEditorRow, type WorkflowNameRow, type WorkflowRow } from './entities';
import { recordWorkflowEdit, versionedEdits, workflowEditorKey } from './workflow-editors';

const PAGE_SIZE = 100;

export async function getWorkflowRow(workflowId: string): Promise<WorkflowRow | undefined> {
  return kvs.entity<WorkflowRow>(ENTITY.workflow).get(workflowId);
}

export async function getWorkflow(workflowId: string): Promise<Workflow | undefined> {
  return (await getWorkflowRow(workflowId))?.body;
}

/** Every workflow of a space, in name order (the by-space index, all of its pages). */
export async function listSpaceWorkflows(spaceId: string): Promise<Workflow[]> {
  const workflows: Workflow[] = [];
  let cursor: string | undefined;
  do {
    let query = kvs.entity<WorkflowRow>(ENTITY.workflow).query().index(INDEX.workflow.bySpace, { partition: [spaceId] }).limit(PAGE_SIZE);
    if (cursor !== undefined) query = query.cursor(cursor);
    const page = await query.getMany();
    workflows.push(...page.results.map((r) => r.value.body));
    cursor = page.nextCursor;
  } while (cursor !== undefined);
  return workflows;
}

/** The storage service's batch limit. */
const BATCH_SIZE = 25;

/**
 * Workflows by id, read by key: strongly consistent, unlike the space's index, so a workflow
 * written a moment ago is found (storage-reference/entities, "Data consistency"). Ids with no
 * workflow are left out.
 */
export async function getWorkflowsByIds(ids: readonly string[]): Promise<Workflow[]> {
  const unique = [...new Set(ids)];
  const found = new Map<string, Workflow>();
  for (let i = 0; i < unique.length; i += BATCH_SIZE) {
    const result = await kvs.batchGet<WorkflowRow>(unique.slice(i, i + BATCH_SIZE).map((key) => ({ key, entityName: ENTITY.workflow })));
    for (const item of result.successfulKeys) found.set(item.key, item.value.body);
    const failed = result.failedKeys.filter((item) => item.error.code !== 'KEY_NOT_FOUND');
    if (failed.length > 0) throw new Error(`Could not read workflows: ${failed.map((item) => `${item.key} (${item.error.code})`).join(', ')}`);
  }
  return unique.flatMap((id) => found.get(id) ?? []);
}

/**
 * A space's list as the index gave it, with workflows read by key put in place of (or among)
 * the listed ones, in the index's name order: the list as it is after a write the index may
 * not show yet.
 */
export function withCurrent(listed: readonly Workflow[], current: readonly Workflow[]): Workflow[] {
  const byId = new Map(listed.map((workflow) => [workflow.id, workflow]));
  for (const workflow of current) byId.set(workflow.id, workflow);
  return [...byId.values()].sort((a, b) => (a.name < b.name ? -1 : a.name > b.name ? 1 : 0));
}

/** `listed` with the workflows of `ids` as read by key: changed in place, left out when deleted or moved to another space. */
function mergeCurrent(spaceId: string, listed: readonly Workflow[], ids: readonly string[], current: readonly Workflow[]): Workflow[] {
  const reread = new Set(ids);
  return withCurrent(
    listed.filter((workflow) => !reread.has(workflow.id)),
    current.filter((workflow) => workflow.spaceId === spaceId),
  );
}

/**
 * The space's list with the workflows named in `changedIds` as they are now, read by key: the
 * index may still show a workflow the caller just changed in its old form, miss one just created
 * or list one just deleted. Ids of other spaces are ignored. One index query and one batch read
 * per 25 ids, in parallel.
 */
export async function listSpaceWorkflowsFresh(spaceId: string, changedIds: readonly string[]): Promise<Workflow[]> {
  const [listed, current] = await Promise.all([listSpaceWorkflows(spaceId), getWorkflowsByIds(changedIds)]);
  return mergeCurrent(spaceId, listed, changedIds, current);
}

/**
 * The space's list for a name check: a workflow the index lists under `name` is read again by
 * key (one more read, only then), so a rename or delete the index does not show yet frees the
 * name. The name's reservation, not this list, is what keeps names unique.
 */
export async function listSpaceWorkflowsForName(spaceId: string, name: string): Promise<Workflow[]> {
  const listed = await listSpaceWorkflows(spaceId);
  const wanted = normalisedWorkflowName(name);
  const holders = listed.filter((workflow) => normalisedWorkflowName(workflow.name) === wanted).map((workflow) => workflow.id);
  if (holders.length === 0) return listed;
  return mergeCurrent(spaceId, listed, holders, await getWorkflowsByIds(holders));
}

function rowOf(workflow: Workflow, updatedBy: string): WorkflowRow {
  return {
    spaceId: workflow.spaceId,
    name: workflow.name,
    enabled: workflow.enabled,
    updatedAt: workflow.updatedAt,
    updatedBy,
    revision: workflow.revision,
    body: workflow,
  };
}

/**
 * Whether the row still has the revision the change was based on (`null`: the row must not
 * exist yet). A new workflow has revision 0; every later write bumps it by one.
 */
function revisionCondition(expectedRevision: number | null) {
  const condition = expectedRevision === null ? FilterConditions.notExists() : FilterConditions.equalTo(expectedRevision);
  return new Filter<WorkflowRow>().and('revision', condition);
}

type Transaction = ReturnType<typeof kvs.transact>;

function withAudit(audit: readonly AuditEntry[]): Transaction {
  let transaction = kvs.transact();
  for (const entry of audit) transaction = transaction.set(entry.key, entry.row, { entityName: ENTITY.auditEvent });
  return transaction;
}

/** Names differ in many characters a storage key may not hold, hence the hash. */
function nameKey(spaceId: string, name: string): string {
  return `${spaceId}:${createHash('sha256').update(normalisedWorkflowName(name), 'utf8').digest('hex')}`;
}

/** The workflow holding `name` in the space, read by key; undefined when nobody does. */
async function nameHolder(spaceId: string, name: string): Promise<string | undefined> {
  return (await kvs.entity<WorkflowNameRow>(ENTITY.workflowName).get(nameKey(spaceId, name)))?.workflowId;
}

/** The name is free, or already this workflow's (an edit keeping its name). */
function freeOrHeldBy(workflowId: string) {
  return new Filter<WorkflowNameRow>().or('workflowId', FilterConditions.notExists()).or('workflowId', FilterConditions.equalTo(workflowId));
}

/**
 * Gives up `name` if this workflow holds it. Workflows saved before names were reserved hold
 * none, and a name held by another workflow is not this one's to release.
 */
async function releaseIfHeld(transaction: Transaction, workflowId: string, spaceId: string, name: string): Promise<Transaction> {
  if ((await nameHolder(spaceId, name)) !== workflowId) return transaction;
  return transaction.delete(nameKey(spaceId, name), {
    entityName: ENTITY.workflowName,
    conditions: new Filter<WorkflowNameRow>().and('workflowId', FilterConditions.equalTo(workflowId)),
  });
}

export type SaveOutcome = 'saved' | 'changed' | 'nameTaken';

/**
 * Writes a workflow, its audit entries and the record that `updatedBy` changed it (see
 * workflow-editors.ts) in one transaction, provided the stored revision
 * is still `expectedRevision` (`null` for a new workflow). `previousName` says the write sets
 * the name (`null`: a new workflow; the name it had: an edit, which gives that name up when it
 * changes); without it the name is left as it is (enable/disable). Nothing is written unless
 * the answer is `saved`: `changed` when someone else changed (or created, or deleted) the
 * workflow first, `nameTaken` when another workflow of the space holds the name.
 */
export async function saveWorkflow(
  workflow: Workflow,
  updatedBy: string,
  expectedRevision: number | null,
  audit: readonly AuditEntry[],
  previousName?: string | null,
): Promise<SaveOutcome> {
  const editor = workflowEditorKey(workflow.spaceId, updatedBy);
  const readEdits = async () => versionedEdits(await kvs.entity<WorkflowEditorRow>(ENTITY.workflowEditor).get(editor.key));
  // Tried again only when the saver's own record of changes moved on: their change to another
  // workflow landed first, and this one is recorded on top of it.
  const outcome = await retryLostRaces<SaveOutcome>(ATTEMPTS.ownEdits, async (attempt) => {
    const edits = await readEdits();
    let transaction = withAudit(audit).set(workflow.id, rowOf(workflow, updatedBy), {
      entityName: ENTITY.workflow,
      conditions: revisionCondition(expectedRevision),
    });
    transaction = recordWorkflowEdit(transaction, edits, { spaceId: workflow.spaceId, accountId: updatedBy, workflowId: workflow.id, at: workflow.updatedAt });
    if (previousName !== undefined) {
      transaction = transaction.set<WorkflowNameRow>(
        nameKey(workflow.spaceId, workflow.name),
        { spaceId: workflow.spaceId, workflowId: workflow.id },
        { entityName: ENTITY.workflowName, conditions: freeOrHeldBy(workflow.id) },
      );
      if (previousName !== null && normalisedWorkflowName(previousName) !== normalisedWorkflowName(workflow.name)) {
        transaction = await releaseIfHeld(transaction, workflow.id, workflow.spaceId, previousName);
      }
    }
    try {
      await transaction.execute();
      return 'saved';
    } catch (error) {
      if (!isConditionFailure(error)) throw error;
      if (attempt < ATTEMPTS.ownEdits && (await readEdits()).revision !== edits.revision) return LOST_RACE;
      if (previousName === undefined) return 'changed';
      const holder = await nameHolder(workflow.spaceId, workflow.name);
      return holder !== undefined && holder !== workflow.id ? 'nameTaken' : 'changed';
    }
  });
  return outcome === LOST_RACE ? 'changed' : outcome;
}

/** Deletes a workflow, frees its name and writes its audit entries, unless it changed since `expectedRevision`. */
export async function deleteWorkflow(workflow: Workflow, expectedRevision: number, audit: readonly AuditEntry[]): Promise<boolean> {
  const transaction = await releaseIfHeld(
    withAudit(audit).delete(workflow.id, { entityName: ENTITY.workflow, conditions: revisionCondition(expectedRevision) }),
    workflow.id,
    workflow.spaceId,
    workflow.name,
  );
  try {
    await transaction.execute();
    return true;
  } catch (error) {
    if (isConditionFailure(error)) return false;
    throw error;
  }
}
