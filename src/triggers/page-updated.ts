/**
 * `avi:confluence:updated:page`: every new version of a published page. Forge applies no
 * ignoreSelf filter to Confluence events, so the app recognises its own edits (a title action)
 * by the version's author: those carry the approval over instead of outdating it.
 */
import { pageEdited } from '../commands/page-edited';
import { getAppAccountId } from '../confluence/people';
import { readBatch } from '../storage/batch-read';
import { CACHE, CacheSession } from '../storage/permission-cache';

interface EventUser {
  accountId?: string;
  accountType?: string;
}

interface PageUpdatedEvent {
  atlassianId?: string;
  content?: {
    id?: string | number;
    type?: string;
    status?: string;
    title?: string;
    version?: { number?: number; by?: EventUser };
  };
}

async function isOwnEdit(editor: EventUser): Promise<boolean> {
  // Only an app account can be this app; people's edits need no lookup.
  if (editor.accountType !== 'app' || editor.accountId === undefined) return false;
  const cache = new CacheSession(await readBatch([CACHE.appAccount().key]));
  const appAccountId = await cache.get(CACHE.appAccount(), getAppAccountId);
  await cache.flush();
  return editor.accountId === appAccountId;
}

export async function pageUpdated(event: PageUpdatedEvent): Promise<void> {
  const { content } = event;
  const pageId = content?.id === undefined ? undefined : String(content.id);
  const newVersion = content?.version?.number;
  if (pageId === undefined || newVersion === undefined || content?.type !== 'page' || content.status !== 'current') return;
  const editor: EventUser = content.version?.by ?? { accountId: event.atlassianId };
  const editorId = editor.accountId ?? event.atlassianId;
  if (editorId === undefined) return;
  await pageEdited({ pageId, newVersion, editorId, title: content.title, byApp: await isOwnEdit(editor) });
}
