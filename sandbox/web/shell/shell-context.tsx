/**
 * What every view of the shell shares: the app's modules, the people one can act as, who is
 * acting, a revision that Reset and edits bump so views read the site again, and the flags.
 */
import { createContext, useCallback, useContext, useEffect, useState } from 'react';
import { type ShellAppInfo } from '../uikit/app-types';
import { type SandboxUser, RequestError, wiki } from './api';

export interface ShellFlag {
  id: string;
  title: string;
  description?: string;
  /** success, error, warning, info (Forge's `type`), or `normal` for the shell's own notices. */
  type: string;
  actions: { text: string; onClick?: () => void }[];
  isAutoDismiss: boolean;
  source: string;
}

export interface Shell {
  app: ShellAppInfo;
  users: SandboxUser[];
  accountId: string;
  setAccountId(accountId: string): void;
  revision: number;
  refresh(): void;
  flags: ShellFlag[];
  showFlag(flag: ShellFlag): void;
  closeFlag(id: string): void;
}

export const ShellContext = createContext<Shell | null>(null);

export function useShell(): Shell {
  const shell = useContext(ShellContext);
  if (shell === null) throw new Error('useShell outside the shell');
  return shell;
}

export interface Loaded<T> {
  data: T | undefined;
  /** The HTTP status of a failed read (404 for content the acting user cannot see). */
  error: { status: number; message: string } | undefined;
  loading: boolean;
  reload(): void;
}

/** A Confluence GET as the acting user, read again when the user, the path or the revision changes. */
export function useWiki<T>(path: string | null): Loaded<T> {
  const { accountId, revision } = useShell();
  const [state, setState] = useState<{ key: string; data?: T; error?: { status: number; message: string } }>({ key: '' });
  const [nonce, setNonce] = useState(0);
  const key = `${accountId}|${revision}|${nonce}|${path ?? ''}`;
  useEffect(() => {
    if (path === null) return;
    let current = true;
    wiki<T>(accountId, path).then(
      (data) => {
        if (current) setState({ key, data });
      },
      (error: unknown) => {
        if (!current) return;
        const status = error instanceof RequestError ? error.status : 0;
        setState({ key, error: { status, message: error instanceof Error ? error.message : String(error) } });
      },
    );
    return () => {
      current = false;
    };
  }, [accountId, path, key]);
  const reload = useCallback(() => setNonce((value) => value + 1), []);
  const fresh = state.key === key;
  return { data: fresh ? state.data : undefined, error: fresh ? state.error : undefined, loading: path !== null && !fresh, reload };
}
