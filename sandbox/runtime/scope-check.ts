/**
 * Whether the app's manifest scopes let it call a Confluence operation, by the table in
 * confluence-scopes.ts. Used for every Confluence call the app makes: back end (`asApp`,
 * `asUser`) and front end (`requestConfluence` from UI Kit), since both run on the app's token.
 */
import { CONFLUENCE_OPERATION_SCOPES, NOT_CONFLUENCE_OPERATIONS, type OperationScopes } from './confluence-scopes';
import { type ScopeDef } from './manifest';

/** What Confluence answers a token that lacks a scope of the operation (see docs/sandbox-runtime.md, Fidelity). */
export const SCOPE_MISMATCH = {
  status: 401,
  headers: { 'content-type': 'application/json;charset=UTF-8' },
  body: JSON.stringify({ code: 401, message: 'Unauthorized; scope does not match' }),
};

/** Storage calls need `storage:app` (runtime-reference/storage-api-basic, "Scope requirement"). */
export const STORAGE_SCOPE = 'storage:app';

function segmentsOf(path: string): string[] {
  return path.split('?')[0].replace(/\/+$/, '').split('/');
}

const isPlaceholder = (segment: string): boolean => segment.startsWith('{') && segment.endsWith('}');

/** How many literal segments of `template` the path matches, or -1 when it does not match. */
function literalMatches(template: string, path: string[]): number {
  const want = segmentsOf(template);
  if (want.length !== path.length) return -1;
  let literals = 0;
  for (let i = 0; i < want.length; i++) {
    if (isPlaceholder(want[i])) {
      if (path[i] === '') return -1;
    } else if (want[i] === path[i]) {
      literals++;
    } else {
      return -1;
    }
  }
  return literals;
}

/** The operation a request calls; a literal segment wins over a placeholder (`group/picker` over `group/{id}`). */
export function operationFor(method: string, path: string): OperationScopes | undefined {
  const segments = segmentsOf(path);
  const verb = method.toUpperCase();
  let best: OperationScopes | undefined;
  let bestLiterals = -1;
  for (const entry of CONFLUENCE_OPERATION_SCOPES) {
    if (entry.method !== verb) continue;
    const literals = literalMatches(entry.path, segments);
    if (literals > bestLiterals) {
      best = entry;
      bestLiterals = literals;
    }
  }
  return best;
}

/**
 * The operation with its scopes; throws when the sandbox does not know the operation, so a route
 * added to the emulator (or a call the app invents) without its scopes cannot pass unnoticed.
 */
export function requireOperation(method: string, path: string): OperationScopes {
  const verb = method.toUpperCase();
  const segments = segmentsOf(path);
  if (NOT_CONFLUENCE_OPERATIONS.some((entry) => entry.method === verb && literalMatches(entry.path, segments) >= 0)) {
    throw new Error(`Confluence ${verb} ${path.split('?')[0]}: Confluence Cloud has no such operation (absent from its OpenAPI)`);
  }
  const operation = operationFor(verb, path);
  if (operation === undefined) {
    throw new Error(
      `Confluence ${verb} ${path.split('?')[0]} is not in sandbox/runtime/confluence-scopes.ts: add the operation with the scopes its OpenAPI names`,
    );
  }
  return operation;
}

export function missingScopes(granted: readonly ScopeDef[], operation: OperationScopes): string[] {
  return operation.scopes.filter((scope) => !granted.some((held) => held.key === scope));
}

/** Offline impersonation is allowed only through a scope of the call marked `allowImpersonation` (manifest-reference/permissions). */
export function allowsImpersonation(granted: readonly ScopeDef[], operation: OperationScopes): boolean {
  return granted.some((held) => held.allowImpersonation && operation.scopes.includes(held.key));
}

/** Confluence's refusal when the app lacks a scope of the operation, or undefined when it holds them all. */
export function scopeRefusal(granted: readonly ScopeDef[], method: string, path: string): typeof SCOPE_MISMATCH | undefined {
  return missingScopes(granted, requireOperation(method, path)).length > 0 ? { ...SCOPE_MISMATCH, headers: { ...SCOPE_MISMATCH.headers } } : undefined;
}
