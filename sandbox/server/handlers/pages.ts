/**
 * `POST /__sandbox/pages/:id/edit`: a person saving the page in Confluence's editor. The
 * emulator decides permissions exactly as for the REST call, so refusals carry Confluence's
 * status (404 for a page the user cannot see, 403 for one they may not edit).
 */
import { z } from 'zod';
import { ConfluenceError } from '../../confluence';
import { type ServerDeps } from '../deps';
import { HttpError, type Reply, jsonReply, validateBody } from '../http-io';
import { type RequestContext } from '../router';
import { requireUser, siteOf } from '../site';

const editSchema = z.object(
  {
    accountId: z.string({ error: 'accountId is required: the user who edits the page' }).min(1, 'accountId must not be empty'),
    title: z.string({ error: 'title must be a string' }).min(1, 'title must not be empty').optional(),
    body: z.string({ error: 'body must be a string of storage-format XHTML' }).optional(),
    minorEdit: z.boolean({ error: 'minorEdit must be true or false' }).optional(),
  },
  { error: 'The body must be a JSON object {accountId, title?, body?, minorEdit?}' },
);

export async function editPage({ sandbox }: ServerDeps, ctx: RequestContext): Promise<Reply> {
  const edit = validateBody(editSchema, await ctx.json());
  requireUser(sandbox, edit.accountId);
  const pageId = ctx.params.id;
  try {
    // The page-updated trigger is queued, not awaited: POST /__sandbox/drain waits for it.
    await sandbox.editPage(pageId, edit.accountId, { title: edit.title, body: edit.body, minorEdit: edit.minorEdit });
  } catch (error) {
    if (error instanceof ConfluenceError) throw new HttpError(error.status, error.code, error.message);
    throw error;
  }
  const page = siteOf(sandbox).page(pageId);
  if (page === undefined) throw new Error(`Page ${pageId} vanished right after it was edited`);
  return jsonReply(200, { id: page.id, spaceId: page.spaceId, status: page.status, title: page.title, version: page.version });
}
