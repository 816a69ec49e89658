/**
 * What `view.createHistory()` resolves to (the history v4 interface Forge documents), kept in
 * memory: full-page modules route with it (UI Kit's `Router` calls it on mount), and paths are
 * relative to the app's own URL, so no real address bar is needed.
 */
export type HistoryAction = 'POP' | 'PUSH' | 'REPLACE';

export interface HistoryLocation {
  pathname: string;
  search: string;
  hash: string;
  state?: unknown;
}

export type HistoryListener = (location: HistoryLocation, action: HistoryAction) => void;

export interface MemoryHistory {
  readonly action: HistoryAction;
  readonly location: HistoryLocation;
  readonly entries: readonly HistoryLocation[];
  push(to: string | Partial<HistoryLocation>, state?: unknown): void;
  replace(to: string | Partial<HistoryLocation>, state?: unknown): void;
  go(delta: number): void;
  goBack(): void;
  goForward(): void;
  listen(listener: HistoryListener): () => void;
}

export function parsePath(path: string, state?: unknown): HistoryLocation {
  const url = new URL(path, 'http://app.invalid');
  return { pathname: url.pathname, search: url.search, hash: url.hash, state };
}

function locationOf(to: string | Partial<HistoryLocation>, state: unknown): HistoryLocation {
  if (typeof to === 'string') return parsePath(to, state);
  return { pathname: to.pathname ?? '/', search: to.search ?? '', hash: to.hash ?? '', state: to.state ?? state };
}

export function createMemoryHistory(initialPath = '/'): MemoryHistory {
  const entries: HistoryLocation[] = [parsePath(initialPath)];
  const listeners = new Set<HistoryListener>();
  let index = 0;
  let action: HistoryAction = 'POP';
  const notify = (): void => {
    for (const listener of [...listeners]) listener(entries[index], action);
  };
  // A closure, not a method: apps may pass `history.goBack` around detached from `history`.
  const go = (delta: number): void => {
    const next = Math.min(Math.max(index + delta, 0), entries.length - 1);
    if (next === index) return;
    index = next;
    action = 'POP';
    notify();
  };
  return {
    get action() {
      return action;
    },
    get location() {
      return entries[index];
    },
    get entries() {
      return entries.slice();
    },
    push(to, state) {
      entries.splice(index + 1, entries.length, locationOf(to, state));
      index = entries.length - 1;
      action = 'PUSH';
      notify();
    },
    replace(to, state) {
      entries[index] = locationOf(to, state);
      action = 'REPLACE';
      notify();
    },
    go,
    goBack: () => go(-1),
    goForward: () => go(1),
    listen(listener) {
      listeners.add(listener);
      return () => {
        listeners.delete(listener);
      };
    },
  };
}
