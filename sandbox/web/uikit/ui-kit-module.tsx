/**
 * A UI Kit module on the page: starts its frame, draws each ForgeDoc it reconciles, and passes
 * what the module asks of the page (close, refresh, flags, navigation) to the page's handlers.
 * Problems (a render error, an unsupported bridge command, a handler that throws) are shown on
 * the module in red, where a developer looks, rather than only in the console.
 */
import { type ReactElement, useEffect, useMemo, useRef, useState } from 'react';
import Spinner from '@atlaskit/spinner';
import { token } from '@atlaskit/tokens';
import { type ForgeDoc, type PropHandler } from '../../ui-host/forge-doc';
import { type EmittedEvent, type ExtensionContext, type FlagRecord, type NavigationRecord } from '../../ui-host/types';
import { type ShellAppInfo, type ShellModule } from './app-types';
import { ACT_AS_HEADER } from './http-backend';
import { type ModuleFrame, startModuleFrame } from './module-frame';
import { ForgeDocView, RenderProblem } from './render';
import { type ModuleRuntime, ModuleRuntimeContext } from './runtime';

export interface PageHooks {
  onClose?(): void;
  onRefresh?(): void;
  onFlag(flag: FlagRecord, moduleKey: string): void;
  onFlagClosed(id: string): void;
  onNavigate(navigation: NavigationRecord): void;
  /** An event the module emitted, for the product around it to act on. */
  onEmit?(event: EmittedEvent): void;
  openLink(href: string, newTab: boolean): void;
}

export interface UiKitModuleProps {
  app: ShellAppInfo;
  module: ShellModule;
  accountId: string;
  extensionContext: ExtensionContext;
  hooks: PageHooks;
}

function messageOf(error: unknown): string {
  return error instanceof Error ? error.message : typeof error === 'object' && error !== null && 'message' in error ? String((error as { message: unknown }).message) : String(error);
}

export function UiKitModule({ app, module, accountId, extensionContext, hooks }: UiKitModuleProps): ReactElement {
  const holder = useRef<HTMLDivElement>(null);
  const pageHooks = useRef(hooks);
  pageHooks.current = hooks;
  const [doc, setDoc] = useState<ForgeDoc | undefined>(undefined);
  const [, setRenders] = useState(0);
  const [problems, setProblems] = useState<string[]>([]);
  const [loadError, setLoadError] = useState<string | null>(null);
  const contextKey = JSON.stringify(extensionContext);

  useEffect(() => {
    const container = holder.current;
    if (container === null) return;
    let frame: ModuleFrame | undefined;
    let ended = false;
    setDoc(undefined);
    setProblems([]);
    setLoadError(null);
    const report = (error: Error): void => {
      if (!ended) setProblems((current) => [...current, error.message]);
    };
    startModuleFrame({
      module,
      accountId,
      extensionContext: JSON.parse(contextKey) as ExtensionContext,
      site: app.site,
      scopes: app.scopes,
      container,
      hooks: {
        onReconcile(next) {
          if (ended) return;
          setDoc(next);
          setRenders((count) => count + 1);
        },
        onClose: () => pageHooks.current.onClose?.(),
        onRefresh: () => pageHooks.current.onRefresh?.(),
        onFlag: (flag) => pageHooks.current.onFlag(flag, module.key),
        onFlagClosed: (id) => pageHooks.current.onFlagClosed(id),
        onNavigate: (navigation) => pageHooks.current.onNavigate(navigation),
        onEmit: (event) => pageHooks.current.onEmit?.(event),
        onFailure: report,
      },
    }).then(
      (started) => {
        if (ended) started.dispose();
        else frame = started;
      },
      (error: unknown) => {
        if (!ended) setLoadError(messageOf(error));
      },
    );
    return () => {
      ended = true;
      frame?.dispose();
    };
    // The module restarts for another user, context or module, as Confluence reloads the frame.
  }, [app.site, app.scopes, module, accountId, contextKey]);

  const runtime = useMemo<ModuleRuntime>(
    () => ({
      moduleKey: module.key,
      accountId,
      async call(handler: PropHandler | undefined, ...args: unknown[]): Promise<unknown> {
        if (handler === undefined) return undefined;
        try {
          return await handler(...args);
        } catch (error) {
          setProblems((current) => [...current, `A handler of ${module.key} failed: ${messageOf(error)}`]);
          return undefined;
        }
      },
      async product<T>(path: string): Promise<T | null> {
        const response = await fetch(path, { headers: { accept: 'application/json', [ACT_AS_HEADER]: accountId } });
        return response.ok ? ((await response.json()) as T) : null;
      },
      openLink: (href, newTab) => pageHooks.current.openLink(href, newTab),
    }),
    [module.key, accountId],
  );

  return (
    <section data-testid="uikit-module" data-module-key={module.key} data-state={loadError !== null ? 'failed' : doc === undefined ? 'loading' : 'ready'} style={{ position: 'relative', minWidth: 0 }}>
      <div ref={holder} style={{ position: 'absolute', width: 0, height: 0, overflow: 'hidden' }} />
      {loadError !== null && <RenderProblem testId="uikit-module-failed" title={`${module.title} could not start`} detail={loadError} />}
      {loadError === null && doc === undefined && (
        <div style={{ display: 'flex', justifyContent: 'center', padding: token('space.200') }}>
          <Spinner size="medium" label={`Loading ${module.title}`} />
        </div>
      )}
      {doc !== undefined && (
        <ModuleRuntimeContext.Provider value={runtime}>
          <ForgeDocView doc={doc} />
        </ModuleRuntimeContext.Provider>
      )}
      {problems.length > 0 && <RenderProblem testId="uikit-module-problem" title={`${module.title} reported a problem`} detail={problems.join('\n')} />}
    </section>
  );
}
