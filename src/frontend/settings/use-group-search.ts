/**
 * The approver group picker's suggestions, asked of Confluence (through `searchGroups`) as the
 * admin types. The first answer (an empty query) lists the site's groups, so a short list can
 * be picked from without typing.
 */
import { useCallback, useEffect, useRef, useState } from 'react';
import { type ApiFailure } from '../shared/api';
import { callSettings } from './settings-api';

export interface GroupOption {
  label: string;
  value: string;
}

export interface GroupSearch {
  options: GroupOption[];
  loading: boolean;
  failure: ApiFailure | null;
  search(query: string): void;
}

/** Typing pauses this long before asking, so a word is one request rather than one per key. */
const PAUSE_MS = 250;

export function useGroupSearch(): GroupSearch {
  const [options, setOptions] = useState<GroupOption[]>([]);
  const [loading, setLoading] = useState(true);
  const [failure, setFailure] = useState<ApiFailure | null>(null);
  const latest = useRef(0);
  const timer = useRef<ReturnType<typeof setTimeout> | undefined>(undefined);

  const run = useCallback(async (query: string) => {
    latest.current += 1;
    const ticket = latest.current;
    setLoading(true);
    const result = await callSettings('searchGroups', { query: query.trim().slice(0, 100) });
    if (ticket !== latest.current) return;
    setLoading(false);
    if (result.ok) {
      setFailure(null);
      setOptions(result.data.groups.map((group) => ({ label: group.name, value: group.id })));
    } else {
      setFailure(result.error);
    }
  }, []);

  useEffect(() => {
    void run('');
  }, [run]);

  const search = useCallback(
    (query: string) => {
      if (timer.current !== undefined) clearTimeout(timer.current);
      timer.current = setTimeout(() => void run(query), PAUSE_MS);
    },
    [run],
  );

  return { options, loading, failure, search };
}
