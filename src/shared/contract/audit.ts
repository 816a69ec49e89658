/**
 * The audit export's shape (settings `exportAudit`, `checkPinnedHead`): each entry with what its
 * hash covers, so an auditor can recompute the chain offline (docs/audit.md), and the chain head
 * as of the export, which the auditor keeps as `seq:hash` to pin the chain.
 */
import { z } from 'zod';
import { type HistoryEntryView } from './common';

/** Exactly what an entry's hash covers: `hash` is the SHA-256 of this object's canonical JSON (docs/audit.md). */
export interface AuditHashedView {
  seq: number;
  prevHash: string;
  key: string;
  spaceId: string;
  pageId: string;
  at: string;
  type: string;
  actorId: string;
  /** SHA-256 of `body`'s canonical JSON. */
  bodyHash: string;
}

/** What the summary of an entry on a page the exporting admin cannot view says instead. */
export const RESTRICTED_PAGE = 'restricted page';

export interface AuditExportEntryView extends HistoryEntryView {
  seq: number;
  hash: string;
  hashed: AuditHashedView;
  /**
   * The stored body as hashed. Absent on a restricted page, with the page title, comment and
   * summary details: the entry keeps its place and its hashes, so the chain still recomputes.
   */
  body?: Record<string, unknown>;
  /** The page's current title, when the exporting admin can view it. */
  pageTitle?: string;
  /** The entry is about a page a view restriction hides from the exporting admin. */
  restricted: boolean;
}

export interface ChainHeadView {
  seq: number;
  hash: string;
  /** When this export read the head. */
  at: string;
}

export interface AuditExportView {
  entries: AuditExportEntryView[];
  cursor?: string;
  /** This page links to the previous one and verifies; the last page also ends at the head. */
  chainVerified: boolean;
  /** The chain head when this page was read: keep `seq:hash` outside the app to pin the chain. */
  head: ChainHeadView;
  /** Entries of this page whose page the exporting admin cannot view (their details are withheld). */
  restrictedEntries: number;
}

const PINNED_HEAD = /^([1-9][0-9]{0,9}):([0-9a-fA-F]{64})$/;

/** A head copied from an earlier export, as `seq:hash`. */
export const pinnedHeadSchema = z
  .string()
  .trim()
  .regex(PINNED_HEAD, 'Paste the head of an earlier export as seq:hash, for example 42: followed by the 64-character hash')
  .transform((text) => {
    const colon = text.indexOf(':');
    return { seq: Number(text.slice(0, colon)), hash: text.slice(colon + 1).toLowerCase() };
  });

export interface PinnedHeadCheckView {
  /** `intact`: the chain still contains the pinned entry unchanged and continues intact to the head. */
  outcome: 'intact' | 'broken';
  /** What the screen says, in a sentence. */
  message: string;
  /** The first broken or missing entry. */
  brokenSeq?: number;
  head: ChainHeadView;
}
