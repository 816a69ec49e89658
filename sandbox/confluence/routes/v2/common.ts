/** Small conventions every v2 route shares: the prefix, status filters, sorting for keyset paging. */
import { invalidParameter } from '../../errors';
import { queryList } from '../../http';
import { compareKeys, type SortKey } from '../../paging';
import { type ContentStatus, contentStatusSchema } from '../../state';

export const V2 = '/wiki/api/v2';

export function statusesOf(query: URLSearchParams, fallback: readonly ContentStatus[]): ContentStatus[] {
  const raw = queryList(query, 'status');
  if (raw.length === 0) return [...fallback];
  return raw.map((value) => {
    const parsed = contentStatusSchema.safeParse(value);
    if (!parsed.success) throw invalidParameter(`Invalid value for 'status': ${value}`);
    return parsed.data;
  });
}

export function sortedBy<T>(items: readonly T[], keyOf: (item: T) => SortKey): T[] {
  return [...items].sort((a, b) => compareKeys(keyOf(a), keyOf(b)));
}

/** The `sort` parameter picks one of a route's orderings; an unknown one is a 400, as in Confluence. */
export function sortKeyOf<T>(query: URLSearchParams, orderings: Record<string, (item: T) => SortKey>, fallback: string): (item: T) => SortKey {
  const requested = query.get('sort') ?? fallback;
  const keyOf = Object.hasOwn(orderings, requested) ? orderings[requested] : undefined;
  if (!keyOf) throw invalidParameter(`Invalid value for 'sort': ${requested}`);
  return keyOf;
}

/**
 * The most results an `include-*` block embeds: "The number of results will be limited to 50" (v2
 * OpenAPI, e.g. getPageById's include-labels, include-properties, include-operations); `meta.hasMore`
 * says there are more, to be read from the list endpoint (`_links.self`).
 */
export const INCLUDED_LIMIT = 50;

/** The shape of an `include-*` block embedded in a single entity. */
export function includedList(results: unknown[], selfPath: string): Record<string, unknown> {
  return { results: results.slice(0, INCLUDED_LIMIT), meta: { hasMore: results.length > INCLUDED_LIMIT, cursor: null }, _links: { self: selfPath } };
}
