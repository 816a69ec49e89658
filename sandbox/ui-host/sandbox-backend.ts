/**
 * Binds a bridge host to an in-process sandbox (tests): resolvers run through `sandbox.invoke`
 * as the viewing user with the module's context, and the front end's Confluence requests go to
 * the emulator as that user, exactly as `requestConfluence` from @forge/bridge acts on Forge.
 * The browser shell binds the same host to the sandbox server's HTTP surface instead.
 */
import { type Sandbox } from '../runtime/sandbox';
import { scopeRefusal } from '../runtime/scope-check';
import { type BridgeHost, createBridgeHost } from './bridge-host';
import { isRecord } from './forge-doc';
import { type BridgeBackend, type BridgeHostHooks } from './types';

export interface SandboxModuleOptions {
  sandbox: Sandbox;
  moduleKey: string;
  /** The viewing user. */
  accountId: string;
  /** The module instance's extension context as `sandbox.invoke` takes it, e.g. `{ content: {id, type}, space: {id, key} }`. */
  context?: Record<string, unknown>;
  localId?: string;
  locale?: string;
  hooks?: BridgeHostHooks;
  initialPath?: string;
}

export function sandboxBackend(options: SandboxModuleOptions): BridgeBackend {
  const { sandbox, moduleKey, accountId, context, localId } = options;
  return {
    invoke: (functionKey, payload) => sandbox.invoke({ moduleKey, functionKey, payload, accountId, context, localId }),
    // The front end's product requests run on the app's token: its manifest scopes apply to them too.
    requestConfluence: async (path, init) =>
      scopeRefusal(sandbox.manifest.scopes, init.method, path) ??
      sandbox.confluence.handle({ method: init.method, path, headers: init.headers, body: init.body, actor: { kind: 'user', accountId } }),
  };
}

/** The same value `sandbox.invoke` puts in a resolver's `context.siteUrl`. */
/**
 * The viewer's time zone from their Confluence profile; also proves the account can sign in. The
 * page around the module asks, not the app, so the app's scopes do not apply.
 */
async function viewerTimeZone(sandbox: Sandbox, accountId: string): Promise<string> {
  const response = await sandbox.confluence.handle({
    method: 'GET',
    path: '/wiki/rest/api/user/current',
    headers: { accept: 'application/json' },
    actor: { kind: 'user', accountId },
  });
  if (response.status !== 200) {
    throw new Error(`Cannot show a module to '${accountId}': Confluence answered ${response.status} for the current user (${response.body})`);
  }
  const profile: unknown = JSON.parse(response.body);
  return isRecord(profile) && typeof profile.timeZone === 'string' ? profile.timeZone : 'UTC';
}

export async function createSandboxBridgeHost(options: SandboxModuleOptions): Promise<BridgeHost> {
  const module = options.sandbox.manifest.uiModules.get(options.moduleKey);
  if (module === undefined) {
    const known = [...options.sandbox.manifest.uiModules.keys()].join(', ');
    throw new Error(`manifest.yml has no UI module '${options.moduleKey}' (UI modules: ${known || 'none'})`);
  }
  const backend = sandboxBackend(options);
  return createBridgeHost({
    moduleKey: options.moduleKey,
    accountId: options.accountId,
    extensionContext: { ...(options.context ?? {}), type: module.type },
    backend,
    hooks: options.hooks,
    localId: options.localId,
    site: options.sandbox.site,
    locale: options.locale,
    timezone: await viewerTimeZone(options.sandbox, options.accountId),
    permissions: { scopes: options.sandbox.manifest.scopes.map((scope) => scope.key), external: {} },
    initialPath: options.initialPath,
  });
}
