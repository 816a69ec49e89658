/** Reads about a space the shell needs in several places: the space by key, and whether the acting user administers it. */
import { useEffect, useState } from 'react';
import { wiki } from './api';
import { type Results, type Space } from './confluence-types';
import { type Loaded, useShell, useWiki } from './shell-context';

export function useSpace(spaceKey: string | null): Loaded<Space | null> {
  const loaded = useWiki<Results<Space>>(spaceKey === null ? null : `/wiki/api/v2/spaces?keys=${encodeURIComponent(spaceKey)}`);
  return { ...loaded, data: loaded.data === undefined ? undefined : (loaded.data.results[0] ?? null) };
}

interface Assignment {
  principal: { type: string; id: string };
  operation: { key: string; targetType: string };
}

interface Group {
  id: string;
}

/**
 * Confluence shows space settings to space admins only: someone granted `administer` on the
 * space directly or through a group (confluence-admins holds it everywhere in the demo site).
 */
export function useIsSpaceAdmin(spaceId: string | undefined): boolean | undefined {
  const { accountId, revision } = useShell();
  const [answer, setAnswer] = useState<{ key: string; admin: boolean } | undefined>(undefined);
  const key = `${accountId}|${revision}|${spaceId ?? ''}`;
  useEffect(() => {
    if (spaceId === undefined) return;
    let current = true;
    Promise.all([
      wiki<Results<Assignment>>(accountId, `/wiki/api/v2/spaces/${encodeURIComponent(spaceId)}/permissions?limit=250`),
      wiki<Results<Group>>(accountId, `/wiki/rest/api/user/memberof?accountId=${encodeURIComponent(accountId)}`),
    ]).then(
      ([assignments, groups]) => {
        const mine = new Set(groups.results.map((group) => group.id));
        const admin = assignments.results.some(
          (assignment) =>
            assignment.operation.key === 'administer' &&
            assignment.operation.targetType === 'space' &&
            ((assignment.principal.type === 'user' && assignment.principal.id === accountId) || (assignment.principal.type === 'group' && mine.has(assignment.principal.id))),
        );
        if (current) setAnswer({ key, admin });
      },
      () => {
        if (current) setAnswer({ key, admin: false });
      },
    );
    return () => {
      current = false;
    };
  }, [accountId, spaceId, key]);
  return answer?.key === key ? answer.admin : undefined;
}
