import { DEFAULT_TIMEOUT_SECONDS } from './function-loader';
import { type AppManifest } from './manifest';

/**
 * How long the platform lets a function run (limits-invocation): 25 s, except that a function
 * referenced only by `consumer` or `scheduledTrigger` modules gets its `timeoutSeconds` (default
 * 55, at most 900). A product-event trigger's function therefore always has 25 s, whatever its
 * `timeoutSeconds` says, and so does a consumer's function that also serves a trigger or a UI.
 */
export const INTERACTIVE_LIMIT_SECONDS = 25;

/** Whether `functionKey` serves only queue consumers and scheduled triggers. */
export function servesOnlyBackgroundJobs(manifest: AppManifest, functionKey: string): boolean {
  const background = manifest.consumers.some((c) => c.functionKey === functionKey) || manifest.scheduledTriggers.some((s) => s.functionKey === functionKey);
  const interactive =
    manifest.triggers.some((t) => t.functionKey === functionKey) ||
    manifest.apiRoutes.some((r) => r.functionKey === functionKey) ||
    [...manifest.uiModules.values()].some((m) => m.resolverFunctionKey === functionKey);
  return background && !interactive;
}

export function runtimeLimitMs(manifest: AppManifest, functionKey: string): number {
  if (!servesOnlyBackgroundJobs(manifest, functionKey)) return INTERACTIVE_LIMIT_SECONDS * 1000;
  return (manifest.functions.get(functionKey)?.timeoutSeconds ?? DEFAULT_TIMEOUT_SECONDS) * 1000;
}
