/**
 * Where a module's `router.navigate` / `router.open` / Link goes in the shell. Product paths
 * (`/wiki/spaces/…`, the site's own URL) become shell routes; locations name their target as
 * Forge documents them; anything else is another site and opens in a new tab.
 */
import { type NavigationRecord } from '../../ui-host/types';
import { type ShellAppInfo } from '../uikit/app-types';
import { type Route, parsePath } from './routes';

export type Destination = { kind: 'route'; route: Route } | { kind: 'external'; url: string } | { kind: 'unsupported'; reason: string };

function text(value: unknown): string | undefined {
  return typeof value === 'string' && value !== '' ? value : undefined;
}

export function destinationOfUrl(url: string, app: ShellAppInfo): Destination {
  const site = app.site.siteUrl.replace(/\/$/, '');
  const local = url.startsWith(site) ? url.slice(site.length) : url;
  if (/^[a-z][a-z0-9+.-]*:/i.test(local)) return { kind: 'external', url };
  if (local.startsWith('#')) return { kind: 'route', route: parsePath(local) };
  const route = parsePath(local);
  return route.kind === 'not-found' ? { kind: 'unsupported', reason: `The sandbox has no page at ${local}` } : { kind: 'route', route };
}

function moduleRoute(app: ShellAppInfo, location: Record<string, unknown>): Destination {
  const module = app.modules.find((candidate) => candidate.key === location.moduleKey);
  const spaceKey = text(location.spaceKey);
  if (module === undefined || module.route === null) return { kind: 'unsupported', reason: `No full-page module '${String(location.moduleKey)}'` };
  if (module.type === 'confluence:globalPage') return { kind: 'route', route: { kind: 'global-app', appRoute: module.route } };
  if (spaceKey === undefined) return { kind: 'unsupported', reason: `Module ${module.key} needs a spaceKey` };
  if (module.type === 'confluence:spaceSettings') return { kind: 'route', route: { kind: 'space-settings', spaceKey, appRoute: module.route } };
  return { kind: 'route', route: { kind: 'space-app', spaceKey, appRoute: module.route } };
}

export function destinationOf(navigation: NavigationRecord, app: ShellAppInfo): Destination {
  if (navigation.url !== undefined) return destinationOfUrl(navigation.url, app);
  const location = navigation.location ?? {};
  const contentId = text(location.contentId);
  switch (location.target) {
    case 'contentView':
      return contentId === undefined ? { kind: 'unsupported', reason: 'contentView needs a contentId' } : { kind: 'route', route: { kind: 'page', spaceKey: null, pageId: contentId } };
    case 'contentEdit':
      return contentId === undefined ? { kind: 'unsupported', reason: 'contentEdit needs a contentId' } : { kind: 'route', route: { kind: 'edit', spaceKey: null, pageId: contentId } };
    case 'spaceView': {
      const spaceKey = text(location.spaceKey);
      return spaceKey === undefined ? { kind: 'unsupported', reason: 'spaceView needs a spaceKey' } : { kind: 'route', route: { kind: 'space', spaceKey } };
    }
    case 'module':
      return moduleRoute(app, location);
    default:
      return { kind: 'unsupported', reason: `Navigation target '${String(location.target)}' is not part of the sandbox` };
  }
}
