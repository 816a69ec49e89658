/**
 * A space's default workflow, its page/subtree assignments and who may create workflows there: one `space-settings` row per
 * space (key = spaceId), so resolving the workflows of any page or of a whole tree level costs
 * one get. Admin edits are transactions conditioned on the row's revision, with their audit
 * entries in the same transaction.
 *
 * Capacity: a row holds at most 240 KiB. One assignment of one workflow costs about 88 bytes
 * (`"<10-digit pageId>":{"workflowIds":["<uuid>"],"scope":"subtree"},`), so a space holds about
 * 2,700 single-workflow assignments (fewer when pages get several workflows); subtree assignments
 * make that plenty. `saveSpaceAssignments` refuses a change past the limit with a message that
 * suggests assigning subtrees instead.
 */
import { Filter, FilterConditions, kvs } from '@forge/kvs';
import { AppError } from '../shared/errors';
import { type SpaceVariable } from '../shared/space-variables';
import { type WorkflowCreators } from '../shared/workflow';
import { isConditionFailure } from './condition-failure';
import { ENTITY, type SpaceAssignments, type SpaceSettingsRow } from './entities';
import { type AuditEntry } from './audit';

export type { SpaceAssignments } from './entities';

/** The space's settings as read, with the revision a later save is conditioned on (0: never saved). */
export interface VersionedAssignments {
  assignments: SpaceAssignments;
  revision: number;
}

/** Leaves room for the row's other attributes and the storage's own overhead. */
const MAX_BODY_BYTES = 235 * 1024;

export async function getVersionedAssignments(spaceId: string): Promise<VersionedAssignments> {
  const row = await kvs.entity<SpaceSettingsRow>(ENTITY.spaceSettings).get(spaceId);
  return row === undefined ? { assignments: { defaultWorkflowId: null, pages: {} }, revision: 0 } : { assignments: row.body, revision: row.revision };
}

/** Rows saved before the setting existed say nothing: everyone may create workflows, as then. */
export function workflowCreatorsOf(settings: SpaceAssignments): WorkflowCreators {
  return settings.workflowCreators ?? 'everyone';
}

/** Rows saved before the setting existed say nothing: readers see the banner, its default. */
export function readersBannerShown(settings: SpaceAssignments): boolean {
  return settings.readersBanner ?? true;
}

/** Rows saved before space variables existed have none. */
export function spaceVariablesOf(settings: SpaceAssignments): readonly SpaceVariable[] {
  return settings.variables ?? [];
}

export async function getSpaceAssignments(spaceId: string): Promise<SpaceAssignments> {
  return (await getVersionedAssignments(spaceId)).assignments;
}

/**
 * Saves the space's assignments if nobody changed them since `expectedRevision` was read.
 * Returns false (and writes nothing) when someone did; the caller re-reads and reapplies.
 */
export async function saveSpaceAssignments(
  spaceId: string,
  assignments: SpaceAssignments,
  expectedRevision: number,
  updatedAt: string,
  audit: readonly AuditEntry[],
): Promise<boolean> {
  if (Buffer.byteLength(JSON.stringify(assignments), 'utf8') > MAX_BODY_BYTES) {
    throw new AppError(
      'PRECONDITION',
      'This space has reached the most page assignments ApprovalFlow can keep. Nothing was changed: ' +
        'assign workflows to parent pages with "this page and its children" instead of page by page.',
    );
  }
  const row: SpaceSettingsRow = { revision: expectedRevision + 1, updatedAt, body: assignments };
  const condition = expectedRevision === 0 ? FilterConditions.notExists() : FilterConditions.equalTo(expectedRevision);
  let transaction = kvs.transact();
  for (const entry of audit) transaction = transaction.set(entry.key, entry.row, { entityName: ENTITY.auditEvent });
  try {
    await transaction
      .set(spaceId, row, { entityName: ENTITY.spaceSettings, conditions: new Filter<SpaceSettingsRow>().and('revision', condition) })
      .execute();
    return true;
  } catch (error) {
    if (isConditionFailure(error)) return false;
    throw error;
  }
}
