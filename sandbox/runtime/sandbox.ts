import { randomUUID } from 'node:crypto';
import { Activity } from './activity';
import { type ApiResponse, FORGE_APP_SCOPE, findRoute, fromHandlerResult, missingScopes, toRequest } from './api-routes';
import {
  type ConfluenceFactory,
  type ConfluencePort,
  type ConfluenceRequest,
  type ConfluenceResponse,
  type PageUpdatedEvent,
  factoryOf,
  isConfluenceFactory,
} from './confluence-port';
import { FaultInjector } from './faults';
import { type PlatformServices, routeFetch } from './fetch-router';
import { FunctionLoader } from './function-loader';
import { attachHost } from './globals';
import { Invoker } from './invoker';
import { type LatencyOptions, LatencyControl } from './latency';
import { type AppManifest, type ConsumerDef, type TriggerDef, loadManifest } from './manifest';
import { OpLog } from './op-log';
import { StatePersistence } from './persistence';
import { type AsyncEventShape, type QueueOptions, type QueueSnapshot, QueueService } from './queue/queue-service';
import { type RateLimitOptions, FORGE_RATE_LIMITS, RateLimiter } from './rate-limits';
import { retryRequestOf } from './retry';
import { runtimeLimitMs } from './runtime-limits';
import { type StorageOptions } from './storage/storage-behaviour';
import { type StorageSnapshot, StorageEngine } from './storage/storage-engine';
import { ProductEventTriggers, type TriggerDelivery } from './triggers';
import { isRecord } from './types';

/** UI resolvers must answer within 25 s; invoke payloads are capped at 500 KB and responses at 5 MB. */
export const RESOLVER_TIMEOUT_MS = 25_000;
export const INVOKE_PAYLOAD_LIMIT_BYTES = 500 * 1024;
export const INVOKE_RESPONSE_LIMIT_BYTES = 5 * 1024 * 1024;

export interface SandboxOptions {
  /** Directory holding manifest.yml and src/. */
  appRoot: string;
  /** A manifest to use instead of `<appRoot>/manifest.yml` (the handlers still load from `<appRoot>/src`). */
  manifestFile?: string;
  /** A Confluence emulator; by default `ConfluenceEmulator.seeded()` from sandbox/confluence. */
  confluence?: ConfluencePort;
  /** Where state survives restarts (npm start uses `.sandbox-data/`); in memory when absent. */
  dataDir?: string;
  latency?: LatencyOptions;
  queue?: QueueOptions;
  cloudId?: string;
  /** Expired TTL values and index-query lag (see StorageOptions); defaults: expired values returned, no lag. */
  storage?: StorageOptions;
  /**
   * Forge's per-installation rate limits (rate-limits.ts): `true` for Forge's figures, or other
   * figures; off by default, so a test that hammers storage for its own setup is not throttled.
   */
  rateLimits?: boolean | RateLimitOptions;
}

export interface InvokeRequest {
  moduleKey: string;
  functionKey: string;
  payload?: unknown;
  accountId: string;
  /** Extension context of the module instance, e.g. `{ content: {id, type}, space: {id, key} }`. */
  context?: Record<string, unknown>;
  localId?: string;
}

export interface ApiCall {
  method: string;
  path: string;
  query?: Record<string, string | string[]>;
  headers?: Record<string, string>;
  body?: unknown;
  accountId: string;
  /** Scopes granted to the caller's token; by default every scope of the route and `read:forge-app:confluence`. */
  scopes?: string[];
}

export interface ScheduledRun {
  statusCode: number;
  ok: boolean;
  error?: string;
}

/** What the front end's `invoke()` rejects with when the resolver fails or is refused. */
export class InvokeError extends Error {
  constructor(
    message: string,
    readonly functionKey: string,
    readonly reason?: unknown,
  ) {
    super(message);
    this.name = 'InvokeError';
  }
}

interface PersistedState {
  version: 1;
  storage: StorageSnapshot;
  queue: QueueSnapshot;
  confluence?: unknown;
}

/** Where the emulated site lives; the emulator's default base URL is this plus `/wiki`. */
const SITE_URL = 'https://sandbox.atlassian.net';
const CONFLUENCE_MODULE = '../confluence';

async function defaultConfluenceFactory(): Promise<ConfluenceFactory> {
  let loaded: unknown;
  try {
    loaded = await import(CONFLUENCE_MODULE);
  } catch (error) {
    throw new Error(`createSandbox: no Confluence emulator given and sandbox/confluence could not be loaded (${String(error)})`);
  }
  const candidate = isRecord(loaded) ? loaded.ConfluenceEmulator : undefined;
  if (!isConfluenceFactory(candidate)) throw new Error('createSandbox: sandbox/confluence does not export ConfluenceEmulator with seeded() and restore()');
  return candidate;
}

function isPersistedState(value: unknown): value is PersistedState {
  return isRecord(value) && value.version === 1 && isRecord(value.storage) && isRecord(value.queue);
}

function byteLength(value: unknown): number {
  const text = JSON.stringify(value);
  return text === undefined ? 0 : Buffer.byteLength(text, 'utf8');
}

/**
 * One emulated Forge installation of the app in `appRoot`: the real `@forge/*` packages run
 * against it through `__forge_runtime__` / `__forge_fetch__`.
 */
export class Sandbox {
  readonly ops = new OpLog();
  readonly faults = new FaultInjector();
  readonly latency: LatencyControl;
  readonly queue: QueueService;
  readonly storage: StorageEngine;
  /** The rate limits in force, or undefined when the sandbox does not model them. */
  rateLimits: RateLimiter | undefined;

  private readonly activity = new Activity();
  private readonly invoker: Invoker;
  private readonly triggers: ProductEventTriggers;
  private readonly detach: () => void;
  private readonly ids = { environmentId: randomUUID(), installationId: randomUUID(), appVersion: '1.0.0' };
  private readonly cloudId: string;
  private readonly installContext: string;
  private persistence: StatePersistence<PersistedState> | undefined;
  private confluencePort: ConfluencePort;
  private unsubscribe: () => void = () => undefined;
  private readonly seenPageEvents = new Set<string>();
  private closed = false;

  private constructor(
    readonly manifest: AppManifest,
    appRoot: string,
    confluence: ConfluencePort,
    private readonly confluenceFactory: ConfluenceFactory | undefined,
    private readonly initialConfluence: unknown,
    options: SandboxOptions,
  ) {
    this.confluencePort = confluence;
    this.cloudId = options.cloudId ?? '0b3a7c52-1f6e-4d8a-9c3b-5e2f1a4d7c90';
    this.installContext = `ari:cloud:confluence::site/${this.cloudId}`;
    this.latency = new LatencyControl(options.latency);
    this.limitRates(options.rateLimits ?? false);
    // The storage service's time is the platform's: a queue delay the sandbox skips has passed for
    // the index lag and TTLs too, as it would have on Forge.
    this.storage = new StorageEngine(manifest.entities, () => this.persistence?.markDirty(), { ...options.storage, clock: () => this.platformNow() });
    this.invoker = new Invoker(this, new FunctionLoader(appRoot, manifest), this.ops, this.latency, { now: () => this.platformNow(), reach: (ms) => this.reachPlatformTime(ms) });
    this.queue = new QueueService(manifest.consumers, (consumer, event) => this.runConsumer(consumer, event), this.activity, () => this.persistence?.markDirty(), options.queue);
    this.triggers = new ProductEventTriggers(manifest, () => this.confluencePort, (trigger, event) => this.runTrigger(trigger, event), this.activity, {
      timeScale: () => this.queue.timeScale,
    });
    const services: PlatformServices = {
      manifest,
      storage: this.storage,
      queue: this.queue,
      confluence: () => this.confluencePort,
      ops: this.ops,
      latency: this.latency,
      faults: this.faults,
      rateLimits: () => this.rateLimits,
      now: () => this.platformNow(),
      onConfluenceWrite: () => this.persistence?.markDirty(),
    };
    this.detach = attachHost({
      owner: this,
      fetch: (target, path, init) => routeFetch(services, target, path, init),
      identity: () => ({ appId: manifest.appId, ...this.ids, cloudId: this.cloudId, scopes: manifest.scopes.map((scope) => scope.key) }),
    });
    this.subscribe();
  }

  /**
   * The platform's time in ms: real time plus the queue delays the sandbox skipped instead of
   * waiting them out (timeScale < 1). Storage (index lag, TTLs) and the rate limits run on it.
   */
  platformNow(): number {
    const skippedQueueMs = this.queue === undefined ? 0 : this.queue.now() * 1000 * Math.max(0, 1 - this.queue.timeScale);
    return Date.now() + skippedQueueMs;
  }

  /**
   * Moves the platform's time forward to `platformMs` by moving the queue clock, when the queue
   * skips its delays: simulated latency then counts as time passed for everything that follows.
   */
  private reachPlatformTime(platformMs: number): void {
    const behindMs = platformMs - this.platformNow();
    if (behindMs > 0 && this.queue.timeScale < 1) this.queue.advance(behindMs / 1000 / (1 - this.queue.timeScale));
  }

  static async create(options: SandboxOptions): Promise<Sandbox> {
    const manifest = loadManifest(options.appRoot, options.manifestFile);
    const factory = options.confluence !== undefined ? factoryOf(options.confluence) : await defaultConfluenceFactory();
    const initial = options.confluence ?? (factory as ConfluenceFactory).seeded();
    const sandbox = new Sandbox(manifest, options.appRoot, initial, factory, initial.snapshot(), options);
    if (options.dataDir !== undefined) sandbox.persistTo(options.dataDir);
    return sandbox;
  }

  private persistTo(dataDir: string): void {
    const persistence = new StatePersistence<PersistedState>(dataDir, () => ({
      version: 1,
      storage: this.storage.snapshot(),
      queue: this.queue.snapshot(),
      confluence: this.confluencePort.snapshot(),
    }));
    const saved = persistence.load();
    if (saved !== undefined) {
      if (!isPersistedState(saved)) throw new Error(`sandbox: ${dataDir}/state.json is not a sandbox state file`);
      this.storage.restore(saved.storage);
      if (saved.confluence !== undefined && this.confluenceFactory !== undefined) this.replaceConfluence(this.confluenceFactory.restore(saved.confluence));
      this.queue.restore(saved.queue);
    }
    this.persistence = persistence;
  }

  /** Turns the rate limits on with fresh (full) buckets, with Forge's figures or others, or off. */
  limitRates(limits: boolean | RateLimitOptions): void {
    this.rateLimits = limits === false ? undefined : new RateLimiter(limits === true ? FORGE_RATE_LIMITS : limits);
  }

  /** The site the app is installed on, as resolvers and `view.getContext()` both see it. */
  get site(): { cloudId: string; siteUrl: string; environmentId: string; environmentType: 'DEVELOPMENT' } {
    return { cloudId: this.cloudId, siteUrl: SITE_URL, environmentId: this.ids.environmentId, environmentType: 'DEVELOPMENT' };
  }

  get confluence(): ConfluencePort {
    return this.confluencePort;
  }

  /**
   * A request made to Confluence from outside the app (a person in the browser, a test). Writes
   * are persisted like the app's own, so what someone does on the site survives a restart.
   */
  async requestConfluence(request: ConfluenceRequest): Promise<ConfluenceResponse> {
    const response = await this.confluencePort.handle(request);
    if (request.method.toUpperCase() !== 'GET' && response.status < 400) this.persistence?.markDirty();
    return response;
  }

  /** The site was changed through the emulator's helpers (e.g. a user added by the server): persist it. */
  confluenceChanged(): void {
    this.persistence?.markDirty();
  }

  /** The app's bot user: author of what the app writes to Confluence. */
  get appAccountId(): string {
    return this.confluencePort.appAccountId;
  }

  private subscribe(): void {
    this.unsubscribe = this.confluencePort.onPageUpdated((event) => this.onPageUpdated(event));
  }

  private replaceConfluence(next: ConfluencePort): void {
    this.unsubscribe();
    this.confluencePort = next;
    this.subscribe();
  }

  private onPageUpdated(event: PageUpdatedEvent): void {
    const id = `${event.pageId}@${event.version}`;
    if (this.seenPageEvents.has(id)) return;
    this.seenPageEvents.add(id);
    this.persistence?.markDirty();
    this.triggers.pageUpdated(event);
  }

  private installation(): Record<string, unknown> {
    const { installationId } = this.ids;
    const cloudId = this.cloudId;
    return {
      ari: { installationId, toString: () => `ari:cloud:ecosystem::installation/${installationId}` },
      contexts: [{ cloudId, toString: () => `ari:cloud:confluence::site/${cloudId}` }],
    };
  }

  private backgroundContext(): Record<string, unknown> {
    return { principal: undefined, installContext: this.installContext, workspaceId: undefined, license: undefined, installation: this.installation() };
  }

  private timeoutMs(functionKey: string): number {
    return runtimeLimitMs(this.manifest, functionKey);
  }

  private async runConsumer(consumer: ConsumerDef, event: AsyncEventShape): Promise<unknown> {
    const { value } = await this.invoker.run({
      kind: 'consumer',
      moduleKey: consumer.key,
      functionKey: consumer.functionKey,
      timeoutMs: this.timeoutMs(consumer.functionKey),
      payload: event,
      context: this.backgroundContext(),
      outcomeOf: (result) => (retryRequestOf(result) === undefined ? 'ok' : 'retry'),
    });
    return value;
  }

  private async runTrigger(trigger: TriggerDef, event: Record<string, unknown>): Promise<unknown> {
    const { value } = await this.invoker.run({
      kind: 'trigger',
      moduleKey: trigger.key,
      functionKey: trigger.functionKey,
      timeoutMs: this.timeoutMs(trigger.functionKey),
      payload: event,
      context: this.backgroundContext(),
      outcomeOf: (result) => (retryRequestOf(result) === undefined ? 'ok' : 'retry'),
    });
    return value;
  }

  /** Calls a UI module's resolver function as `invoke(functionKey, payload)` from @forge/bridge would. */
  async invoke(request: InvokeRequest): Promise<unknown> {
    const module = this.manifest.uiModules.get(request.moduleKey);
    if (module === undefined) throw new InvokeError(`manifest.yml has no UI module '${request.moduleKey}'`, request.functionKey);
    if (module.resolverFunctionKey === undefined) throw new InvokeError(`Module '${request.moduleKey}' declares no resolver`, request.functionKey);
    const payload = request.payload ?? {};
    if (byteLength(payload) > INVOKE_PAYLOAD_LIMIT_BYTES) {
      throw new InvokeError(`The invoke payload exceeds ${INVOKE_PAYLOAD_LIMIT_BYTES} bytes`, request.functionKey);
    }
    const call = {
      call: { functionKey: request.functionKey, payload: JSON.parse(JSON.stringify(payload)) as unknown },
      context: {
        localId: request.localId ?? `${request.moduleKey}-local`,
        moduleKey: request.moduleKey,
        ...this.site,
        extension: { type: module.type, ...(request.context ?? {}) },
      },
    };
    const backendPayload = {
      principal: { accountId: request.accountId },
      installContext: this.installContext,
      installation: this.installation(),
      license: undefined,
    };
    let value: unknown;
    try {
      ({ value } = await this.invoker.run({
        kind: 'resolver',
        moduleKey: request.moduleKey,
        functionKey: module.resolverFunctionKey,
        principal: { accountId: request.accountId },
        timeoutMs: RESOLVER_TIMEOUT_MS,
        payload: call,
        context: backendPayload,
      }));
    } catch (error) {
      const detail = error instanceof Error ? error.message : String(error);
      throw new InvokeError(`There was an error invoking the function - ${detail}`, request.functionKey, error);
    }
    if (value === undefined) return undefined;
    if (byteLength(value) > INVOKE_RESPONSE_LIMIT_BYTES) {
      throw new InvokeError(`The resolver response exceeds ${INVOKE_RESPONSE_LIMIT_BYTES} bytes`, request.functionKey);
    }
    return JSON.parse(JSON.stringify(value)) as unknown;
  }

  /** Calls the app's REST API (an `apiRoute`) as an integrator's 3LO request would. */
  async callApi(call: ApiCall): Promise<ApiResponse> {
    const json = { 'content-type': 'application/json' };
    const { route, pathMatched } = findRoute(this.manifest.apiRoutes, call.method, call.path);
    if (route === undefined) {
      return pathMatched
        ? { status: 405, headers: json, body: JSON.stringify({ message: `${call.method} is not allowed on ${call.path}` }) }
        : { status: 404, headers: json, body: JSON.stringify({ message: `No API route matches ${call.path}` }) };
    }
    const granted = call.scopes ?? [...route.scopes, FORGE_APP_SCOPE];
    const missing = missingScopes(route, granted);
    if (missing.length > 0) return { status: 403, headers: json, body: JSON.stringify({ message: `The token lacks scope(s): ${missing.join(', ')}` }) };
    try {
      const { value } = await this.invoker.run({
        kind: 'apiRoute',
        moduleKey: route.key,
        functionKey: route.functionKey,
        principal: { accountId: call.accountId },
        timeoutMs: RESOLVER_TIMEOUT_MS,
        payload: toRequest(call.method, call.path, call.query, call.headers, call.body),
        context: { principal: { accountId: call.accountId }, installContext: this.installContext, workspaceId: undefined, license: undefined, installation: this.installation() },
      });
      return fromHandlerResult(value);
    } catch {
      return { status: 500, headers: json, body: JSON.stringify({ message: 'Internal Server Error' }) };
    }
  }

  /** Runs a scheduled trigger now, without a user, as the platform does when it is due. */
  async runScheduled(triggerKey: string): Promise<ScheduledRun> {
    const trigger = this.manifest.scheduledTriggers.find((candidate) => candidate.key === triggerKey);
    if (trigger === undefined) throw new Error(`manifest.yml has no scheduledTrigger '${triggerKey}'`);
    try {
      const { value } = await this.invoker.run({
        kind: 'scheduled',
        moduleKey: trigger.key,
        functionKey: trigger.functionKey,
        timeoutMs: this.timeoutMs(trigger.functionKey),
        payload: { context: { cloudId: this.cloudId, moduleKey: trigger.key }, contextToken: `sandbox-context-token-${randomUUID()}` },
        context: { principal: undefined, installContext: this.installContext },
      });
      // The platform expects {statusCode}; anything else is recorded as 424 Failed Dependency.
      const statusCode = isRecord(value) && typeof value.statusCode === 'number' ? value.statusCode : 424;
      return { statusCode, ok: statusCode >= 200 && statusCode < 300 };
    } catch (error) {
      return { statusCode: 500, ok: false, error: error instanceof Error ? error.message : String(error) };
    }
  }

  /** A user edits a page in Confluence: a new version, then the page-updated event to triggers. */
  async editPage(pageId: string, accountId: string, change: { title?: string; body?: string; minorEdit?: boolean }): Promise<void> {
    const event = this.confluencePort.editPage(pageId, accountId, change);
    if (event !== null) this.onPageUpdated(event);
  }

  /** Resolves when no queued event, retry or trigger delivery is pending or running. */
  drain(): Promise<void> {
    return this.activity.whenIdle();
  }

  triggerDeliveries(): TriggerDelivery[] {
    return this.triggers.deliveries();
  }

  /** Back to the initial state: empty storage and queue, Confluence as created, clean logs and faults. */
  reset(): void {
    this.storage.clear();
    this.queue.clear();
    this.triggers.clear();
    this.ops.reset();
    this.faults.clear();
    this.seenPageEvents.clear();
    if (this.confluenceFactory !== undefined) this.replaceConfluence(this.confluenceFactory.restore(this.initialConfluence));
    this.persistence?.markDirty();
  }

  /** Stops delivering, flushes persisted state and removes the globals if no other sandbox runs. */
  close(): void {
    if (this.closed) return;
    this.closed = true;
    this.unsubscribe();
    this.persistence?.close();
    this.queue.clear();
    this.triggers.clear();
    this.detach();
  }
}

export function createSandbox(options: SandboxOptions): Promise<Sandbox> {
  return Sandbox.create(options);
}
