/**
 * What the browser shell needs from manifest.yml to place the app in Confluence: each UI
 * module's presentation (title, route, tooltip, the byline's content property) and the file
 * its front end is bundled from. The runtime's manifest parser keeps only what it invokes, so
 * the shell reads these fields itself; the manifest was already validated when the sandbox
 * started.
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { parse } from 'yaml';

/** Module types the shell knows where to put, as Confluence places them. */
export const SHELL_MODULE_TYPES = ['confluence:contentBylineItem', 'confluence:pageBanner', 'confluence:spaceSettings', 'confluence:spacePage', 'confluence:globalPage'] as const;

export type ShellModuleType = (typeof SHELL_MODULE_TYPES)[number];

export interface ShellModule {
  key: string;
  type: ShellModuleType;
  title: string;
  description: string | null;
  tooltip: string | null;
  /** The URL segment of a full-page module (space settings, space page, global page). */
  route: string | null;
  /** The key of the byline's content property; Confluence renders the lozenge from it. */
  contentPropertyKey: string | null;
  /** `popup` for a byline item that opens in a popup (the default for UI Kit byline items). */
  viewportContainer: string | null;
  /** A byline popup's display size (`small` … `fullscreen`, or CSS sizes), null when the manifest sets none. */
  viewportSize: string | { width: string; height: string } | null;
  /** The manifest resource the front end lives in, or null when the module has none. */
  resource: { key: string; path: string } | null;
  /** UI Kit (`render: native`) front ends are the only ones the shell can mount. */
  native: boolean;
}

export interface ShellApp {
  appId: string;
  modules: ShellModule[];
}

function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

function text(value: unknown): string | null {
  if (typeof value === 'string') return value;
  // Localised titles (`{i18n: key}`) are shown by key: the sandbox has no translations to look up.
  if (isRecord(value) && typeof value.i18n === 'string') return value.i18n;
  return null;
}

function viewportSizeOf(value: unknown): ShellModule['viewportSize'] {
  if (typeof value === 'string') return value;
  if (isRecord(value) && typeof value.width === 'string' && typeof value.height === 'string') return { width: value.width, height: value.height };
  return null;
}

function isShellType(type: string): type is ShellModuleType {
  return (SHELL_MODULE_TYPES as readonly string[]).includes(type);
}

export function readShellApp(appRoot: string): ShellApp {
  const doc: unknown = parse(readFileSync(join(appRoot, 'manifest.yml'), 'utf8'));
  const root = isRecord(doc) ? doc : {};
  const app = isRecord(root.app) ? root.app : {};
  const appId = typeof app.id === 'string' ? app.id.replace(/^ari:cloud:ecosystem::app\//, '') : '';
  const resources = new Map<string, string>();
  for (const resource of Array.isArray(root.resources) ? root.resources : []) {
    if (isRecord(resource) && typeof resource.key === 'string' && typeof resource.path === 'string') resources.set(resource.key, resource.path);
  }
  const modules: ShellModule[] = [];
  for (const [type, entries] of Object.entries(isRecord(root.modules) ? root.modules : {})) {
    if (!isShellType(type) || !Array.isArray(entries)) continue;
    for (const entry of entries) {
      if (!isRecord(entry) || typeof entry.key !== 'string') continue;
      const resourceKey = typeof entry.resource === 'string' ? entry.resource : null;
      const path = resourceKey === null ? undefined : resources.get(resourceKey);
      modules.push({
        key: entry.key,
        type,
        title: text(entry.title) ?? entry.key,
        description: text(entry.description),
        tooltip: text(entry.tooltip),
        route: typeof entry.route === 'string' ? entry.route : null,
        contentPropertyKey: typeof entry.contentPropertyKey === 'string' ? entry.contentPropertyKey : null,
        viewportContainer: typeof entry.viewportContainer === 'string' ? entry.viewportContainer : null,
        viewportSize: viewportSizeOf(entry.viewportSize),
        resource: resourceKey === null || path === undefined ? null : { key: resourceKey, path },
        native: entry.render === 'native',
      });
    }
  }
  return { appId, modules };
}
