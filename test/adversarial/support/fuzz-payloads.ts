/**
 * Payloads for the fuzz suite: shapes generated from a resolver's zod schema (the node types the
 * contract uses), leaves drawn from ids the scene made and from hostile values, then mutated:
 * wrong types, missing and extra fields, prototype keys, huge strings, odd ids, broken unicode.
 * Every payload is plain JSON, as it crosses the bridge.
 */
import fc from 'fast-check';
import { type z } from 'zod';

/** Ids outside every id alphabet, and strings that mean something to JavaScript, paths or URLs. */
export const ODD_IDS = [
  'req/1',
  'prüfung',
  'a+b',
  '../spaces/1002',
  '..%2F..%2Fspaces',
  'a\u0000b',
  '\u0007\u001b[2J',
  '',
  ' ',
  '-1',
  '1e3',
  '9223372036854775808',
  '0'.repeat(25),
  'x'.repeat(65),
  '\ud800',
  '😀',
  '\u200b',
  'null',
  '${1+1}',
  '<script>alert(1)</script>',
];

export const PROTOTYPE_KEYS = ['__proto__', 'constructor', 'prototype', 'hasOwnProperty', 'toString', 'valueOf'];

/** Within the 500 KB invoke limit even two at once. */
export const HUGE_STRINGS = ['A'.repeat(100_000), '\u200b'.repeat(40_000), 'ü'.repeat(60_000), '𝔘'.repeat(25_000)];

const WRONG_TYPES: unknown[] = [null, 0, -1, 1.5, 2 ** 53, -(2 ** 31), 1e308, true, false, '', [], {}, [null], { '': null }];

export interface Pools {
  /** Strings that mean something in the scene (its workflow and request ids, pages, spaces). */
  known: string[];
}

function stringLeaf(pools: Pools): fc.Arbitrary<unknown> {
  return fc.oneof(
    { weight: 4, arbitrary: fc.constantFrom(...pools.known) },
    { weight: 3, arbitrary: fc.constantFrom(...ODD_IDS, ...PROTOTYPE_KEYS) },
    { weight: 2, arbitrary: fc.string({ unit: 'binary', maxLength: 40 }) },
    { weight: 1, arbitrary: fc.string({ unit: 'grapheme', maxLength: 30 }) },
  );
}

const numberLeaf: fc.Arbitrary<unknown> = fc.oneof(fc.integer({ min: -3, max: 60 }), fc.constantFrom(2 ** 31, 2 ** 53 + 2, 0.5, -0, 1e21));

/** An own property even for `__proto__` (an assignment would set the prototype instead). */
function withKey(target: Record<string, unknown>, key: string, value: unknown): void {
  Object.defineProperty(target, key, { value, enumerable: true, writable: true, configurable: true });
}

/** A value shaped like the schema; leaves may or may not satisfy their checks. */
export function arbitraryOf(schema: z.ZodType, pools: Pools): fc.Arbitrary<unknown> {
  const def = (schema as unknown as { _zod: { def: ZodDef } })._zod.def;
  switch (def.type) {
    case 'object': {
      const entries = Object.entries(def.shape ?? {});
      const required = entries.filter(([, field]) => !isOptional(field)).map(([key]) => key);
      return fc
        .record(Object.fromEntries(entries.map(([key, field]) => [key, arbitraryOf(field, pools)])), { requiredKeys: required })
        .map((record) => {
          const built: Record<string, unknown> = {};
          for (const [key, value] of Object.entries(record)) withKey(built, key, value);
          return built;
        });
    }
    case 'intersection':
      return fc.tuple(arbitraryOf(def.left as z.ZodType, pools), arbitraryOf(def.right as z.ZodType, pools)).map(([left, right]) => ({ ...asObject(left), ...asObject(right) }));
    case 'array':
      return fc.array(arbitraryOf(def.element as z.ZodType, pools), { maxLength: 3 });
    case 'union':
      return fc.oneof(...(def.options ?? []).map((option) => arbitraryOf(option, pools)));
    case 'optional':
    case 'default':
    case 'prefault':
      return arbitraryOf(def.innerType as z.ZodType, pools);
    case 'nullable':
      return fc.oneof(fc.constant(null), arbitraryOf(def.innerType as z.ZodType, pools));
    case 'pipe':
      return arbitraryOf(def.in as z.ZodType, pools);
    case 'enum':
      return fc.oneof({ weight: 4, arbitrary: fc.constantFrom(...Object.values(def.entries ?? {})) }, { weight: 1, arbitrary: stringLeaf(pools) });
    case 'literal':
      return fc.constantFrom(...(def.values ?? []));
    case 'string':
      return stringLeaf(pools);
    case 'number':
      return numberLeaf;
    case 'boolean':
      return fc.boolean();
    default:
      throw new Error(`the fuzz generator does not know zod's '${def.type}' yet: add it`);
  }
}

interface ZodDef {
  type: string;
  shape?: Record<string, z.ZodType>;
  element?: unknown;
  options?: z.ZodType[];
  innerType?: unknown;
  in?: unknown;
  left?: unknown;
  right?: unknown;
  entries?: Record<string, string | number>;
  values?: unknown[];
}

function isOptional(schema: z.ZodType): boolean {
  const { type } = (schema as unknown as { _zod: { def: ZodDef } })._zod.def;
  return type === 'optional' || type === 'default' || type === 'prefault';
}

function asObject(value: unknown): Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value) ? (value as Record<string, unknown>) : {};
}

type Path = (string | number)[];

/** Every node of a JSON value, the root first. */
function pathsOf(value: unknown, path: Path = []): Path[] {
  if (Array.isArray(value)) return [path, ...value.flatMap((item, index) => pathsOf(item, [...path, index]))];
  if (typeof value === 'object' && value !== null) return [path, ...Object.entries(value).flatMap(([key, item]) => pathsOf(item, [...path, key]))];
  return [path];
}

type Mutation =
  | { kind: 'replace'; at: number; value: unknown }
  | { kind: 'delete'; at: number }
  | { kind: 'extraKey'; at: number; key: string; value: unknown }
  | { kind: 'repeat'; at: number; times: number }
  | { kind: 'root'; value: unknown };

function mutationArb(pools: Pools): fc.Arbitrary<Mutation> {
  const hostile = fc.oneof(
    { weight: 3, arbitrary: fc.constantFrom(...WRONG_TYPES) },
    { weight: 3, arbitrary: stringLeaf(pools) },
    { weight: 1, arbitrary: fc.constantFrom(...HUGE_STRINGS) },
    { weight: 1, arbitrary: fc.constantFrom(...PROTOTYPE_KEYS).map((key) => objectWith(key, {})) },
  );
  const at = fc.nat();
  return fc.oneof(
    { weight: 5, arbitrary: fc.record({ kind: fc.constant('replace' as const), at, value: hostile }) },
    { weight: 3, arbitrary: fc.record({ kind: fc.constant('delete' as const), at }) },
    {
      weight: 3,
      arbitrary: fc.record({ kind: fc.constant('extraKey' as const), at, key: fc.oneof(fc.constantFrom(...PROTOTYPE_KEYS), fc.string({ maxLength: 12 })), value: hostile }),
    },
    { weight: 1, arbitrary: fc.record({ kind: fc.constant('repeat' as const), at, times: fc.constantFrom(21, 51, 101) }) },
    { weight: 1, arbitrary: fc.record({ kind: fc.constant('root' as const), value: fc.constantFrom<unknown>(null, [], 'payload', 42, true, [{}]) }) },
  );
}

function objectWith(key: string, value: unknown): Record<string, unknown> {
  const target: Record<string, unknown> = {};
  withKey(target, key, value);
  return target;
}

function parentOf(root: unknown, path: Path): unknown {
  return path.slice(0, -1).reduce<unknown>((node, key) => (node as Record<string | number, unknown>)[key], root);
}

function apply(root: unknown, mutation: Mutation): unknown {
  if (mutation.kind === 'root') return asJson(mutation.value);
  const paths = pathsOf(root);
  const path = paths[mutation.at % paths.length];
  if (path.length === 0) {
    if (mutation.kind === 'replace') return asJson(mutation.value);
    if (mutation.kind === 'extraKey' && typeof root === 'object' && root !== null && !Array.isArray(root)) withKey(root as Record<string, unknown>, mutation.key, asJson(mutation.value));
    return root;
  }
  const parent = parentOf(root, path) as Record<string | number, unknown> | unknown[];
  const key = path[path.length - 1];
  const node = (parent as Record<string | number, unknown>)[key];
  switch (mutation.kind) {
    case 'replace':
      if (Array.isArray(parent)) parent[key as number] = asJson(mutation.value);
      else withKey(parent, String(key), asJson(mutation.value));
      break;
    case 'delete':
      if (Array.isArray(parent)) parent.splice(key as number, 1);
      else delete parent[key];
      break;
    case 'extraKey':
      if (typeof node === 'object' && node !== null && !Array.isArray(node)) withKey(node as Record<string, unknown>, mutation.key, asJson(mutation.value));
      break;
    case 'repeat':
      if (Array.isArray(node) && node.length > 0) node.push(...Array.from({ length: mutation.times }, () => node[0] as unknown));
      break;
  }
  return root;
}

/** A JSON copy: what the bridge carries (own `__proto__` keys survive it as plain keys). */
export function asJson(value: unknown): unknown {
  const text = JSON.stringify(value);
  return text === undefined ? null : (JSON.parse(text) as unknown);
}

/**
 * Payloads for one resolver function: from its schema or from a known-valid payload, then up to
 * two mutations (none for about a third, so valid calls run too).
 */
export function payloadArb(schema: z.ZodType, valid: unknown[], pools: Pools): fc.Arbitrary<unknown> {
  const base = fc.oneof({ weight: 1, arbitrary: arbitraryOf(schema, pools) }, { weight: 1, arbitrary: fc.constantFrom(...valid) });
  return fc
    .tuple(base, fc.oneof({ weight: 1, arbitrary: fc.constant([]) }, { weight: 2, arbitrary: fc.array(mutationArb(pools), { minLength: 1, maxLength: 2 }) }))
    .map(([start, mutations]) => mutations.reduce<unknown>((payload, mutation) => apply(payload, mutation), asJson(start)));
}
