/** Who the shell acts as: chosen in the top bar, remembered in localStorage across reloads. */
import { useCallback, useState } from 'react';

export const ACTING_USER_STORAGE_KEY = 'approvalflow-sandbox:acting-user';
/** Alice can submit pages and sees every demo space, a good first view of the app. */
export const DEFAULT_USER = 'u-alice';

function stored(): string {
  try {
    return localStorage.getItem(ACTING_USER_STORAGE_KEY) ?? DEFAULT_USER;
  } catch {
    return DEFAULT_USER;
  }
}

export function useActingUser(): [string, (accountId: string) => void] {
  const [accountId, setAccountId] = useState(stored);
  const choose = useCallback((next: string) => {
    try {
      localStorage.setItem(ACTING_USER_STORAGE_KEY, next);
    } catch {
      // Storage can be off (private windows); the choice then lasts until the reload.
    }
    setAccountId(next);
  }, []);
  return [accountId, choose];
}
