/**
 * What a rendered component needs from the module it belongs to: a way to call the app's
 * handlers as UI Kit does, and the product's own services (user lookups, links), which the
 * page provides and not the app.
 */
import { createContext, useContext } from 'react';
import { type PropHandler } from '../../ui-host/forge-doc';

export interface ModuleRuntime {
  moduleKey: string;
  /** The viewing user: product lookups (User, UserPicker) are made as them. */
  accountId: string;
  /**
   * Calls an app handler with UI Kit's serialisable arguments. A handler that throws or
   * rejects is reported on the module, as the product shows a failed app; it never breaks
   * the page.
   */
  call(handler: PropHandler | undefined, ...args: unknown[]): Promise<unknown>;
  /** A Confluence GET as the viewing user; null when Confluence refuses. */
  product<T>(path: string): Promise<T | null>;
  /** Follows a link from the app: product paths stay in the page, other URLs open a tab. */
  openLink(href: string, newTab: boolean): void;
}

export const ModuleRuntimeContext = createContext<ModuleRuntime | null>(null);

export function useModuleRuntime(): ModuleRuntime {
  const runtime = useContext(ModuleRuntimeContext);
  if (runtime === null) throw new Error('A UI Kit component was rendered outside a module');
  return runtime;
}
