/**
 * Shapes several modules' resolvers share. Everything under src/shared/contract is the
 * resolver contract: a zod schema per payload (the back end validates with it) and a
 * result type per function (the front end's typed `invoke` returns it).
 */
import { z } from 'zod';
import { COMMENT_MAX } from '../limits';
import { OVERRIDE_CHOICES, OVERRIDE_TARGETS } from '../override-targets';
import { freeText, requiredFreeText } from '../text';

/** A person as the UI shows them; the name comes from Confluence at read time. */
export interface PersonView {
  accountId: string;
  displayName: string;
}

export const cursorSchema = z.string().min(1).max(2000).optional();
export const commentSchema = freeText('A comment', COMMENT_MAX);
/** A comment that must say something a reader can see (the domain refuses a blank one too). */
export const requiredCommentSchema = (what: string) => requiredFreeText(what, COMMENT_MAX);
export const daySchema = z.iso.date('Use a date like 2026-11-22');

/** One line of a page's or a space's history, rendered as a sentence with its actor. */
export interface HistoryEntryView {
  id: string;
  at: string;
  type: string;
  actor: PersonView | null;
  pageId: string;
  pageVersion: number | null;
  /** The approval request the entry belongs to; null for entries about no request (a workflow change, a byline repair). */
  requestId: string | null;
  /** "Bob Smith approved step 1 of 2 (Review)". */
  summary: string;
  comment?: string;
}

export interface HistoryPageView {
  entries: HistoryEntryView[];
  cursor?: string;
}

export const overrideTargetSchema = z.enum(OVERRIDE_TARGETS, { error: `Choose ${OVERRIDE_CHOICES}` });
