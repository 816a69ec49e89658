import { useCallback, useEffect, useRef, useState } from 'react';
import { type ApiFailure, type ApiResult } from './api';

export interface ApiResource<T> {
  /** The latest answer; kept while a reload runs so the screen does not flash empty. */
  data: T | undefined;
  /** Why the latest load failed, until the next load succeeds. */
  error: ApiFailure | undefined;
  loading: boolean;
  reload(): Promise<void>;
  /** Takes a fresher copy from elsewhere, e.g. the view an action answered with. */
  replace(data: T): void;
}

/**
 * Loads once on mount, reloads on demand. Only the newest load may land: an answer that arrives
 * after a later load started (or after `replace`) is dropped, so an old view never overwrites a
 * newer one.
 */
export function useApiResource<T>(load: () => Promise<ApiResult<T>>): ApiResource<T> {
  const latestLoad = useRef(load);
  latestLoad.current = load;
  const generation = useRef(0);
  const [state, setState] = useState<{ data: T | undefined; error: ApiFailure | undefined; loading: boolean }>({
    data: undefined,
    error: undefined,
    loading: true,
  });

  const reload = useCallback(async (): Promise<void> => {
    generation.current += 1;
    const mine = generation.current;
    setState((previous) => ({ ...previous, loading: true }));
    const result = await latestLoad.current();
    if (mine !== generation.current) return;
    setState((previous) => (result.ok ? { data: result.data, error: undefined, loading: false } : { data: previous.data, error: result.error, loading: false }));
  }, []);

  const replace = useCallback((data: T): void => {
    generation.current += 1;
    setState({ data, error: undefined, loading: false });
  }, []);

  useEffect(() => {
    void reload();
  }, [reload]);

  return { ...state, reload, replace };
}
