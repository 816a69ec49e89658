import { useCallback, useEffect, useRef, useState } from 'react';
import { type AnalyticsView } from '../../shared/contract';
import { type ApiFailure } from '../shared/api';
import { callAnalytics } from './analytics-api';
import { type AnalyticsQuery } from './analytics-query';

export interface AnalyticsData {
  /** The latest answer; kept while the next one loads so the page does not flash empty. */
  view: AnalyticsView | undefined;
  /** Why the latest load failed (a bad date range is refused before anything is asked). */
  error: ApiFailure | undefined;
  loading: boolean;
  reload(): Promise<void>;
}

/** The analytics for a query; a new query loads again, and only the newest answer may land. */
export function useAnalytics(query: AnalyticsQuery): AnalyticsData {
  const [state, setState] = useState<Omit<AnalyticsData, 'reload'>>({ view: undefined, error: undefined, loading: true });
  const latestQuery = useRef(query);
  latestQuery.current = query;
  const generation = useRef(0);
  // A fresh object every render; its content is what identifies the query.
  const key = JSON.stringify(query);

  const reload = useCallback(async (): Promise<void> => {
    generation.current += 1;
    const mine = generation.current;
    setState((previous) => ({ ...previous, loading: true }));
    const result = await callAnalytics('getAnalytics', latestQuery.current);
    if (mine !== generation.current) return;
    setState((previous) => (result.ok ? { view: result.data, error: undefined, loading: false } : { ...previous, error: result.error, loading: false }));
  }, []);

  useEffect(() => {
    void reload();
  }, [key, reload]);

  return { ...state, reload };
}
