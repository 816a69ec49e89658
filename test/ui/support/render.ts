/**
 * `renderModule()` runs a UI Kit module's real front end (its entry calls
 * `ForgeReconciler.render` when imported) against a sandbox, as one user sees it. Each render
 * imports the entry in its own module registry, so React, @forge/react and @forge/bridge are
 * fresh and bound to that render's host; screens still mounted after a test are unmounted.
 */
import { existsSync } from 'node:fs';
import { isAbsolute, resolve } from 'node:path';
import { type SandboxModuleOptions, bridgeRouterFor, createSandboxBridgeHost, prepareNodeRealm } from '../../../sandbox/ui-host';
import { Screen } from './screen';

export { Screen } from './screen';
export type { OptionChoice, SelectOption } from './screen';

export interface RenderOptions extends Omit<SandboxModuleOptions, 'hooks'> {
  /** The module's resource file, e.g. `src/frontend/byline.tsx`, relative to `appRoot`. */
  entry: string;
  /** Defaults to the working directory (the repository root under `npm test`). */
  appRoot?: string;
}

const mounted = new Set<Screen>();
/** jest cannot isolate two registries at once, and a host must be the bridge while its entry loads. */
let loading: Promise<unknown> = Promise.resolve();

function prepareRealm(siteUrl: unknown): void {
  const realm = globalThis as unknown as Record<string, unknown>;
  prepareNodeRealm(realm, typeof siteUrl === 'string' ? siteUrl : 'https://sandbox.atlassian.net');
  // Not an act() environment: the host waits for renders itself, so React's "not wrapped in
  // act(...)" warnings (on by default whenever `jest` is defined) would only be noise.
  realm.IS_REACT_ACT_ENVIRONMENT = false;
}

async function mount(options: RenderOptions): Promise<Screen> {
  const file = isAbsolute(options.entry) ? options.entry : resolve(options.appRoot ?? process.cwd(), options.entry);
  if (!existsSync(file)) throw new Error(`renderModule: no entry at ${file}`);
  // Index queries lag writes (the sandbox models Forge's eventual consistency); a person opens a
  // screen and acts on it some moments after earlier writes, so those have reached the indexes.
  // Within one action, such as a save followed by the list it reloads, the lag still shows.
  const userPauses = (): void => options.sandbox.storage.settleIndexes();
  userPauses();
  const host = await createSandboxBridgeHost(options);
  prepareRealm(host.context().siteUrl);
  const router = bridgeRouterFor();
  const screen = new Screen(host, router, options.entry, userPauses);
  mounted.add(screen);
  try {
    await router.mount(host, () =>
      jest.isolateModulesAsync(async () => {
        await import(file);
      }),
    );
    await screen.settle();
  } catch (error) {
    screen.unmount();
    mounted.delete(screen);
    throw error;
  }
  if (host.doc === undefined) {
    screen.unmount();
    mounted.delete(screen);
    throw new Error(`renderModule: ${options.entry} did not call ForgeReconciler.render`);
  }
  return screen;
}

export function renderModule(options: RenderOptions): Promise<Screen> {
  const rendering = loading.then(() => mount(options));
  loading = rendering.catch(() => undefined);
  return rendering;
}

/** Unmounts every screen still mounted; runs after each test. */
export function cleanup(): void {
  for (const screen of mounted) screen.unmount();
  mounted.clear();
}

if (typeof afterEach === 'function') afterEach(cleanup);
