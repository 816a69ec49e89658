/**
 * The audit entry of a byline repair: the app found its byline property holding a value it did
 * not sign and put the true status back. One entry per forged property version (its id and
 * version number are in the key), created only once: a retried repair, or two at once, record
 * it once. Written unsealed, like every entry; the effects seal it into the space's chain.
 */
import { Filter, FilterConditions, kvs } from '@forge/kvs';
import { isConditionFailure } from './condition-failure';
import { type AuditRow, ENTITY, type ForgedByline, NONE } from './entities';

export const BYLINE_REPAIRED = 'byline.repaired';

/** The property's author chose this text: keep enough to recognise it, never all of it. */
const SHOWN_CHARS = 200;

export interface BylineRepair {
  pageId: string;
  spaceId: string;
  propertyId: string;
  found: ForgedByline;
  written: { title: string; tooltip: string; revision: number };
}

export const bylineRepairKey = (pageId: string, propertyId: string, version: number): string => `byline-repaired:${pageId}:${propertyId}:${version}`;

/** Records the repair (once) and returns its entry's key. */
export async function recordBylineRepair(repair: BylineRepair, at: string): Promise<string> {
  const key = bylineRepairKey(repair.pageId, repair.propertyId, repair.found.version);
  const row: AuditRow = {
    spaceId: repair.spaceId,
    pageId: repair.pageId,
    sealed: false,
    seq: 0,
    at,
    type: BYLINE_REPAIRED,
    actorId: NONE,
    hash: NONE,
    body: {
      kind: 'byline',
      found: { ...repair.found, title: repair.found.title.slice(0, SHOWN_CHARS), tooltip: repair.found.tooltip.slice(0, SHOWN_CHARS) },
      written: repair.written,
    },
  };
  try {
    await kvs
      .transact()
      .set(key, row, { entityName: ENTITY.auditEvent, conditions: new Filter<AuditRow>().and('sealed', FilterConditions.notExists()) })
      .execute();
  } catch (error) {
    if (!isConditionFailure(error)) throw error;
  }
  return key;
}
