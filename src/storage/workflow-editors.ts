/**
 * Who changed which workflow when (entity `workflow-editor`): one row per person and space, so a
 * decision reads the decider's row in its page batch by a key it knows before the request is read.
 * The row is written in the transaction of the workflow change itself, conditioned on its
 * revision, so two changes by one person at once both stay recorded.
 */
import { Filter, FilterConditions, type kvs } from '@forge/kvs';
import { NO_WORKFLOW_EDITS, type WorkflowEdits, withWorkflowEdit } from '../domain/workflow-edits';
import { type StoredKey } from './batch-read';
import { ENTITY, type WorkflowEditorRow } from './entities';

type Transaction = ReturnType<typeof kvs.transact>;

export function workflowEditorKey(spaceId: string, accountId: string): StoredKey {
  return { key: `${spaceId}:${accountId}`, entityName: ENTITY.workflowEditor };
}

/** The edits as read, with the revision the next change is conditioned on (0: none recorded). */
export interface VersionedEdits {
  edits: WorkflowEdits;
  revision: number;
}

export function versionedEdits(row: WorkflowEditorRow | undefined): VersionedEdits {
  return row === undefined ? { edits: NO_WORKFLOW_EDITS, revision: 0 } : { edits: row.body, revision: row.revision };
}

/** Adds to `transaction` the record of `accountId` changing the workflow at `at`, provided `read` is still current. */
export function recordWorkflowEdit(
  transaction: Transaction,
  read: VersionedEdits,
  change: { spaceId: string; accountId: string; workflowId: string; at: string },
): Transaction {
  const { key, entityName = ENTITY.workflowEditor } = workflowEditorKey(change.spaceId, change.accountId);
  const row: WorkflowEditorRow = { revision: read.revision + 1, body: withWorkflowEdit(read.edits, change.workflowId, change.at) };
  const condition = read.revision === 0 ? FilterConditions.notExists() : FilterConditions.equalTo(read.revision);
  return transaction.set(key, row, { entityName, conditions: new Filter<WorkflowEditorRow>().and('revision', condition) });
}
