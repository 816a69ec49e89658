/**
 * One schema per kind of id a payload carries. Ids end up in storage keys and Confluence URL
 * paths, so anything outside an id's own alphabet (`req/1`, `prüfung`, `a+b`, `../spaces/1002`,
 * control characters) is refused here as VALIDATION; a well-formed id that names nothing is the
 * reader's NOT_FOUND.
 */
import { z } from 'zod';
import { ACCOUNT_ID_MAX, GROUP_ID_MAX } from '../limits';

/** Confluence v2 takes content and space ids as int64 path parameters (Confluence v2 OpenAPI, `format: int64`). */
const INT64_MAX = '9223372036854775807';

const confluenceId = (what: string) =>
  z
    .string({ error: `${what} is required` })
    .regex(/^[0-9]{1,19}$/, `${what} must be a Confluence id (digits only)`)
    // Digit strings of one length compare like their numbers; every check runs, so this one must not assume the pattern.
    .refine((id) => id.length !== INT64_MAX.length || id <= INT64_MAX, { error: `${what} is not a Confluence id` });

/** A page's, blog post's or folder's id. */
export const contentIdSchema = confluenceId('A page id');
export const spaceIdSchema = confluenceId('A space id');

/**
 * The app's own ids: requests and workflows get a `randomUUID()`; the alphabet is that of a UUID
 * (letters, digits, hyphens), which every id the app has ever handed out stays within.
 */
const appId = (what: string) =>
  z
    .string({ error: `${what} is required` })
    .regex(/^[A-Za-z0-9][A-Za-z0-9-]{0,63}$/, `${what} is not valid: reload and try again`);

export const requestIdSchema = appId('The request id');
export const workflowIdSchema = appId('The workflow id');

/** Atlassian account ids: `557058:<uuid>` or 24 hex digits today; letters, digits, `:`, `_` and `-`. */
export const accountIdSchema = z
  .string({ error: 'An account id is required' })
  .trim()
  .min(1, 'An account id cannot be empty')
  .max(ACCOUNT_ID_MAX, `An account id must be at most ${ACCOUNT_ID_MAX} characters`)
  .regex(/^[A-Za-z0-9:_-]+$/, 'An account id has only letters, digits, colons, underscores and hyphens');

/** Confluence group ids are UUIDs; letters, digits, `.`, `_` and `-`. */
export const groupIdSchema = z
  .string({ error: 'A group needs a group id' })
  .trim()
  .min(1, 'A group needs a group id')
  .max(GROUP_ID_MAX, `A group id must be at most ${GROUP_ID_MAX} characters`)
  .regex(/^[A-Za-z0-9._-]+$/, 'A group id has only letters, digits, dots, underscores and hyphens');

/**
 * A space key as the REST API's paths carry it: letters and digits, or `~` and an account id for
 * a personal space (Confluence v2 `getSpaces` takes keys as strings; the alphabet is the keys
 * Confluence hands out).
 */
export const spaceKeySchema = z
  .string({ error: 'A space key is required' })
  .regex(/^(?:[A-Za-z0-9]{1,255}|~[A-Za-z0-9:_-]{1,128})$/, 'A space key has only letters and digits (or ~ and an account id for a personal space)');
