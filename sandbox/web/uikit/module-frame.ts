/**
 * Starts one UI Kit module as Forge does: its bundle runs in a frame of its own (a fresh
 * global scope, so its @forge/bridge captures this module's bridge at import), and that frame's
 * `__bridge` is a UI Kit host living in the page. The host receives the module's ForgeDoc and
 * the page draws it; the frame itself shows nothing.
 */
import { type BridgeHost, createBridgeHost } from '../../ui-host/bridge-host';
import { isRecord } from '../../ui-host/forge-doc';
import { type BridgeHostHooks, type ExtensionContext, type SiteIdentity } from '../../ui-host/types';
import { type ShellModule } from './app-types';
import { ACT_AS_HEADER, errorMessageOf, httpBackend } from './http-backend';

export interface ModuleFrameOptions {
  module: ShellModule;
  accountId: string;
  /** `{type, content, space}` as Forge gives the module; `type` is the module's. */
  extensionContext: ExtensionContext;
  site: SiteIdentity;
  scopes: string[];
  hooks: BridgeHostHooks;
  /** Where the (invisible) frame is attached; removing it ends the module. */
  container: HTMLElement;
}

export interface ModuleFrame {
  host: BridgeHost;
  frame: HTMLIFrameElement;
  dispose(): void;
}

async function viewerTimeZone(accountId: string): Promise<string> {
  const response = await fetch('/wiki/rest/api/user/current', { headers: { accept: 'application/json', [ACT_AS_HEADER]: accountId } });
  if (!response.ok) throw new Error(`Confluence does not know the acting user '${accountId}': ${await errorMessageOf(response)}`);
  const profile: unknown = await response.json();
  return isRecord(profile) && typeof profile.timeZone === 'string' ? profile.timeZone : 'UTC';
}

async function moduleCode(resourceKey: string): Promise<string> {
  const response = await fetch(`/__shell/modules/${encodeURIComponent(resourceKey)}.js`);
  if (!response.ok) throw new Error(`The front end '${resourceKey}' could not be bundled:\n${await errorMessageOf(response)}`);
  return response.text();
}

function loaded(frame: HTMLIFrameElement): Promise<Window> {
  return new Promise((resolve, reject) => {
    frame.addEventListener(
      'load',
      () => {
        if (frame.contentWindow === null) reject(new Error('The module frame has no window'));
        else resolve(frame.contentWindow);
      },
      { once: true },
    );
  });
}

function messageOf(reason: unknown): string {
  if (isRecord(reason) && typeof reason.message === 'string') return reason.message;
  return String(reason);
}

export async function startModuleFrame(options: ModuleFrameOptions): Promise<ModuleFrame> {
  const { module, accountId } = options;
  if (module.resource === null) throw new Error(`Module ${module.key} has no resource in manifest.yml`);
  if (!module.native) throw new Error(`Module ${module.key} is not a UI Kit module (render: native); the sandbox mounts UI Kit front ends only`);
  const { type: _type, ...context } = options.extensionContext;
  const [timezone, code] = await Promise.all([viewerTimeZone(accountId), moduleCode(module.resource.key)]);
  const host = createBridgeHost({
    moduleKey: module.key,
    accountId,
    extensionContext: options.extensionContext,
    backend: httpBackend({ moduleKey: module.key, accountId, context }),
    hooks: options.hooks,
    site: options.site,
    timezone,
    locale: navigator.language || 'en-US',
    permissions: { scopes: options.scopes, external: {} },
  });
  const frame = document.createElement('iframe');
  frame.src = '/__shell/frame.html';
  frame.title = `UI Kit module ${module.key}`;
  frame.dataset.moduleKey = module.key;
  frame.dataset.resource = module.resource.key;
  frame.dataset.entry = module.resource.path;
  frame.tabIndex = -1;
  frame.setAttribute('aria-hidden', 'true');
  // Invisible but laid out: a display:none frame could be throttled and some APIs skip it.
  frame.style.cssText = 'position:absolute;width:0;height:0;border:0;opacity:0;pointer-events:none;';
  const ready = loaded(frame);
  options.container.append(frame);
  const view = await ready;
  const realm = view as unknown as Record<string, unknown>;
  realm.__bridge = { callBridge: host.callBridge };
  // What the module's own code throws outside any bridge call (a failing import, an unhandled rejection).
  view.addEventListener('error', (event) => options.hooks.onFailure?.(new Error(`${module.key}: ${event.message}`)));
  view.addEventListener('unhandledrejection', (event) => options.hooks.onFailure?.(new Error(`${module.key}: unhandled rejection: ${messageOf(event.reason)}`)));
  const script = view.document.createElement('script');
  script.text = `${code}\n//# sourceURL=${location.origin}/__shell/modules/${module.resource.key}.js`;
  view.document.head.append(script);
  return {
    host,
    frame,
    dispose() {
      host.dispose();
      frame.remove();
    },
  };
}
