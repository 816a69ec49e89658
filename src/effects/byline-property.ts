/**
 * The byline content property, as the effects consumer writes it after every change (edits,
 * expiry, bulk decisions, and as the backstop for the dialog, which writes the same value through
 * the person's browser right after an action) and as a byline check repairs it. The stored value
 * carries the page-state revision it describes, so a slower writer never replaces a newer status,
 * and the app's signature: a stored value without one was not written by the app (anyone who may
 * edit the page may write its properties), so it outranks nothing, is replaced by the true status
 * and the repair is recorded in the audit trail.
 */
import { bylineSigner } from '../auth/byline-signature';
import { AS_APP } from '../confluence/http';
import { type PropertyBody, updatePageProperty } from '../confluence/properties';
import { type ContentType } from '../shared/content';
import { BYLINE_PROPERTY_KEY, type BylineProperties, storedBylineIsNewer } from '../shared/byline';
import { createAuditEntryOnce } from '../storage/audit';
import { sealAuditEntries } from '../storage/audit-chain';
import { bylineRepairEntry } from '../storage/audit-rows';

export interface BylineTarget {
  pageId: string;
  spaceId: string;
  type: ContentType;
}

const shownText = (value: unknown, field: 'title' | 'tooltip'): string => {
  const shown = typeof value === 'object' && value !== null ? (value as Record<string, unknown>)[field] : undefined;
  return typeof shown === 'string' ? shown : '';
};

/** True when something was written. */
export async function writeBylineProperty({ pageId, spaceId, type }: BylineTarget, byline: BylineProperties, revision: number): Promise<boolean> {
  const signer = await bylineSigner();
  const value = signer.sign(pageId, byline, revision);
  const repairs: string[] = [];
  const written = await updatePageProperty<unknown>(
    AS_APP,
    pageId,
    BYLINE_PROPERTY_KEY,
    async (current, stored: PropertyBody<unknown> | undefined) => {
      if (stored === undefined) return value;
      const authentic = signer.verified(pageId, current);
      if (authentic !== undefined) return storedBylineIsNewer(authentic, value) ? undefined : value;
      // Recorded before the write: a write that fails is retried, and finds the same version again.
      const found = { title: shownText(current, 'title'), tooltip: shownText(current, 'tooltip'), version: stored.version.number, ...(stored.version.authorId ? { writtenBy: stored.version.authorId } : {}) };
      const repair = bylineRepairEntry({ pageId, spaceId, propertyId: stored.id, found, written: { title: value.title, tooltip: value.tooltip, revision } }, new Date().toISOString());
      await createAuditEntryOnce(repair);
      repairs.push(repair.key);
      return value;
    },
    type,
  );
  // A repair only joins the chain, and this job already runs in the space's lane (in chain order),
  // so it is sealed here; if sealing fails, the hourly sweeper finds the entry unsealed.
  if (repairs.length > 0) await sealAuditEntries([...new Set(repairs)]);
  return written;
}
