/**
 * Paging as the two API generations do it.
 * v2: opaque cursors. Ours remember the sort key of the last item served (keyset paging),
 * so content added or removed between two calls never makes a client see an item twice
 * or skip one that was already there, which is what Confluence's cursors guarantee too.
 * v1: `start`/`limit` offsets.
 */
import { invalidParameter } from './errors';

export type SortKey = ReadonlyArray<string | number>;

export function compareKeys(a: SortKey, b: SortKey): number {
  for (let i = 0; i < Math.min(a.length, b.length); i++) {
    const x = a[i];
    const y = b[i];
    if (x === y) continue;
    if (typeof x === 'number' && typeof y === 'number') return x - y;
    return String(x) < String(y) ? -1 : 1;
  }
  return a.length - b.length;
}

function encodeCursor(key: SortKey): string {
  return Buffer.from(JSON.stringify(key), 'utf8').toString('base64url');
}

function decodeCursor(cursor: string): SortKey {
  try {
    const parsed: unknown = JSON.parse(Buffer.from(cursor, 'base64url').toString('utf8'));
    if (Array.isArray(parsed) && parsed.every((part) => typeof part === 'string' || typeof part === 'number')) {
      return parsed;
    }
  } catch {
    // Falls through to the same error as a well-formed but meaningless cursor.
  }
  throw invalidParameter(`Invalid cursor: ${cursor}`);
}

export interface CursorPage<T> {
  items: T[];
  nextCursor: string | null;
}

/** `items` must already be sorted by `keyOf`, and keys must be unique (end them with the id). */
export function cursorPage<T>(items: T[], keyOf: (item: T) => SortKey, cursor: string | null, limit: number): CursorPage<T> {
  const after = cursor === null ? null : decodeCursor(cursor);
  const remaining = after === null ? items : items.filter((item) => compareKeys(keyOf(item), after) > 0);
  const page = remaining.slice(0, limit);
  const nextCursor = remaining.length > limit ? encodeCursor(keyOf(page[page.length - 1])) : null;
  return { items: page, nextCursor };
}

/** v2 clamps an oversized limit to the endpoint's maximum but rejects nonsense. */
export function v2Limit(query: URLSearchParams, fallback: number, max: number): number {
  const raw = query.get('limit');
  if (raw === null || raw === '') return fallback;
  const limit = Number(raw);
  if (!Number.isInteger(limit) || limit < 1) throw invalidParameter(`Invalid value for 'limit': ${raw}`);
  return Math.min(limit, max);
}

export interface OffsetWindow {
  start: number;
  limit: number;
}

export function v1Window(query: URLSearchParams, fallbackLimit: number, maxLimit: number): OffsetWindow {
  const parse = (name: string, fallback: number): number => {
    const raw = query.get(name);
    if (raw === null || raw === '') return fallback;
    const value = Number(raw);
    if (!Number.isInteger(value) || value < 0) throw invalidParameter(`Invalid value for '${name}': ${raw}`);
    return value;
  };
  return { start: parse('start', 0), limit: Math.min(parse('limit', fallbackLimit), maxLimit) };
}
