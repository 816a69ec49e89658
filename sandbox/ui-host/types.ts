/**
 * The contract between the UI Kit bridge host and whatever answers for the platform: the
 * in-process sandbox in tests (sandbox-backend.ts), HTTP in the browser shell.
 */
import { type ForgeDoc, type PropHandler } from './forge-doc';

export interface ProductRequestInit {
  method: string;
  /** Header names as the bridge sends them (lower case). */
  headers: Record<string, string>;
  body?: string;
}

export interface ProductResponse {
  status: number;
  headers: Record<string, string>;
  body: string;
}

export interface BridgeBackend {
  /** Runs the module's resolver function as the viewing user; rejects when the resolver fails. */
  invoke(functionKey: string, payload: unknown): Promise<unknown>;
  /** A Confluence REST call made by the front end, answered as the viewing user. */
  requestConfluence(path: string, init: ProductRequestInit): Promise<ProductResponse>;
}

export interface FlagAction {
  text: string;
  onClick?: PropHandler;
}

export interface FlagRecord {
  id: string;
  type: string;
  title?: string;
  description?: string;
  appearance?: string;
  isAutoDismiss?: boolean;
  actions: FlagAction[];
  /** False once the app closed it through the handle `showFlag` returned. */
  open: boolean;
}

/** `router.navigate` (same-tab), `router.open` (new-tab) or `router.reload`. */
export interface NavigationRecord {
  kind: 'same-tab' | 'new-tab' | 'reload';
  url?: string;
  /** A `NavigationLocation` such as `{ target: 'contentView', contentId }`. */
  location?: Record<string, unknown>;
}

export interface InvocationRecord {
  functionKey: string;
  payload: unknown;
  outcome: 'pending' | 'ok' | 'error';
  result?: unknown;
  error?: string;
}

export interface ProductRequestRecord {
  product: string;
  method: string;
  path: string;
  body?: string;
  status?: number;
  /** The size of Confluence's answer (UTF-8 bytes of its body), what the page view downloaded. */
  responseBytes?: number;
}

export interface EmittedEvent {
  event: string;
  payload: unknown;
  /** `events.emitPublic` (other apps may listen) rather than `events.emit`. */
  isPublic: boolean;
}

/** What the page around the module sees; the browser shell acts on these, tests read the records. */
export interface BridgeHostHooks {
  onReconcile?(doc: ForgeDoc): void;
  onClose?(payload: unknown): void;
  onRefresh?(payload: unknown): void;
  onFlag?(flag: FlagRecord): void;
  onFlagClosed?(id: string): void;
  onNavigate?(navigation: NavigationRecord): void;
  onEmit?(event: EmittedEvent): void;
  /** A render error reported by the reconciler, an unsupported command, a malformed call. */
  onFailure?(error: Error): void;
}

/** The extension context of one module instance: `{ type, content, space, … }` as Forge gives it. */
export type ExtensionContext = { type: string } & Record<string, unknown>;

export interface SiteIdentity {
  cloudId: string;
  siteUrl: string;
  environmentId: string;
  environmentType: 'DEVELOPMENT' | 'STAGING' | 'PRODUCTION';
}

export interface RuntimePermissions {
  scopes: string[];
  external: Record<string, unknown>;
}
