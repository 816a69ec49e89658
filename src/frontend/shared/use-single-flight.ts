import { useCallback, useRef, useState } from 'react';

export interface SingleFlight<Name extends string> {
  /** The action whose call is running, for its button's spinner; null when idle. */
  busy: Name | null;
  /**
   * Runs `task` unless another one is running: a second click before the first call answers is
   * ignored, so nothing is ever submitted twice. Answers undefined when it was ignored.
   */
  run<T>(name: Name, task: () => Promise<T>): Promise<T | undefined>;
}

/** One call at a time per screen: buttons show loading and cannot double-submit. */
export function useSingleFlight<Name extends string>(): SingleFlight<Name> {
  // A ref, not the state: two clicks inside one render would both still see `busy === null`.
  const running = useRef<Name | null>(null);
  const [busy, setBusy] = useState<Name | null>(null);
  const run = useCallback(async <T>(name: Name, task: () => Promise<T>): Promise<T | undefined> => {
    if (running.current !== null) return undefined;
    running.current = name;
    setBusy(name);
    try {
      return await task();
    } finally {
      running.current = null;
      setBusy(null);
    }
  }, []);
  return { busy, run };
}
