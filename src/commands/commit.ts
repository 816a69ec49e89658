/**
 * Every change to a page's approval state is committed here: decide (the command's `plan`, which
 * asks the domain), write conditioned on the revision it was decided from, and when someone else
 * committed first, decide again from a fresh read, so no decision is lost or counted twice. Once
 * the change has landed, its effects are emitted.
 */
import { AppError } from '../shared/errors';
import { ATTEMPTS, LOST_RACE, retryLostRaces } from '../shared/retry-policy';
import { type AuditEntry } from '../storage/audit';
import { commitPageChange, type PageChange } from '../storage/page-changes';
import { getPageRecord, type PageRecord } from '../storage/page-state';
import { emit } from './emit';

export interface Planned<T> {
  value: T;
  /** null: nothing to write (a repeat, or a change that is already there). */
  change: PageChange | null;
}

export interface Changed<T> {
  value: T;
  record: PageRecord | undefined;
  /** The audit entries the change wrote: index queries may not return them yet. */
  written: AuditEntry[];
}

/**
 * Decides and commits a change to one page. `first` is the record already read with the caller's
 * other data (undefined: the page has none yet); `plan` must be free of side effects, as it runs
 * again after every lost race. `effects: 'caller'` leaves the emit to a caller that commits many
 * changes in one job and queues their effects together (`emitGathered`): one push per change
 * would spend the queue's events-per-minute on a daily job's thousands of expiries.
 */
export async function changePage<T>(
  pageId: string,
  first: PageRecord | undefined,
  plan: (record: PageRecord | undefined) => Promise<Planned<T>> | Planned<T>,
  { effects = 'emit' }: { effects?: 'emit' | 'caller' } = {},
): Promise<Changed<T>> {
  let record = first;
  const outcome = await retryLostRaces(ATTEMPTS.pageChange, async (attempt) => {
    if (attempt > 1) record = await getPageRecord(pageId);
    const { value, change } = await plan(record);
    if (change === null) return { value, record, written: [] };
    const committed = await commitPageChange(change);
    if (committed === null) return LOST_RACE;
    if (effects === 'emit') await emit(change.base.spaceId, committed.audit.map((entry) => entry.key), change.base.pageId);
    return { value, record: committed.record, written: committed.audit };
  });
  if (outcome === LOST_RACE) {
    throw new AppError('CONFLICT', 'Many people are changing this page’s approval at the same moment. Nothing was changed; please try again.');
  }
  return outcome;
}
