import { useCallback, useEffect, useRef, useState } from 'react';
import { type QueueItemView, type QueuePageView } from '../../shared/contract';
import { type ApiFailure, type ApiResult } from '../shared/api';
import { callQueue } from './queue-api';
import { type QueueQuery } from './queue-query';

/**
 * A page can come back empty with a cursor (items on pages the viewer cannot see are left out,
 * "Pending for me" filters after the page is cut). Following a few such cursors at once spares
 * the person a "Load more" that shows nothing.
 */
const EMPTY_PAGES_FOLLOWED = 5;

export interface QueueList {
  items: readonly QueueItemView[];
  /** The space's workflows, for the workflow filter; kept from the last answer while reloading. */
  workflows: QueuePageView['workflows'];
  /** More items exist past the loaded ones. */
  hasMore: boolean;
  /** The first page of the current query has arrived (or failed). */
  loaded: boolean;
  loading: boolean;
  loadingMore: boolean;
  error: ApiFailure | undefined;
  /** Starts again from the first page, e.g. after decisions changed the list. */
  reload(): Promise<void>;
  loadMore(): Promise<void>;
}

interface ListState {
  /** The tab the items belong to: another tab's rows are never shown under this tab's columns. */
  tab: QueueQuery['tab'] | undefined;
  items: QueueItemView[];
  workflows: QueuePageView['workflows'];
  cursor: string | undefined;
  loaded: boolean;
  loading: boolean;
  loadingMore: boolean;
  error: ApiFailure | undefined;
}

const INITIAL: ListState = { tab: undefined, items: [], workflows: [], cursor: undefined, loaded: false, loading: true, loadingMore: false, error: undefined };

async function fetchPage(query: QueueQuery, cursor: string | undefined): Promise<ApiResult<QueuePageView>> {
  const ask = (from: string | undefined) => callQueue('listQueue', { tab: query.tab, filters: query.filters, ...(from === undefined ? {} : { cursor: from }) });
  let result = await ask(cursor);
  for (let followed = 0; followed < EMPTY_PAGES_FOLLOWED && result.ok && result.data.items.length === 0 && result.data.cursor !== undefined; followed += 1) {
    result = await ask(result.data.cursor);
  }
  return result;
}

/**
 * The queue's items for a query, page by page. A new query (tab or filters) starts from the
 * first page; `null` means the query is not valid yet and nothing is asked. Only the newest load
 * may land, so a slow answer for the previous tab never replaces the current one.
 */
export function useQueueList(query: QueueQuery | null): QueueList {
  const [state, setState] = useState<ListState>(INITIAL);
  const generation = useRef(0);
  const latestQuery = useRef(query);
  latestQuery.current = query;
  // Filters are a fresh object on every render; their content is what identifies the query.
  const key = query === null ? null : JSON.stringify(query);

  const reload = useCallback(async (): Promise<void> => {
    const current = latestQuery.current;
    generation.current += 1;
    const mine = generation.current;
    if (current === null) return;
    setState((previous) => ({ ...previous, loading: true, loadingMore: false }));
    const result = await fetchPage(current, undefined);
    if (mine !== generation.current) return;
    setState((previous) =>
      result.ok
        ? {
            tab: current.tab,
            items: result.data.items,
            workflows: result.data.workflows,
            cursor: result.data.cursor,
            loaded: true,
            loading: false,
            loadingMore: false,
            error: undefined,
          }
        : { ...previous, tab: current.tab, items: [], cursor: undefined, loaded: true, loading: false, error: result.error },
    );
  }, []);

  const loadMore = useCallback(async (): Promise<void> => {
    const current = latestQuery.current;
    const cursor = state.cursor;
    if (current === null || cursor === undefined || state.loadingMore) return;
    const mine = generation.current;
    setState((previous) => ({ ...previous, loadingMore: true }));
    const result = await fetchPage(current, cursor);
    if (mine !== generation.current) return;
    setState((previous) =>
      result.ok
        ? {
            ...previous,
            // A request decided between two pages can reach the next page too; it is listed once.
            items: [...previous.items, ...result.data.items.filter((item) => !previous.items.some((known) => known.requestId === item.requestId))],
            workflows: result.data.workflows,
            cursor: result.data.cursor,
            loadingMore: false,
            error: undefined,
          }
        : { ...previous, loadingMore: false, error: result.error },
    );
  }, [state.cursor, state.loadingMore]);

  useEffect(() => {
    void reload();
  }, [key, reload]);

  // Filters changing keep the rows on screen, dimmed, until the answer; a tab changing does not.
  const current = state.loaded && query !== null && state.tab === query.tab;
  return {
    items: current ? state.items : [],
    workflows: state.workflows,
    hasMore: current && state.cursor !== undefined,
    loaded: current,
    loading: state.loading,
    loadingMore: state.loadingMore,
    error: state.error,
    reload,
    loadMore,
  };
}
