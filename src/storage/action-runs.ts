/**
 * The record of one run of a state's actions (key `<requestId>:<revision>`, entity `action-run`):
 * each action's outcome as it finishes, which run holds the run now, and whether its history
 * entry is written. A redelivered job reads it to skip what already happened; every write is
 * conditioned on the row's revision, so two deliveries running at once cannot both claim the run.
 */
import { Filter, FilterConditions, kvs } from '@forge/kvs';
import { isConditionFailure } from './condition-failure';
import { ENTITY } from './entities';

/** What one action did, as the history entry will list it. */
export interface ActionRunResult {
  /** The action's position in its state's list. */
  index: number;
  action: string;
  ok: boolean;
  message: string;
}

export interface ActionRunRecord {
  results: ActionRunResult[];
  /** The delivery running the actions now, until when it may be running at the latest (ISO). */
  claim?: { holder: string; until: string };
  /** The history entry is written: a later delivery has nothing left to do. */
  finished: boolean;
}

/** Key: `${requestId}:${revision}`. `revision` is the lock of the record's writers. */
interface ActionRunRow {
  revision: number;
  body: ActionRunRecord;
}

/** A record as read, with the revision a later write is conditioned on (0: none yet). */
export interface StoredActionRun {
  record: ActionRunRecord;
  revision: number;
}

export const actionRunKey = (requestId: string, revision: number): string => `${requestId}:${revision}`;

const table = () => kvs.entity<ActionRunRow>(ENTITY.actionRun);

export async function getActionRun(key: string): Promise<StoredActionRun> {
  const row = await table().get(key);
  return row === undefined ? { record: { results: [], finished: false }, revision: 0 } : { record: row.body, revision: row.revision };
}

/** Stores `record` if nobody wrote since `expectedRevision` was read; its new revision, or null (nothing written) when someone did. */
export async function saveActionRun(key: string, record: ActionRunRecord, expectedRevision: number): Promise<number | null> {
  const revision = expectedRevision + 1;
  const condition = expectedRevision === 0 ? FilterConditions.notExists() : FilterConditions.equalTo(expectedRevision);
  try {
    await kvs
      .transact()
      .set<ActionRunRow>(key, { revision, body: record }, { entityName: ENTITY.actionRun, conditions: new Filter<ActionRunRow>().and('revision', condition) })
      .execute();
    return revision;
  } catch (error) {
    if (isConditionFailure(error)) return null;
    throw error;
  }
}
