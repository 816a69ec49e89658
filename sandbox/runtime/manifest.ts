import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { parse } from 'yaml';
import { CUSTOM_SCOPES_FILE, loadCustomScopes } from './custom-scopes';
import { isRecord } from './types';

/**
 * The parts of manifest.yml the runtime acts on, checked the way `forge deploy` would refuse
 * them: a sandbox that accepted a manifest Forge rejects would hide a defect until release.
 */
export type AttributeType = 'string' | 'integer' | 'float' | 'boolean' | 'any';

export interface EntityIndexDef {
  name: string;
  partition: string[];
  range: string;
}

export interface EntityDef {
  name: string;
  attributes: Map<string, AttributeType>;
  indexes: Map<string, EntityIndexDef>;
}

export interface FunctionDef {
  key: string;
  file: string;
  exportName: string;
  timeoutSeconds?: number;
}

export interface ConsumerDef {
  key: string;
  queue: string;
  functionKey: string;
}

export interface TriggerDef {
  key: string;
  functionKey: string;
  events: string[];
  /** `filter.expression`, which the sandbox does not evaluate. */
  expression?: string;
}

export interface ScheduledTriggerDef {
  key: string;
  functionKey: string;
  interval: string;
}

export interface ApiRouteDef {
  key: string;
  path: string;
  operation: string;
  functionKey: string;
  scopes: string[];
}

export interface UiModuleDef {
  key: string;
  type: string;
  resolverFunctionKey?: string;
}

export interface ScopeDef {
  key: string;
  allowImpersonation: boolean;
}

export interface AppManifest {
  appId: string;
  functions: Map<string, FunctionDef>;
  consumers: ConsumerDef[];
  triggers: TriggerDef[];
  scheduledTriggers: ScheduledTriggerDef[];
  apiRoutes: ApiRouteDef[];
  uiModules: Map<string, UiModuleDef>;
  entities: Map<string, EntityDef>;
  scopes: ScopeDef[];
}

export class ManifestError extends Error {
  constructor(message: string) {
    super(`manifest.yml: ${message}`);
    this.name = 'ManifestError';
  }
}

const NON_UI_MODULE_TYPES = new Set(['function', 'consumer', 'trigger', 'scheduledTrigger', 'apiRoute', 'webtrigger', 'endpoint']);
const ATTRIBUTE_TYPES = new Set<AttributeType>(['string', 'integer', 'float', 'boolean', 'any']);
const ENTITY_NAME = /^(?![._-])(?!.*\.\.)[a-z0-9:._-]{3,60}(?<!\.)$/;
const ATTRIBUTE_NAME = /^[_A-Za-z][_0-9A-Za-z]{0,63}$/;
const INDEX_NAME = /^(?!\.)(?!.*\.\.)[a-zA-Z0-9:._-]{3,50}(?<!\.)$/;
const MAX_ENTITIES = 20;
const MAX_INDEXES = 7;
const MAX_ATTRIBUTES = 50;
const MAX_TIMEOUT_SECONDS = 900;

function str(value: unknown, where: string): string {
  if (typeof value !== 'string' || value.length === 0) throw new ManifestError(`${where} must be a non-empty string`);
  return value;
}

function list(value: unknown): unknown[] {
  return Array.isArray(value) ? value : [];
}

function stringList(value: unknown, where: string): string[] {
  if (value === undefined) return [];
  if (!Array.isArray(value)) throw new ManifestError(`${where} must be a list`);
  return value.map((item, i) => str(item, `${where}[${i}]`));
}

function parseFunction(raw: unknown): FunctionDef {
  if (!isRecord(raw)) throw new ManifestError('every function module must be a mapping');
  const key = str(raw.key, 'function.key');
  const handler = str(raw.handler, `function ${key}.handler`);
  const dot = handler.lastIndexOf('.');
  if (dot <= 0 || dot === handler.length - 1) throw new ManifestError(`function ${key}.handler must read file.export, got '${handler}'`);
  const timeout = raw.timeoutSeconds;
  if (timeout !== undefined && (typeof timeout !== 'number' || !Number.isInteger(timeout) || timeout < 1 || timeout > MAX_TIMEOUT_SECONDS)) {
    throw new ManifestError(`function ${key}.timeoutSeconds must be an integer between 1 and ${MAX_TIMEOUT_SECONDS}`);
  }
  return { key, file: handler.slice(0, dot), exportName: handler.slice(dot + 1), timeoutSeconds: timeout };
}

function parseIndex(raw: unknown, entity: string, attributes: Map<string, AttributeType>): EntityIndexDef {
  const index: EntityIndexDef =
    typeof raw === 'string'
      ? { name: raw, partition: [], range: raw }
      : (() => {
          if (!isRecord(raw)) throw new ManifestError(`entity ${entity}: every index must be an attribute name or a mapping`);
          const name = str(raw.name, `entity ${entity} index.name`);
          const range = stringList(raw.range, `entity ${entity} index ${name}.range`);
          if (range.length !== 1) throw new ManifestError(`entity ${entity} index ${name}: range must name exactly one attribute`);
          return { name, partition: stringList(raw.partition, `entity ${entity} index ${name}.partition`), range: range[0] };
        })();
  if (!INDEX_NAME.test(index.name)) throw new ManifestError(`entity ${entity}: invalid index name '${index.name}'`);
  for (const attribute of [...index.partition, index.range]) {
    const type = attributes.get(attribute);
    if (type === undefined) throw new ManifestError(`entity ${entity} index ${index.name} uses undeclared attribute '${attribute}'`);
    if (type === 'any') throw new ManifestError(`entity ${entity} index ${index.name}: attribute '${attribute}' of type any cannot be indexed`);
  }
  return index;
}

function parseEntity(raw: unknown): EntityDef {
  if (!isRecord(raw)) throw new ManifestError('every storage entity must be a mapping');
  const name = str(raw.name, 'entity.name');
  if (!ENTITY_NAME.test(name)) throw new ManifestError(`invalid entity name '${name}'`);
  const attributes = new Map<string, AttributeType>();
  const rawAttributes = isRecord(raw.attributes) ? raw.attributes : {};
  for (const [attribute, spec] of Object.entries(rawAttributes)) {
    if (!ATTRIBUTE_NAME.test(attribute)) throw new ManifestError(`entity ${name}: invalid attribute name '${attribute}'`);
    const type = isRecord(spec) ? spec.type : undefined;
    if (typeof type !== 'string' || !ATTRIBUTE_TYPES.has(type as AttributeType)) {
      throw new ManifestError(`entity ${name}.${attribute}: type must be one of ${[...ATTRIBUTE_TYPES].join(', ')}`);
    }
    attributes.set(attribute, type as AttributeType);
  }
  if (attributes.size > MAX_ATTRIBUTES) throw new ManifestError(`entity ${name} has more than ${MAX_ATTRIBUTES} attributes`);
  const indexes = new Map<string, EntityIndexDef>();
  for (const rawIndex of list(raw.indexes)) {
    const index = parseIndex(rawIndex, name, attributes);
    if (indexes.has(index.name) || index.name === 'by-key') throw new ManifestError(`entity ${name}: duplicate index '${index.name}'`);
    indexes.set(index.name, index);
  }
  if (indexes.size > MAX_INDEXES) throw new ManifestError(`entity ${name} has more than ${MAX_INDEXES} indexes`);
  return { name, attributes, indexes };
}

/**
 * `permissions.scopes` in both documented forms (manifest-reference/permissions): a list of scope
 * names, or a map from scope name to `{}` / `{ allowImpersonation: boolean }` (the form offline
 * impersonation needs).
 */
function parseScopes(raw: unknown): ScopeDef[] {
  const scopes = isRecord(raw) ? raw.scopes : undefined;
  if (scopes === undefined) return [];
  if (Array.isArray(scopes)) {
    return scopes.map((scope, i) => ({ key: str(scope, `permissions.scopes[${i}]`), allowImpersonation: false }));
  }
  if (!isRecord(scopes)) throw new ManifestError('permissions.scopes must be a list of scope names or a map of scope name to options');
  return Object.entries(scopes).map(([key, options]) => {
    if (!isRecord(options)) throw new ManifestError(`permissions.scopes.${key} must be a map ({} or { allowImpersonation: true | false })`);
    const unknown = Object.keys(options).filter((option) => option !== 'allowImpersonation');
    if (unknown.length > 0) throw new ManifestError(`permissions.scopes.${key}: unknown option '${unknown[0]}' (only allowImpersonation)`);
    if (options.allowImpersonation !== undefined && typeof options.allowImpersonation !== 'boolean') {
      throw new ManifestError(`permissions.scopes.${key}.allowImpersonation must be true or false`);
    }
    return { key, allowImpersonation: options.allowImpersonation === true };
  });
}

export function parseManifest(text: string): AppManifest {
  const doc: unknown = parse(text);
  if (!isRecord(doc)) throw new ManifestError('the document must be a mapping');
  const app = isRecord(doc.app) ? doc.app : {};
  const appAri = str(app.id, 'app.id');
  const appId = appAri.replace(/^ari:cloud:ecosystem::app\//, '');
  const modules = isRecord(doc.modules) ? doc.modules : {};

  const functions = new Map<string, FunctionDef>();
  for (const raw of list(modules.function)) {
    const fn = parseFunction(raw);
    if (functions.has(fn.key)) throw new ManifestError(`duplicate function key '${fn.key}'`);
    functions.set(fn.key, fn);
  }
  const needFunction = (key: unknown, where: string): string => {
    const functionKey = str(key, `${where}.function`);
    if (!functions.has(functionKey)) throw new ManifestError(`${where} refers to unknown function '${functionKey}'`);
    return functionKey;
  };

  const consumers = list(modules.consumer).map((raw): ConsumerDef => {
    if (!isRecord(raw)) throw new ManifestError('consumer entries must be mappings');
    const key = str(raw.key, 'consumer.key');
    return { key, queue: str(raw.queue, `consumer ${key}.queue`), functionKey: needFunction(raw.function, `consumer ${key}`) };
  });
  const triggers = list(modules.trigger).map((raw): TriggerDef => {
    if (!isRecord(raw)) throw new ManifestError('trigger entries must be mappings');
    const key = str(raw.key, 'trigger.key');
    const filter = isRecord(raw.filter) ? raw.filter : {};
    const events = stringList(raw.events, `trigger ${key}.events`);
    // forge deploy's validator (@forge/manifest validate-trigger.js) refuses it, although
    // events-reference/product_events shows it on a Confluence event: the stricter source wins.
    if (filter.ignoreSelf === true && !events.every((event) => event.includes('jira'))) {
      throw new ManifestError(`trigger ${key}: Trigger filtering with ignoreSelf works only with Jira events`);
    }
    return {
      key,
      functionKey: needFunction(raw.function, `trigger ${key}`),
      events,
      ...(typeof filter.expression === 'string' ? { expression: filter.expression } : {}),
    };
  });
  const scheduledTriggers = list(modules.scheduledTrigger).map((raw): ScheduledTriggerDef => {
    if (!isRecord(raw)) throw new ManifestError('scheduledTrigger entries must be mappings');
    const key = str(raw.key, 'scheduledTrigger.key');
    return { key, functionKey: needFunction(raw.function, `scheduledTrigger ${key}`), interval: str(raw.interval, `scheduledTrigger ${key}.interval`) };
  });
  if (scheduledTriggers.length > 5) throw new ManifestError('an app can declare at most five scheduled triggers');
  const apiRoutes = list(modules.apiRoute).map((raw): ApiRouteDef => {
    if (!isRecord(raw)) throw new ManifestError('apiRoute entries must be mappings');
    const key = str(raw.key, 'apiRoute.key');
    return {
      key,
      path: str(raw.path, `apiRoute ${key}.path`),
      operation: str(raw.operation, `apiRoute ${key}.operation`).toUpperCase(),
      functionKey: needFunction(raw.function, `apiRoute ${key}`),
      scopes: stringList(raw.scopes, `apiRoute ${key}.scopes`),
    };
  });

  const uiModules = new Map<string, UiModuleDef>();
  for (const [type, entries] of Object.entries(modules)) {
    if (NON_UI_MODULE_TYPES.has(type)) continue;
    for (const raw of list(entries)) {
      if (!isRecord(raw)) continue;
      const key = str(raw.key, `${type}.key`);
      const resolver = isRecord(raw.resolver) ? raw.resolver : undefined;
      uiModules.set(key, { key, type, resolverFunctionKey: resolver === undefined ? undefined : needFunction(resolver.function, `${type} ${key}.resolver`) });
    }
  }

  const storage = isRecord(app.storage) ? app.storage : {};
  const entities = new Map<string, EntityDef>();
  for (const raw of list(storage.entities)) {
    const entity = parseEntity(raw);
    if (entities.has(entity.name)) throw new ManifestError(`duplicate entity '${entity.name}'`);
    entities.set(entity.name, entity);
  }
  if (entities.size > MAX_ENTITIES) throw new ManifestError(`an app can declare at most ${MAX_ENTITIES} entities`);

  return { appId, functions, consumers, triggers, scheduledTriggers, apiRoutes, uiModules, entities, scopes: parseScopes(doc.permissions) };
}

/** `manifestFile` replaces `<appRoot>/manifest.yml`, e.g. a copy with one scope removed. */
export function loadManifest(appRoot: string, manifestFile = join(appRoot, 'manifest.yml')): AppManifest {
  const manifest = parseManifest(readFileSync(manifestFile, 'utf8'));
  if (manifest.apiRoutes.length > 0) checkApiRouteScopes(manifest.apiRoutes, appRoot);
  return manifest;
}

/** An apiRoute may only require a scope the app registered (sandbox/runtime/custom-scopes.ts). */
function checkApiRouteScopes(routes: readonly ApiRouteDef[], appRoot: string): void {
  let registered: Set<string>;
  try {
    registered = loadCustomScopes(appRoot);
  } catch (error) {
    throw new ManifestError(error instanceof Error ? error.message : String(error));
  }
  for (const route of routes) {
    const unknown = route.scopes.filter((scope) => !registered.has(scope));
    if (unknown.length > 0) throw new ManifestError(`apiRoute ${route.key} requires ${unknown.join(', ')}, which ${CUSTOM_SCOPES_FILE} does not register`);
  }
}
