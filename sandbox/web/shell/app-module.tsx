/**
 * A module of the app placed somewhere in the shell. It connects what the module asks of the
 * page to the shell: flags join the page's flag stack, navigation moves the shell, links to
 * other sites open a tab, close, refresh and emitted events go to whoever placed the module.
 */
import { type ReactElement, useMemo } from 'react';
import { type EmittedEvent, type ExtensionContext, type NavigationRecord } from '../../ui-host/types';
import { type ShellModule } from '../uikit/app-types';
import { type PageHooks, UiKitModule } from '../uikit/ui-kit-module';
import { type Destination, destinationOf, destinationOfUrl } from './navigation';
import { navigate, pathOf } from './routes';
import { useShell } from './shell-context';

export interface AppModuleProps {
  module: ShellModule;
  extensionContext: ExtensionContext;
  onClose?(): void;
  onRefresh?(): void;
  onEmit?(event: EmittedEvent): void;
}

/**
 * A `data:` link (an export's file, for instance) is followed in place, as a plain link without a
 * target is: the browser saves it as a download or refuses to show it, and the page stays. Opened
 * in a new tab, Chromium does neither (it blocks data: URLs in a new top-level tab), so the file
 * would never arrive.
 */
function followInPlace(url: string): void {
  const anchor = document.createElement('a');
  anchor.href = url;
  anchor.style.display = 'none';
  document.body.append(anchor);
  anchor.click();
  anchor.remove();
}

export function AppModule({ module, extensionContext, onClose, onRefresh, onEmit }: AppModuleProps): ReactElement {
  const shell = useShell();
  const { app, showFlag, closeFlag } = shell;

  const hooks = useMemo<PageHooks>(() => {
    const go = (destination: Destination, newTab: boolean): void => {
      if (destination.kind === 'external' && /^data:/i.test(destination.url)) followInPlace(destination.url);
      else if (destination.kind === 'external') window.open(destination.url, '_blank', 'noopener');
      else if (destination.kind === 'unsupported') showFlag({ id: `navigation-${Date.now()}`, title: 'Navigation not available in the sandbox', description: destination.reason, type: 'warning', actions: [], isAutoDismiss: true, source: module.key });
      else if (newTab) window.open(`${location.pathname}#${pathOf(destination.route)}`, '_blank');
      else navigate(destination.route);
    };
    return {
      onClose,
      onRefresh,
      onEmit,
      onFlag(flag) {
        showFlag({
          id: `${module.key}:${flag.id}`,
          title: flag.title ?? '',
          description: flag.description,
          type: flag.type,
          actions: flag.actions.map((action) => ({ text: action.text, onClick: action.onClick === undefined ? undefined : () => void action.onClick?.() })),
          isAutoDismiss: flag.isAutoDismiss === true,
          source: module.key,
        });
      },
      onFlagClosed: (id) => closeFlag(`${module.key}:${id}`),
      onNavigate(navigation: NavigationRecord) {
        if (navigation.kind === 'reload') window.location.reload();
        else go(destinationOf(navigation, app), navigation.kind === 'new-tab');
      },
      openLink: (href, newTab) => go(destinationOfUrl(href, app), newTab),
    };
  }, [app, module.key, onClose, onRefresh, onEmit, showFlag, closeFlag]);

  return <UiKitModule app={app} module={module} accountId={shell.accountId} extensionContext={extensionContext} hooks={hooks} />;
}
