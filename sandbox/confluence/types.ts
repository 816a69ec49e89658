/** The contract between the emulator and the sandbox runtime that routes `requestConfluence` calls to it. */

export type ConfluenceActor = { kind: 'app' } | { kind: 'user'; accountId: string };

export interface ConfluenceRequest {
  method: string;
  /** Path and query as the app wrote them, e.g. `/wiki/api/v2/pages/123?body-format=storage`. */
  path: string;
  headers: Record<string, string>;
  body?: string;
  actor: ConfluenceActor;
}

export interface ConfluenceResponse {
  status: number;
  headers: Record<string, string>;
  body: string;
}

/**
 * What Confluence's `avi:confluence:updated:page` / `avi:confluence:updated:blogpost` triggers
 * carry, flattened for the runtime. `pageId` is the content id of either type.
 */
export interface PageUpdatedEvent {
  pageId: string;
  contentType: 'page' | 'blogpost';
  spaceId: string;
  spaceKey: string;
  version: number;
  editorAccountId: string;
  title: string;
  at: string;
  /** The version is a minor edit: the event then says its notifications were suppressed. */
  minorEdit?: boolean;
}
