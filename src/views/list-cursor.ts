/**
 * The position in a paged list, as the screens get it: the app's own token around the cursor
 * storage or Confluence gave. Only a token the app handed out is taken back; anything else
 * (`%%%{}`, `-1`, a number, a cursor of another list) is VALIDATION with a message the person
 * can act on, never a storage or Confluence error.
 */
import { ForgeKvsAPIError } from '@forge/kvs';
import { z } from 'zod';
import { AppError } from '../shared/errors';

const tokenSchema = z.object({ list: z.string(), after: z.string().min(1) }).strict();

const STALE = 'This list position is not valid any more: go back to the first page and try again.';

export function handOutCursor(list: string, after: string | undefined): string | undefined {
  return after === undefined ? undefined : Buffer.from(JSON.stringify({ list, after }), 'utf8').toString('base64url');
}

/** The store's cursor inside a token this list handed out; VALIDATION for anything else. */
export function takeBackCursor(list: string, cursor: string | undefined): string | undefined {
  if (cursor === undefined) return undefined;
  if (!/^[A-Za-z0-9_-]+$/.test(cursor)) throw new AppError('VALIDATION', STALE);
  let decoded: unknown;
  try {
    decoded = JSON.parse(Buffer.from(cursor, 'base64url').toString('utf8'));
  } catch {
    throw new AppError('VALIDATION', STALE);
  }
  const token = tokenSchema.safeParse(decoded);
  if (!token.success || token.data.list !== list) throw new AppError('VALIDATION', STALE);
  return token.data.after;
}

/**
 * Reads a page from a cursor: a cursor the store refuses (storage answers 400, Confluence a 400
 * the client reports as VALIDATION) is the same refusal as a token the app never handed out.
 */
export async function readFrom<T>(after: string | undefined, read: () => Promise<T>): Promise<T> {
  try {
    return await read();
  } catch (error) {
    if (after === undefined) throw error;
    const refusedByStorage = error instanceof ForgeKvsAPIError && error.responseDetails.status === 400;
    const refusedByConfluence = error instanceof AppError && error.code === 'VALIDATION';
    if (refusedByStorage || refusedByConfluence) throw new AppError('VALIDATION', STALE);
    throw error;
  }
}
