/**
 * The audit trail's rows: reading entries by key, a page's history, and the entries whose
 * effects have not run yet. Entries are written unsealed by the command that made the change
 * (in its transaction); src/storage/audit-chain.ts seals them into the space's hash chain.
 */
import { Filter, FilterConditions, kvs, Sort, WhereConditions } from '@forge/kvs';
import { isConditionFailure } from './condition-failure';
import { type AuditRow, ENTITY, INDEX } from './entities';

/** A sealed row also stores the hash of the entry before it: the chain's link. */
export interface StoredAuditRow extends AuditRow {
  prevHash?: string;
}

export interface AuditEntry {
  key: string;
  row: StoredAuditRow;
}

export interface AuditPage {
  rows: AuditEntry[];
  cursor?: string;
}

/** The storage service's batch limit. */
const BATCH_SIZE = 25;
const HISTORY_PAGE = 20;
const MAX_PAGE = 100;

export const auditTable = () => kvs.entity<StoredAuditRow>(ENTITY.auditEvent);

/**
 * Stores an entry that records a fact rather than a change (a step became overdue, a byline was
 * repaired): created once, never overwritten, so a second run, or two at once, record nothing
 * new. True when this call created it.
 */
export async function createAuditEntryOnce({ key, row }: AuditEntry): Promise<boolean> {
  try {
    await kvs
      .transact()
      .set(key, row, { entityName: ENTITY.auditEvent, conditions: new Filter<AuditRow>().and('sealed', FilterConditions.notExists()) })
      .execute();
    return true;
  } catch (error) {
    if (!isConditionFailure(error)) throw error;
    return false;
  }
}

/** The entries stored under these keys, in the order asked; keys with no entry are left out. */
export async function getAuditEntries(keys: readonly string[]): Promise<AuditEntry[]> {
  const unique = [...new Set(keys)];
  const found = new Map<string, StoredAuditRow>();
  for (let i = 0; i < unique.length; i += BATCH_SIZE) {
    const batch = unique.slice(i, i + BATCH_SIZE).map((key) => ({ key, entityName: ENTITY.auditEvent }));
    const result = await kvs.batchGet<StoredAuditRow>(batch);
    for (const item of result.successfulKeys) found.set(item.key, item.value);
    const failed = result.failedKeys.filter((item) => item.error.code !== 'KEY_NOT_FOUND');
    if (failed.length > 0) throw new Error(`Could not read audit entries: ${failed.map((item) => `${item.key} (${item.error.code})`).join(', ')}`);
  }
  return unique.flatMap((key) => {
    const row = found.get(key);
    return row === undefined ? [] : [{ key, row }];
  });
}

/**
 * A page's history, newest first, sealed or not (an entry shows as soon as its change is committed).
 * The index query is eventually consistent (storage-reference/entities, "Data consistency"), so
 * the first page also shows `justWritten`, the entries of a change committed in this invocation,
 * which the index may not return yet; those the index already has are taken from it.
 */
export async function pageHistory(pageId: string, cursor?: string, limit: number = HISTORY_PAGE, justWritten: readonly AuditEntry[] = []): Promise<AuditPage> {
  let query = auditTable()
    .query()
    .index(INDEX.auditEvent.byPage, { partition: [pageId] })
    .sort(Sort.DESC)
    .limit(Math.min(Math.max(1, limit), MAX_PAGE));
  if (cursor !== undefined) query = query.cursor(cursor);
  const result = await query.getMany();
  const rows = result.results.map(({ key, value }) => ({ key, row: value }));
  const indexed = new Set(rows.map((entry) => entry.key));
  const missing = cursor === undefined ? justWritten.filter((entry) => entry.row.pageId === pageId && !indexed.has(entry.key)) : [];
  return { rows: [...missing, ...rows], ...(result.nextCursor ? { cursor: result.nextCursor } : {}) };
}

/** Unsealed entries written before `before` (ISO), oldest first: effects that never ran. */
export async function unsealedBefore(before: string, cursor?: string): Promise<AuditPage> {
  let query = auditTable()
    .query()
    .index(INDEX.auditEvent.bySealedAt, { partition: [false] })
    .where(WhereConditions.lessThan(before))
    .sort(Sort.ASC)
    .limit(MAX_PAGE);
  if (cursor !== undefined) query = query.cursor(cursor);
  const result = await query.getMany();
  return { rows: result.results.map(({ key, value }) => ({ key, row: value })), ...(result.nextCursor ? { cursor: result.nextCursor } : {}) };
}

/**
 * Up to `limit` of a space's unsealed entries, from the `by-space-seq` index: what other changes of
 * the space are waiting for their effects, so one effects job can take them on together. The index
 * lags, so this is a head start only: every change's own job still names its entries.
 */
export async function unsealedOfSpace(spaceId: string, limit: number): Promise<string[]> {
  if (limit <= 0) return [];
  const result = await auditTable()
    .query()
    .index(INDEX.auditEvent.bySpaceSeq, { partition: [spaceId, false] })
    .limit(Math.min(limit, MAX_PAGE))
    .getMany();
  return result.results.map(({ key }) => key);
}
