/**
 * The browser side of the sandbox: the shell (sandbox/web/, the Confluence-like page and the
 * UI Kit renderer) and one bundle per UI Kit resource of the app, each built on first request.
 * Every module's front end is its own bundle because each runs in its own frame with its own
 * @forge/bridge, as on Forge.
 */
import { resolve } from 'node:path';
import { Bundle, type BuildOutcome } from './bundle';
import { type ShellApp, readShellApp } from './app-modules';

/** The repository holding sandbox/: the shell's sources and the node_modules it bundles from. */
const SANDBOX_REPO = resolve(__dirname, '..', '..', '..');
const SHELL_ENTRY = 'sandbox/web/shell/main.tsx';

export class WebAssets {
  private shellBundle: Bundle | undefined;
  private readonly moduleBundles = new Map<string, Bundle>();

  constructor(private readonly appRoot: string) {}

  /** Read on every call: a module added to manifest.yml shows up at the next page load. */
  app(): ShellApp {
    return readShellApp(this.appRoot);
  }

  shell(): Promise<BuildOutcome> {
    this.shellBundle ??= new Bundle({ name: 'shell', entry: SHELL_ENTRY, workingDir: SANDBOX_REPO });
    return this.shellBundle.current();
  }

  /** The bundle of a UI Kit resource, or undefined when no native module uses that resource. */
  module(resourceKey: string): Promise<BuildOutcome> | undefined {
    let bundle = this.moduleBundles.get(resourceKey);
    if (bundle === undefined) {
      const module = this.app().modules.find((candidate) => candidate.native && candidate.resource?.key === resourceKey);
      if (module?.resource == null) return undefined;
      bundle = new Bundle({
        name: resourceKey,
        entry: module.resource.path,
        workingDir: this.appRoot,
        nodePaths: [resolve(SANDBOX_REPO, 'node_modules')],
      });
      this.moduleBundles.set(resourceKey, bundle);
    }
    return bundle.current();
  }

  async dispose(): Promise<void> {
    const bundles = [...this.moduleBundles.values(), ...(this.shellBundle === undefined ? [] : [this.shellBundle])];
    this.moduleBundles.clear();
    this.shellBundle = undefined;
    await Promise.all(bundles.map((bundle) => bundle.dispose()));
  }
}
