/**
 * The local Forge platform: `createSandbox({ appRoot })` runs the app in `appRoot` with the real
 * `@forge/*` packages against an emulated runtime (storage, queue, triggers, Confluence).
 * See sandbox/README.md.
 */
export { createSandbox, Sandbox, InvokeError, RESOLVER_TIMEOUT_MS } from './runtime/sandbox';
export type { SandboxOptions, InvokeRequest, ApiCall, ScheduledRun } from './runtime/sandbox';
export type { ApiResponse, ApiRouteRequest } from './runtime/api-routes';
export type { ConfluenceActor, ConfluencePort, ConfluenceRequest, ConfluenceResponse, PageUpdatedEvent } from './runtime/confluence-port';
export type { FaultSpec, FaultTarget, FaultInjector, PlatformCall } from './runtime/faults';
export type { LatencyMode, LatencyOptions, LatencyControl } from './runtime/latency';
export { FORGE_RATE_LIMITS } from './runtime/rate-limits';
export type { RateLimitOptions, RateLimiter } from './runtime/rate-limits';
export type { OpEntry, OpCounts, OpLog, InvocationRecord } from './runtime/op-log';
export type { DeliveryRecord, QueueOptions, QueueService, QueueState, AsyncEventShape } from './runtime/queue/queue-service';
export type { TriggerDelivery } from './runtime/triggers';
export { ManifestError } from './runtime/manifest';
export type { OpKind } from './runtime/types';
export type { StorageOptions } from './runtime/storage/storage-behaviour';
