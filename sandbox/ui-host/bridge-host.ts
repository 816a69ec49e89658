/**
 * The host side of UI Kit's bridge: `callBridge(cmd, data)` is what @forge/react's reconciler
 * and every @forge/bridge API call (`globalThis.__bridge.callBridge`). One host serves one
 * module instance. It owns no transport: resolvers and Confluence are reached through the
 * `backend`, and what the page would do (close a dialog, show a flag, navigate) is recorded and
 * handed to `hooks`, so the same host runs under jest and in the browser shell.
 */
import { isRefreshable } from './byline-updates';
import { type ForgeDoc, type PropHandler, isForgeDoc, isHandler, isRecord } from './forge-doc';
import { type MemoryHistory, createMemoryHistory } from './memory-history';
import { type ProductFetchPayload, parseProductFetch, toBridgeResponse } from './product-fetch';
import {
  type BridgeBackend,
  type BridgeHostHooks,
  type EmittedEvent,
  type ExtensionContext,
  type FlagAction,
  type FlagRecord,
  type InvocationRecord,
  type NavigationRecord,
  type ProductRequestRecord,
  type RuntimePermissions,
  type SiteIdentity,
} from './types';

export interface BridgeHostOptions {
  moduleKey: string;
  accountId: string;
  /** `{ type: 'confluence:contentBylineItem', content: {id, type}, space: {id, key} }` and the like. */
  extensionContext: ExtensionContext;
  backend: BridgeBackend;
  hooks?: BridgeHostHooks;
  /** Defaults to `<moduleKey>-local`, the id the sandbox gives resolver invocations. */
  localId?: string;
  site?: Partial<SiteIdentity>;
  locale?: string;
  timezone?: string;
  permissions?: RuntimePermissions;
  /** Where `view.createHistory()` starts, relative to the app's URL. */
  initialPath?: string;
}

export type CallBridge = (cmd: string, data?: unknown) => Promise<unknown>;

export interface BridgeHost {
  readonly moduleKey: string;
  readonly callBridge: CallBridge;
  /** The latest tree from `reconcile` (the reconciler mutates and resends one root object). */
  readonly doc: ForgeDoc | undefined;
  /** Counts `reconcile` calls, so a caller can tell that a render happened. */
  readonly renders: number;
  /** A fresh copy of what `view.getContext()` answers. */
  context(): Record<string, unknown>;
  readonly flags: readonly FlagRecord[];
  readonly navigations: readonly NavigationRecord[];
  readonly closed: boolean;
  /** `view.refresh()` calls, refused ones included (see byline-updates.ts). */
  readonly refreshes: number;
  readonly emitted: readonly EmittedEvent[];
  readonly invocations: readonly InvocationRecord[];
  readonly productRequests: readonly ProductRequestRecord[];
  readonly failures: readonly Error[];
  readonly history: MemoryHistory;
  /** Bridge calls still waiting on the backend. */
  readonly pendingCalls: number;
  whenIdle(): Promise<void>;
  /** An event from elsewhere on the page (another module, the product) to this module's `events.on` listeners. */
  deliver(event: string, payload?: unknown, options?: { isPublic?: boolean }): Promise<void>;
  /** The frame is gone: later calls are ignored and never answered, as in a closed iframe. */
  dispose(): void;
  readonly disposed: boolean;
}

const DEFAULT_SITE: SiteIdentity = {
  cloudId: '00000000-0000-4000-8000-000000000000',
  siteUrl: 'https://sandbox.atlassian.net',
  environmentId: '00000000-0000-4000-8000-000000000001',
  environmentType: 'DEVELOPMENT',
};

interface Subscription {
  event: string;
  isPublic: boolean;
  callback: PropHandler;
}

function messageOf(error: unknown): string {
  return error instanceof Error ? error.message : String(error);
}

function optionalString(record: Record<string, unknown>, name: string): string | undefined {
  const value = record[name];
  return typeof value === 'string' ? value : undefined;
}

function flagActions(value: unknown): FlagAction[] {
  if (!Array.isArray(value)) return [];
  return value.filter(isRecord).map((action) => ({ text: optionalString(action, 'text') ?? '', onClick: isHandler(action.onClick) ? action.onClick : undefined }));
}

export function createBridgeHost(options: BridgeHostOptions): BridgeHost {
  const hooks = options.hooks ?? {};
  const site: SiteIdentity = { ...DEFAULT_SITE, ...options.site };
  const history = createMemoryHistory(options.initialPath);
  const flags: FlagRecord[] = [];
  const navigations: NavigationRecord[] = [];
  const emitted: EmittedEvent[] = [];
  const invocations: InvocationRecord[] = [];
  const productRequests: ProductRequestRecord[] = [];
  const failures: Error[] = [];
  const subscriptions = new Set<Subscription>();
  const pending = new Set<Promise<unknown>>();
  let doc: ForgeDoc | undefined;
  let renders = 0;
  let closed = false;
  let refreshes = 0;
  let disposed = false;

  // Built anew on every call: @forge/bridge's getContext rewrites `locale` in the answer it gets.
  const context = (): Record<string, unknown> => ({
    accountId: options.accountId,
    cloudId: site.cloudId,
    localId: options.localId ?? `${options.moduleKey}-local`,
    moduleKey: options.moduleKey,
    siteUrl: site.siteUrl,
    environmentId: site.environmentId,
    environmentType: site.environmentType,
    locale: options.locale ?? 'en-US',
    timezone: options.timezone ?? 'UTC',
    extension: structuredClone(options.extensionContext),
    license: undefined,
    theme: null,
    ...(options.permissions === undefined ? {} : { permissions: structuredClone(options.permissions) }),
  });

  const fail = (message: string): Error => {
    const error = new Error(`UI Kit host (${options.moduleKey}): ${message}`);
    failures.push(error);
    hooks.onFailure?.(error);
    return error;
  };

  const track = <T>(work: Promise<T>): Promise<T> => {
    pending.add(work);
    const forget = (): void => {
      pending.delete(work);
    };
    work.then(forget, forget);
    return work;
  };

  const invoke = async (data: unknown): Promise<unknown> => {
    if (!isRecord(data) || typeof data.functionKey !== 'string') throw fail(`invoke needs a functionKey string, got ${JSON.stringify(data)}`);
    const record: InvocationRecord = { functionKey: data.functionKey, payload: data.payload, outcome: 'pending' };
    invocations.push(record);
    try {
      record.result = await options.backend.invoke(data.functionKey, data.payload ?? {});
      record.outcome = 'ok';
    } catch (error) {
      record.outcome = 'error';
      record.error = messageOf(error);
      // Across the real bridge only the message survives, not the error's class or fields.
      throw new Error(record.error);
    }
    // @forge/bridge asks for `{ body, metadata }` only when it passed metadata (rate-limit details).
    return data.metadata === undefined ? record.result : { body: record.result, metadata: {} };
  };

  const fetchProduct = async (data: unknown): Promise<unknown> => {
    let request: ProductFetchPayload;
    try {
      request = parseProductFetch(data);
    } catch (error) {
      throw fail(messageOf(error));
    }
    const record: ProductRequestRecord = { product: request.product, method: request.init.method, path: request.path, body: request.init.body };
    productRequests.push(record);
    const response = await options.backend.requestConfluence(request.path, request.init);
    record.status = response.status;
    record.responseBytes = new TextEncoder().encode(response.body).length;
    return toBridgeResponse(response);
  };

  const showFlag = (data: unknown): undefined => {
    if (!isRecord(data) || typeof data.id !== 'string') throw fail('showFlag needs an id');
    const flag: FlagRecord = {
      id: data.id,
      type: optionalString(data, 'type') ?? 'info',
      title: optionalString(data, 'title'),
      description: optionalString(data, 'description'),
      appearance: optionalString(data, 'appearance'),
      isAutoDismiss: typeof data.isAutoDismiss === 'boolean' ? data.isAutoDismiss : undefined,
      actions: flagActions(data.actions),
      open: true,
    };
    flags.push(flag);
    hooks.onFlag?.(flag);
    return undefined;
  };

  const closeFlag = (data: unknown): undefined => {
    const id = isRecord(data) ? optionalString(data, 'id') : undefined;
    if (id === undefined) throw fail('closeFlag needs an id');
    for (const flag of flags) if (flag.id === id) flag.open = false;
    hooks.onFlagClosed?.(id);
    return undefined;
  };

  const navigate = (data: unknown): undefined => {
    const kind = isRecord(data) ? data.type : undefined;
    if (!isRecord(data) || (kind !== 'same-tab' && kind !== 'new-tab')) throw fail(`navigate needs type 'same-tab' or 'new-tab', got ${JSON.stringify(data)}`);
    // router.navigate(url) sends {url, type}; router.navigate(location) spreads the location.
    const { type: _type, url, ...location } = data;
    const navigation: NavigationRecord = typeof url === 'string' ? { kind, url } : { kind, location };
    navigations.push(navigation);
    hooks.onNavigate?.(navigation);
    return undefined;
  };

  const subscribe = (data: unknown, isPublic: boolean): { unsubscribe: () => void } => {
    if (!isRecord(data) || typeof data.event !== 'string' || !isHandler(data.callback)) throw fail('events.on needs an event name and a callback');
    const subscription: Subscription = { event: data.event, isPublic, callback: data.callback };
    subscriptions.add(subscription);
    return { unsubscribe: () => subscriptions.delete(subscription) };
  };

  const emit = (data: unknown, isPublic: boolean): undefined => {
    if (!isRecord(data) || typeof data.event !== 'string') throw fail('events.emit needs an event name');
    const event: EmittedEvent = { event: data.event, payload: data.payload, isPublic };
    emitted.push(event);
    hooks.onEmit?.(event);
    return undefined;
  };

  const commands: Record<string, (data: unknown) => unknown> = {
    reconcile: (data) => {
      if (!isRecord(data) || !isForgeDoc(data.forgeDoc)) throw fail('reconcile carried no ForgeDoc');
      doc = data.forgeDoc;
      renders += 1;
      hooks.onReconcile?.(doc);
      return undefined;
    },
    onError: (data) => {
      const cause = isRecord(data) ? data.error : data;
      fail(`the app failed to render: ${messageOf(cause)}`);
      return undefined;
    },
    invoke: (data) => track(invoke(data)),
    getContext: () => context(),
    fetchProduct: (data) => track(fetchProduct(data)),
    close: (data) => {
      closed = true;
      hooks.onClose?.(data);
      return true;
    },
    refresh: (data) => {
      refreshes += 1;
      // @forge/bridge turns `false` into "this resource's view is not refreshable".
      if (!isRefreshable(options.extensionContext.type)) return false;
      hooks.onRefresh?.(data);
      return true;
    },
    showFlag,
    closeFlag,
    navigate,
    reload: () => {
      const navigation: NavigationRecord = { kind: 'reload' };
      navigations.push(navigation);
      hooks.onNavigate?.(navigation);
      return undefined;
    },
    emit: (data) => emit(data, false),
    emitPublic: (data) => emit(data, true),
    on: (data) => subscribe(data, false),
    onPublic: (data) => subscribe(data, true),
    createHistory: () => history,
  };

  const callBridge: CallBridge = async (cmd, data) => {
    // A closed frame runs nothing more; an answer that never comes is what its code would see.
    if (disposed) return new Promise<never>(() => undefined);
    const command = Object.prototype.hasOwnProperty.call(commands, cmd) ? commands[cmd] : undefined;
    if (command === undefined) {
      throw fail(`the bridge command '${cmd}' is not supported by the sandbox UI Kit host; supported: ${Object.keys(commands).join(', ')}`);
    }
    return command(data);
  };

  const deliver = async (event: string, payload?: unknown, deliverOptions: { isPublic?: boolean } = {}): Promise<void> => {
    const isPublic = deliverOptions.isPublic ?? false;
    const listeners = [...subscriptions].filter((subscription) => subscription.event === event && subscription.isPublic === isPublic);
    await Promise.all(listeners.map(async (subscription) => subscription.callback(structuredClone(payload))));
  };

  return {
    moduleKey: options.moduleKey,
    callBridge,
    get doc() {
      return doc;
    },
    get renders() {
      return renders;
    },
    context,
    get flags() {
      return flags;
    },
    get navigations() {
      return navigations;
    },
    get closed() {
      return closed;
    },
    get refreshes() {
      return refreshes;
    },
    get emitted() {
      return emitted;
    },
    get invocations() {
      return invocations;
    },
    get productRequests() {
      return productRequests;
    },
    get failures() {
      return failures;
    },
    history,
    get pendingCalls() {
      return pending.size;
    },
    async whenIdle() {
      while (pending.size > 0) await Promise.allSettled([...pending]);
    },
    deliver,
    dispose() {
      disposed = true;
      subscriptions.clear();
    },
    get disposed() {
      return disposed;
    },
  };
}
