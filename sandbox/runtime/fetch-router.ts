import { type ConfluenceActor, type ConfluencePort } from './confluence-port';
import { type FaultInjector, type FaultSpec } from './faults';
import { bodyText, headerRecord, jsonResponse, textResponse, timeoutError } from './http';
import { type Invocation, currentInvocation } from './invocation-context';
import { type LatencyControl, sleep } from './latency';
import { type AppManifest } from './manifest';
import { type OpLog } from './op-log';
import { type OperationScopes } from './confluence-scopes';
import { STORAGE_SCOPE, allowsImpersonation, requireOperation, scopeRefusal } from './scope-check';
import { type QueueService } from './queue/queue-service';
import { type LimitedCall, type RateLimiter, confluenceRateLimited, storageRateLimited } from './rate-limits';
import { type StorageEngine } from './storage/storage-engine';
import { classifyStoragePath, handleStorageRequest } from './storage/storage-service';
import { type OpKind, isRecord } from './types';

export interface PlatformServices {
  manifest: AppManifest;
  storage: StorageEngine;
  queue: QueueService;
  confluence: () => ConfluencePort;
  ops: OpLog;
  latency: LatencyControl;
  faults: FaultInjector;
  /** Forge's per-installation rate limits, when the sandbox models them (see rate-limits.ts). */
  rateLimits: () => RateLimiter | undefined;
  /** The platform's time in ms (real time plus the queue delays skipped): see Sandbox.platformNow. */
  now: () => number;
  /** Confluence changed through the API: persisted state is stale. */
  onConfluenceWrite: () => void;
}

/** What `@forge/api` turns into its own errors (see fetch.js handleProxyResponseErrors). */
function proxyError(status: number, reason: string): Response {
  return new Response(null, { status, headers: { 'forge-proxy-error': reason } });
}

/** Undocumented: the shape of the refusal when the manifest lacks `storage:app` (see docs/sandbox-runtime.md). */
function missingStorageScope(): Response {
  return jsonResponse(403, { code: 'SCOPE_NOT_GRANTED', message: `The app's manifest does not declare the ${STORAGE_SCOPE} scope` });
}

function faultResponse(kind: OpKind, spec: FaultSpec): Response {
  const status = spec.status ?? 500;
  if (kind === 'confluence') {
    const retryAfter = spec.retryAfterSeconds ?? (status === 429 ? 1 : undefined);
    const headers: Record<string, string> = retryAfter === undefined || status === 500 ? {} : { 'retry-after': String(retryAfter) };
    const title = status === 429 ? 'Too Many Requests' : status === 503 ? 'Service Unavailable' : 'Internal Server Error';
    return jsonResponse(status, { errors: [{ status, code: title.toUpperCase().replace(/ /g, '_'), title, detail: null }] }, headers);
  }
  if (kind === 'queue') return jsonResponse(status, { message: status === 429 ? 'Too many requests.' : 'Internal error' });
  const code = status === 429 ? 'RATE_LIMIT_EXCEEDED' : status === 503 ? 'SERVICE_UNAVAILABLE' : 'INTERNAL_SERVER_ERROR';
  return jsonResponse(status, { code, message: `Injected fault: ${code}` });
}

interface Call {
  kind: OpKind;
  operation: string;
  method: string;
  path: string;
  /** Size of the request body: storage writes are counted in 10 KB units. */
  requestBytes: number;
  run: () => Promise<Response> | Response;
}

/**
 * The platform's simulated time of a call, for the rate limits: with virtual latency, the
 * invocation's start plus the latency it has been charged so far but never waited for; otherwise
 * (latency slept, or no invocation) the platform's time now.
 */
function platformNow(services: PlatformServices, invocation: Invocation | undefined, virtualStart: number): number {
  return services.latency.mode === 'virtual' && invocation !== undefined ? invocation.platformStartedAt + virtualStart : services.now();
}

function limitedCall(call: Call): LimitedCall | undefined {
  if (call.kind === 'confluence') return { service: 'confluence', operation: call.method, requestBytes: call.requestBytes };
  if (call.kind === 'kvs' || call.kind === 'entity' || call.kind === 'secret') return { service: 'storage', operation: call.operation, requestBytes: call.requestBytes };
  return undefined;
}

/**
 * Carries one platform call through latency, faults and the op log. The simulated start is
 * read synchronously on entry, so calls an invocation makes in parallel overlap on its clock
 * while sequential calls add up.
 */
async function dispatch(services: PlatformServices, invocation: Invocation | undefined, call: Call): Promise<Response> {
  const virtualStart = invocation?.virtualNow ?? 0;
  const latencyMs = services.latency.msFor(call.kind);
  const fault = services.faults.take({
    kind: call.kind,
    operation: call.operation,
    method: call.method,
    path: call.path,
    ...(invocation === undefined ? {} : { invocation: { id: invocation.id, kind: invocation.kind, moduleKey: invocation.moduleKey, functionKey: invocation.functionKey } }),
  });
  const began = Date.now();
  const finish = (status: number, faultName?: string): void => {
    if (invocation !== undefined) invocation.virtualNow = Math.max(invocation.virtualNow, virtualStart + latencyMs);
    services.ops.record({
      kind: call.kind,
      method: call.method,
      path: call.path,
      operation: call.operation,
      status,
      durationMs: services.latency.mode === 'sleep' ? Date.now() - began : latencyMs,
      invocationId: invocation?.id,
      ...(faultName === undefined ? {} : { fault: faultName }),
    });
  };
  if (services.latency.mode === 'sleep' && latencyMs > 0) await sleep(latencyMs);
  if (fault?.timeout === true) {
    if (fault.answerLost === true) {
      // Whatever the service answered, or however it failed, the caller never hears of it.
      await Promise.resolve(call.run()).catch(() => undefined);
    }
    finish(0, fault.answerLost === true ? 'answer lost' : 'timeout');
    throw timeoutError(`${call.kind} ${call.path}`);
  }
  if (fault !== undefined) {
    const response = faultResponse(call.kind, fault);
    finish(response.status, `status ${response.status}`);
    return response;
  }
  // Calls made outside any invocation are a test's or the server's own setup, not the app's.
  const limiter = invocation === undefined ? undefined : services.rateLimits();
  const limited = limitedCall(call);
  const now = platformNow(services, invocation, virtualStart);
  if (limiter !== undefined && limited !== undefined) {
    const refusal = limiter.admit(limited, now);
    if (refusal !== undefined) {
      finish(429, `rate limited: ${refusal.limit}`);
      return limited.service === 'confluence' ? confluenceRateLimited(refusal) : storageRateLimited(refusal);
    }
  }
  try {
    const response = await call.run();
    finish(response.status);
    if (limiter !== undefined && limited !== undefined) limiter.settle(limited, response.status, await response.clone().text(), now);
    return response;
  } catch (error) {
    finish(0, 'exception');
    throw error;
  }
}

function confluenceActor(services: PlatformServices, invocation: Invocation | undefined, target: Record<string, unknown>, operation: OperationScopes): ConfluenceActor | Response {
  if (target.provider !== 'user') return { kind: 'app' };
  const principal = invocation?.principal?.accountId;
  const requested = typeof target.accountId === 'string' && target.accountId.length > 0 ? target.accountId : undefined;
  if (requested === undefined) {
    // asUser() with no user behind the invocation (trigger, consumer, scheduled job).
    return principal === undefined ? proxyError(401, 'NEEDS_AUTHENTICATION_ERR') : { kind: 'user', accountId: principal };
  }
  // asUser(accountId) sends the id to the proxy (@forge/api fetch.js): that is offline impersonation,
  // even for the invoking user, and needs allowImpersonation on a scope of the call.
  if (!allowsImpersonation(services.manifest.scopes, operation)) return proxyError(403, 'PROXY_ERR');
  return { kind: 'user', accountId: requested };
}

/** The sandbox's `__forge_fetch__(target, path, init)`: routes by target as the Forge proxy does. */
export async function routeFetch(services: PlatformServices, rawTarget: unknown, path: string, init?: RequestInit): Promise<Response> {
  const invocation = currentInvocation();
  if (invocation?.timedOut === true) {
    throw new Error(`Invocation ${invocation.id} of '${invocation.functionKey}' has timed out: the platform no longer serves its calls`);
  }
  const target = isRecord(rawTarget) ? rawTarget : {};
  const method = (init?.method ?? 'GET').toUpperCase();
  const body = bodyText(init);
  const requestBytes = Buffer.byteLength(body ?? '', 'utf8');

  if (target.type === 'kvs') {
    const { kind, operation } = classifyStoragePath(path);
    const granted = services.manifest.scopes.some((scope) => scope.key === STORAGE_SCOPE);
    return dispatch(services, invocation, {
      kind,
      operation,
      method,
      path,
      requestBytes,
      run: () => (granted ? handleStorageRequest(services.storage, path, method, body) : missingStorageScope()),
    });
  }

  if (target.type === 'fpp' && target.remote === 'stargate' && path.startsWith('/webhook/queue/')) {
    const operation = path.split('/')[3] ?? 'queue';
    return dispatch(services, invocation, { kind: 'queue', operation: operation === 'publish' ? 'push' : operation, method, path, requestBytes, run: () => services.queue.handleRequest(path, body) });
  }

  if (target.type === 'fpp' && target.remote === 'confluence') {
    const operation = requireOperation(method, path);
    const actor = confluenceActor(services, invocation, target, operation);
    if (actor instanceof Response) return actor;
    return dispatch(services, invocation, {
      kind: 'confluence',
      operation: method,
      method,
      path,
      requestBytes,
      run: async () => {
        const refusal = scopeRefusal(services.manifest.scopes, method, path);
        if (refusal !== undefined) return textResponse(refusal.status, refusal.body, refusal.headers);
        const answer = await services.confluence().handle({ method, path, headers: headerRecord(init), ...(body === undefined ? {} : { body }), actor });
        if (method !== 'GET' && answer.status < 400) services.onConfluenceWrite();
        return textResponse(answer.status, answer.body, answer.headers);
      },
    });
  }

  if (target.type === 'fpp') return proxyError(403, 'PROXY_ERR');
  // Remotes, containers and third-party providers: this app declares none.
  return proxyError(400, 'INVALID_REMOTE');
}
