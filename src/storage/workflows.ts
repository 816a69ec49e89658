/**
 * Workflow definitions (entity `workflow`, key = workflowId). A row's indexed attributes
 * mirror its body so the space's list is one index query; `revision` is the editor's
 * optimistic lock and every write is one transaction together with its audit entries.
 */
import { Filter, FilterConditions, kvs } from '@forge/kvs';
import { type Workflow } from '../shared/workflow';
import { isConditionFailure } from './condition-failure';
import { type AuditEntry } from './audit';
import { ENTITY, INDEX, type WorkflowRow } from './entities';

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

function withAudit(audit: readonly AuditEntry[]) {
  let transaction = kvs.transact();
  for (const entry of audit) transaction = transaction.set(entry.key, entry.row, { entityName: ENTITY.auditEvent });
  return transaction;
}

/**
 * Writes a workflow and its audit entries in one transaction, provided the stored revision
 * is still `expectedRevision` (`null` for a new workflow). Returns false when someone else
 * changed (or created, or deleted) it first; nothing is written then.
 */
export async function saveWorkflow(
  workflow: Workflow,
  updatedBy: string,
  expectedRevision: number | null,
  audit: readonly AuditEntry[],
): Promise<boolean> {
  try {
    await withAudit(audit)
      .set(workflow.id, rowOf(workflow, updatedBy), { entityName: ENTITY.workflow, conditions: revisionCondition(expectedRevision) })
      .execute();
    return true;
  } catch (error) {
    if (isConditionFailure(error)) return false;
    throw error;
  }
}

/** Deletes a workflow and writes its audit entries, unless it changed since `expectedRevision`. */
export async function deleteWorkflow(workflowId: string, expectedRevision: number, audit: readonly AuditEntry[]): Promise<boolean> {
  try {
    await withAudit(audit).delete(workflowId, { entityName: ENTITY.workflow, conditions: revisionCondition(expectedRevision) }).execute();
    return true;
  } catch (error) {
    if (isConditionFailure(error)) return false;
    throw error;
  }
}
