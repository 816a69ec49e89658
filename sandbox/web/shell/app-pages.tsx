/**
 * Where the app's full-page modules live: a space page (`confluence:spacePage`, e.g.
 * Approvals), the space's settings with the app's settings page (`confluence:spaceSettings`),
 * and a global page (`confluence:globalPage`, e.g. Approval analytics).
 */
import { type ReactElement } from 'react';
import Heading from '@atlaskit/heading';
import Spinner from '@atlaskit/spinner';
import { token } from '@atlaskit/tokens';
import { type ShellModule } from '../uikit/app-types';
import { Glyph } from '../uikit/components/icon';
import { AppModule } from './app-module';
import { type Space } from './confluence-types';
import { pageModuleMaxWidth } from './module-widths';
import { ProblemPage } from './problem-page';
import { hrefOf } from './routes';
import { useShell } from './shell-context';
import { useIsSpaceAdmin } from './space-data';

/** Confluence gives a full-page module the whole content area and no header of its own: the app draws its title. */
function ModulePage({ module, extensionContext }: { module: ShellModule; extensionContext: Record<string, unknown> & { type: string } }): ReactElement {
  return (
    <div data-testid="app-page" data-module-key={module.key} style={{ width: '100%', maxWidth: pageModuleMaxWidth(module), minWidth: 0 }}>
      <AppModule module={module} extensionContext={extensionContext} />
    </div>
  );
}

function findModule(modules: ShellModule[], type: ShellModule['type'], route: string): ShellModule | undefined {
  return modules.find((module) => module.type === type && module.route === route);
}

export function SpaceAppPage({ space, appRoute }: { space: Space; appRoute: string }): ReactElement {
  const { app } = useShell();
  const module = findModule(app.modules, 'confluence:spacePage', appRoute);
  if (module === undefined) return <ProblemPage testId="app-not-found" title="App page not found" detail={`The app has no space page at '${appRoute}'.`} />;
  return <ModulePage module={module} extensionContext={{ type: module.type, space: { id: space.id, key: space.key } }} />;
}

export function GlobalAppPage({ appRoute }: { appRoute: string }): ReactElement {
  const { app } = useShell();
  const module = findModule(app.modules, 'confluence:globalPage', appRoute);
  if (module === undefined) return <ProblemPage testId="app-not-found" title="App page not found" detail={`The app has no global page at '${appRoute}'.`} />;
  return <ModulePage module={module} extensionContext={{ type: module.type }} />;
}

/** Space settings: Confluence's settings frame with an "Apps" section listing the app's settings pages. */
export function SpaceSettingsPage({ space, appRoute }: { space: Space; appRoute: string | null }): ReactElement {
  const { app } = useShell();
  const isAdmin = useIsSpaceAdmin(space.id);
  const settings = app.modules.filter((module) => module.type === 'confluence:spaceSettings' && module.route !== null);
  if (isAdmin === undefined) return <Spinner size="large" label="Checking your permissions" />;
  if (!isAdmin) return <ProblemPage testId="settings-not-permitted" title="You need space admin permission" detail={`Only admins of ${space.name} can open its settings.`} />;
  const selected = appRoute === null ? settings[0] : settings.find((module) => module.route === appRoute);
  return (
    <div data-testid="space-settings" style={{ display: 'grid', gridTemplateColumns: '220px minmax(0, 1fr)', gap: token('space.400') }}>
      <nav aria-label="Space settings" style={{ display: 'flex', flexDirection: 'column', gap: token('space.050') }}>
        <Heading size="small" as="h2">
          Space settings
        </Heading>
        <div style={{ font: token('font.heading.xxsmall'), color: token('color.text.subtlest'), marginTop: token('space.200') }}>Apps</div>
        {settings.map((module) => {
          const current = module === selected;
          return (
            <a
              key={module.key}
              href={hrefOf({ kind: 'space-settings', spaceKey: space.key, appRoute: module.route })}
              aria-current={current ? 'page' : undefined}
              style={{
                display: 'flex',
                alignItems: 'center',
                gap: token('space.100'),
                padding: token('space.100'),
                borderRadius: token('border.radius'),
                textDecoration: 'none',
                color: current ? token('color.text.selected') : token('color.text.subtle'),
                backgroundColor: current ? token('color.background.selected') : undefined,
              }}
            >
              <Glyph glyph="app" label="" size={16} />
              {module.title}
            </a>
          );
        })}
      </nav>
      {selected === undefined ? (
        <ProblemPage testId="app-not-found" title="No app settings here" detail="The app declares no space settings page at this address." />
      ) : (
        <ModulePage module={selected} extensionContext={{ type: selected.type, space: { id: space.id, key: space.key } }} />
      )}
    </div>
  );
}
