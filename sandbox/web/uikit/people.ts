/**
 * Who an accountId is, as the viewing user may see them (`/wiki/rest/api/user`), for User,
 * UserGroup and UserPicker. Lookups are shared by every module on the page, as the product's
 * own people cache is.
 */
import { useEffect, useState } from 'react';
import { isRecord } from '../../ui-host/forge-doc';
import { avatarUrl } from '../common/avatar';
import { useModuleRuntime } from './runtime';

export interface Person {
  accountId: string;
  displayName: string;
  email: string;
  /** Confluence's profile picture path (what UserPicker reports as `avatarUrl`). */
  picturePath: string;
  /** What the page shows. */
  avatar: string;
}

const cache = new Map<string, Promise<Person | null>>();

export function personOf(user: unknown): Person | null {
  if (!isRecord(user) || typeof user.accountId !== 'string') return null;
  const displayName = typeof user.displayName === 'string' ? user.displayName : user.accountId;
  const picture = isRecord(user.profilePicture) && typeof user.profilePicture.path === 'string' ? user.profilePicture.path : '';
  return { accountId: user.accountId, displayName, email: typeof user.email === 'string' ? user.email : '', picturePath: picture, avatar: avatarUrl(displayName, user.accountId) };
}

/** The person, or null while loading and for an account the viewer cannot see. */
export function usePerson(accountId: string | undefined): Person | null {
  const runtime = useModuleRuntime();
  const [person, setPerson] = useState<Person | null>(null);
  useEffect(() => {
    if (accountId === undefined) return;
    let lookup = cache.get(`${runtime.accountId}|${accountId}`);
    if (lookup === undefined) {
      lookup = runtime.product<unknown>(`/wiki/rest/api/user?accountId=${encodeURIComponent(accountId)}`).then(personOf);
      cache.set(`${runtime.accountId}|${accountId}`, lookup);
    }
    let current = true;
    void lookup.then((found) => {
      if (current) setPerson(found);
    });
    return () => {
      current = false;
    };
  }, [accountId, runtime]);
  return person;
}
