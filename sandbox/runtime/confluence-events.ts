import { type ConfluencePort, type PageUpdatedEvent } from './confluence-port';
import { type JsonObject, isRecord } from './types';

/**
 * Builds the `avi:confluence:updated:page` payload as events-reference/confluence documents it.
 * Details the page-updated notification lacks (creator, space name) are read from the emulator
 * directly, off the op log: the platform, not the app, assembles the event.
 */
async function readJson(confluence: ConfluencePort, path: string): Promise<Record<string, unknown>> {
  try {
    const response = await confluence.handle({ method: 'GET', path, headers: { accept: 'application/json' }, actor: { kind: 'app' } });
    if (response.status !== 200) return {};
    const parsed: unknown = JSON.parse(response.body);
    return isRecord(parsed) ? parsed : {};
  } catch {
    return {};
  }
}

function text(value: unknown, fallback: string): string {
  return typeof value === 'string' && value.length > 0 ? value : fallback;
}

/** Personal data in event users is replaced by the account id, as the documentation says. */
function user(accountId: string, appAccountId: string): JsonObject {
  return {
    type: 'known',
    username: accountId,
    accountId,
    accountType: accountId === appAccountId ? 'app' : 'atlassian',
    email: accountId,
    publicName: accountId,
    displayName: accountId,
    profilePicture: { path: `/wiki/aa-avatar/${accountId}`, width: 48, height: 48, isDefault: false },
    isExternalCollaborator: false,
  };
}

export const PAGE_UPDATED = 'avi:confluence:updated:page';
/** Same payload as updated:page with `content.type: 'blogpost'` (events-reference/confluence). */
export const BLOGPOST_UPDATED = 'avi:confluence:updated:blogpost';

export function updatedEventType(event: PageUpdatedEvent): string {
  return event.contentType === 'blogpost' ? BLOGPOST_UPDATED : PAGE_UPDATED;
}
export const PAGE_EVENT_SCOPE = 'read:confluence-content.summary';

/** `selfGenerated`: the app receiving the event caused it (events-reference/confluence, payload). */
export async function pageUpdatedPayload(confluence: ConfluencePort, event: PageUpdatedEvent, selfGenerated: boolean): Promise<JsonObject> {
  const [page, space] = await Promise.all([
    readJson(confluence, `/wiki/api/v2/${event.contentType === 'blogpost' ? 'blogposts' : 'pages'}/${encodeURIComponent(event.pageId)}`),
    readJson(confluence, `/wiki/api/v2/spaces/${encodeURIComponent(event.spaceId)}`),
  ]);
  const app = confluence.appAccountId;
  const creator = text(page.authorId, event.editorAccountId);
  return {
    eventType: updatedEventType(event),
    atlassianId: event.editorAccountId,
    eventCreatedDate: event.at,
    // Undocumented mapping (docs/sandbox-runtime.md): a minor edit notifies nobody.
    suppressNotifications: event.minorEdit === true,
    selfGenerated,
    updateTrigger: 'edit_page',
    content: {
      id: event.pageId,
      type: event.contentType,
      status: text(page.status, 'current'),
      title: event.title,
      space: {
        id: /^\d+$/.test(event.spaceId) ? Number(event.spaceId) : event.spaceId,
        key: event.spaceKey,
        alias: event.spaceKey,
        name: text(space.name, event.spaceKey),
        icon: { path: '/images/logo/default-space-logo-256.png', width: 48, height: 48, isDefault: true },
        type: text(space.type, 'global'),
        status: text(space.status, 'current'),
      },
      history: {
        latest: true,
        createdBy: user(creator, app),
        ownedBy: user(text(page.ownerId, creator), app),
        createdDate: text(page.createdAt, event.at),
      },
      version: { by: user(event.editorAccountId, app), when: event.at, number: event.version },
    },
  };
}
