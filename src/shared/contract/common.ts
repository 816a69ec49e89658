/**
 * Shapes several modules' resolvers share. Everything under src/shared/contract is the
 * resolver contract: a zod schema per payload (the back end validates with it) and a
 * result type per function (the front end's typed `invoke` returns it).
 */
import { z } from 'zod';
import { COMMENT_MAX } from '../limits';

/** A person as the UI shows them; the name comes from Confluence at read time. */
export interface PersonView {
  accountId: string;
  displayName: string;
}

export const cursorSchema = z.string().min(1).max(2000).optional();
export const idSchema = z.string().trim().min(1, 'An id is required').max(200);
export const commentSchema = z.string().trim().max(COMMENT_MAX, `A comment must be at most ${COMMENT_MAX} characters`);
export const requiredCommentSchema = (what: string) =>
  z
    .string({ error: `${what} is required` })
    .trim()
    .min(1, `${what} is required`)
    .max(COMMENT_MAX, `${what} must be at most ${COMMENT_MAX} characters`);
export const daySchema = z.iso.date('Use a date like 2026-11-22');

/** One line of a page's or a space's history, rendered as a sentence with its actor. */
export interface HistoryEntryView {
  id: string;
  at: string;
  type: string;
  actor: PersonView | null;
  pageId: string;
  pageVersion: number | null;
  /** "Bob Smith approved step 1 of 2 (Review)". */
  summary: string;
  comment?: string;
}

export interface HistoryPageView {
  entries: HistoryEntryView[];
  cursor?: string;
}

/** The statuses an admin can force a page into. */
export const overrideTargetSchema = z.enum(['draft', 'approved', 'changesRequested'], {
  error: "Choose Draft, Approved or Changes requested",
});
