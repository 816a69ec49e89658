import { randomUUID } from 'node:crypto';
import { currentInvocation } from './invocation-context';

/**
 * The two globals every `@forge/*` server package reaches the platform through. Several
 * sandboxes may share one process (a test file creating more than one): each call is routed to
 * the sandbox owning the current invocation, or to the newest one for calls made outside any
 * invocation (test set-up seeding storage, which acts as the app).
 */
export interface RuntimeHost {
  readonly owner: object;
  fetch(target: unknown, path: string, init?: RequestInit): Promise<Response>;
  identity(): HostIdentity;
}

export interface HostIdentity {
  appId: string;
  appVersion: string;
  environmentId: string;
  installationId: string;
  cloudId: string;
  scopes: string[];
}

const hosts: RuntimeHost[] = [];

function hostForCall(): RuntimeHost {
  const invocation = currentInvocation();
  const owned = invocation === undefined ? undefined : hosts.find((host) => host.owner === invocation.owner);
  const host = owned ?? hosts[hosts.length - 1];
  if (host === undefined) throw new Error('Forge runtime not found: no sandbox is running');
  return host;
}

const noopTimer = { stop: (): void => undefined };
const noopMetrics = {
  counter: () => ({ incr: (): void => undefined, decr: (): void => undefined }),
  timing: () => ({ measure: () => noopTimer }),
  gauge: () => ({ set: (): void => undefined }),
};

/** Shaped like the runtime object the Forge Node runtime installs (read by @forge/api and @forge/kvs). */
const runtime = {
  get appContext(): Record<string, unknown> {
    const identity = hostForCall().identity();
    const invocation = currentInvocation();
    return {
      appId: identity.appId,
      appVersion: identity.appVersion,
      environmentId: identity.environmentId,
      environmentType: 'DEVELOPMENT',
      invocationId: invocation?.id ?? randomUUID(),
      installationId: identity.installationId,
      moduleKey: invocation?.moduleKey,
      license: undefined,
      installation: { ari: { installationId: identity.installationId }, contexts: [{ cloudId: identity.cloudId }] },
      permissions: { scopes: identity.scopes, external: {} },
    };
  },
  get lambdaContext(): Record<string, unknown> {
    const invocation = currentInvocation();
    return { getRemainingTimeInMillis: () => (invocation === undefined ? 0 : Math.max(0, invocation.deadline - Date.now())) };
  },
  kvs: { url: 'https://kvs.sandbox.invalid', host: 'kvs.sandbox.invalid' },
  proxy: { url: 'https://proxy.sandbox.invalid', token: 'sandbox-proxy-token' },
  get tracing(): Record<string, string> {
    const id = (currentInvocation()?.id ?? randomUUID()).replace(/-/g, '');
    return { traceId: id.slice(0, 32), spanId: id.slice(0, 16) };
  },
  metrics: noopMetrics,
  externalAuth: [],
};

function forgeFetch(target: unknown, path: string, init?: RequestInit): Promise<Response> {
  return hostForCall().fetch(target, path, init);
}

const slots = globalThis as unknown as Record<string, unknown>;

export function attachHost(host: RuntimeHost): () => void {
  hosts.push(host);
  slots.__forge_runtime__ = runtime;
  slots.__forge_fetch__ = forgeFetch;
  return () => {
    const index = hosts.indexOf(host);
    if (index !== -1) hosts.splice(index, 1);
    if (hosts.length === 0) {
      delete slots.__forge_runtime__;
      delete slots.__forge_fetch__;
    }
  };
}
