import { join } from 'node:path';
import { type AppManifest, type FunctionDef } from './manifest';

export type ForgeHandler = (payload: unknown, context: unknown) => unknown;

/** Forge's defaults when a function module sets no `timeoutSeconds`. */
export const DEFAULT_TIMEOUT_SECONDS = 55;

/**
 * Resolves a function module's `handler: file.export` to the exported function of
 * `<appRoot>/src/<file>`. The module is loaded through the host's own module system (jest or
 * tsx), so the handler shares the SDK instances and globals the sandbox installs.
 */
export class FunctionLoader {
  private readonly cache = new Map<string, Promise<ForgeHandler>>();

  constructor(
    private readonly appRoot: string,
    private readonly manifest: AppManifest,
  ) {}

  definition(functionKey: string): FunctionDef {
    const def = this.manifest.functions.get(functionKey);
    if (def === undefined) throw new Error(`manifest.yml declares no function '${functionKey}'`);
    return def;
  }

  load(functionKey: string): Promise<ForgeHandler> {
    let pending = this.cache.get(functionKey);
    if (pending === undefined) {
      pending = this.resolve(this.definition(functionKey));
      this.cache.set(functionKey, pending);
    }
    return pending;
  }

  private async resolve(def: FunctionDef): Promise<ForgeHandler> {
    const modulePath = join(this.appRoot, 'src', def.file);
    const loaded: unknown = await import(modulePath);
    const handler = typeof loaded === 'object' && loaded !== null ? (loaded as Record<string, unknown>)[def.exportName] : undefined;
    if (typeof handler !== 'function') {
      throw new Error(`function '${def.key}': src/${def.file} does not export a function named '${def.exportName}'`);
    }
    return handler as ForgeHandler;
  }
}
