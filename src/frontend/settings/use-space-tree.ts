/**
 * The manage-space tree as the screen holds it: levels loaded one at a time (the space's root,
 * then the children of each expanded page or folder), each with its "load more" cursor. Nothing
 * below a collapsed row is asked for, so a large space costs one call per level opened.
 */
import { useCallback, useEffect, useRef, useState } from 'react';
import { type TreeRowView } from '../../shared/contract';
import { type ApiFailure } from '../shared/api';
import { callSettings } from './settings-api';

export const ROOT = 'space';

type Parent = { type: 'space' } | { type: 'blog' } | { type: 'page' | 'folder'; id: string };

export interface Level {
  parent: Parent;
  rows: TreeRowView[];
  cursor?: string;
  status: 'loading' | 'ready' | 'failed';
  failure?: ApiFailure;
  loadingMore: boolean;
  moreFailure?: ApiFailure;
}

/** What the table shows, top to bottom: rows and, under an expanded row, its level's state. */
export type TreeEntry =
  | { kind: 'row'; row: TreeRowView; depth: number; expanded: boolean }
  | { kind: 'loading'; levelKey: string; depth: number }
  | { kind: 'failed'; levelKey: string; depth: number; failure: ApiFailure }
  | { kind: 'empty'; levelKey: string; depth: number }
  | { kind: 'more'; levelKey: string; depth: number; loading: boolean; failure?: ApiFailure };

export interface SpaceTree {
  entries: TreeEntry[];
  isSpaceAdmin: boolean;
  toggle(row: TreeRowView): void;
  loadMore(levelKey: string): void;
  retry(levelKey: string): void;
  /** Puts a row an action returned in place of the old one. */
  replaceRow(row: TreeRowView): void;
  /** Reloads every loaded level under a page, whose inherited assignments may have changed. */
  refreshBelow(nodeId: string): void;
  titleOf(id: string): string | undefined;
}

/** Only rows with children are expanded: pages, folders and the blog group (never a blog post). */
function parentOf(row: TreeRowView): Parent {
  if (row.type === 'blog') return { type: 'blog' };
  return { type: row.type === 'folder' ? 'folder' : 'page', id: row.id };
}

export function useSpaceTree(): SpaceTree {
  const [levels, setLevels] = useState<Record<string, Level>>({ [ROOT]: { parent: { type: 'space' }, rows: [], status: 'loading', loadingMore: false } });
  const [expanded, setExpanded] = useState<Record<string, boolean>>({});
  const [isSpaceAdmin, setIsSpaceAdmin] = useState(false);
  // Reads of the latest levels from callbacks that outlive a render (refreshBelow walks them).
  const latest = useRef(levels);
  latest.current = levels;

  const update = useCallback((key: string, change: (level: Level) => Level) => {
    setLevels((current) => (current[key] === undefined ? current : { ...current, [key]: change(current[key]) }));
  }, []);

  const load = useCallback(
    async (key: string, parent: Parent) => {
      setLevels((current) => ({ ...current, [key]: { parent, rows: current[key]?.rows ?? [], status: 'loading', loadingMore: false } }));
      const result = await callSettings('getTreeLevel', { parent });
      if (!result.ok) {
        update(key, (level) => ({ ...level, status: 'failed', failure: result.error }));
        return;
      }
      if (result.data.isSpaceAdmin !== undefined) setIsSpaceAdmin(result.data.isSpaceAdmin);
      update(key, (level) => ({ ...level, rows: result.data.rows, cursor: result.data.cursor, status: 'ready', failure: undefined }));
    },
    [update],
  );

  useEffect(() => {
    void load(ROOT, { type: 'space' });
  }, [load]);

  const toggle = useCallback(
    (row: TreeRowView) => {
      const open = !expanded[row.id];
      setExpanded((current) => ({ ...current, [row.id]: open }));
      // Children loaded once stay loaded: collapsing and expanding again costs nothing.
      if (open && latest.current[row.id] === undefined) void load(row.id, parentOf(row));
    },
    [expanded, load],
  );

  const loadMore = useCallback(
    async (key: string) => {
      const level = latest.current[key];
      if (level === undefined || level.cursor === undefined) return;
      update(key, (l) => ({ ...l, loadingMore: true, moreFailure: undefined }));
      const result = await callSettings('getTreeLevel', { parent: level.parent, cursor: level.cursor });
      if (!result.ok) {
        update(key, (l) => ({ ...l, loadingMore: false, moreFailure: result.error }));
        return;
      }
      const seen = new Set(level.rows.map((row) => row.id));
      update(key, (l) => ({
        ...l,
        rows: [...l.rows, ...result.data.rows.filter((row) => !seen.has(row.id))],
        cursor: result.data.cursor,
        loadingMore: false,
      }));
    },
    [update],
  );

  const retry = useCallback(
    (key: string) => {
      const level = latest.current[key];
      if (level !== undefined) void load(key, level.parent);
    },
    [load],
  );

  const replaceRow = useCallback((row: TreeRowView) => {
    setLevels((current) =>
      Object.fromEntries(Object.entries(current).map(([key, level]) => [key, { ...level, rows: level.rows.map((r) => (r.id === row.id ? row : r)) }])),
    );
  }, []);

  const refreshBelow = useCallback(
    (nodeId: string) => {
      const keys: string[] = [];
      const queue = [nodeId];
      while (queue.length > 0) {
        const key = queue.shift() as string;
        const level = latest.current[key];
        if (level === undefined) continue;
        keys.push(key);
        queue.push(...level.rows.map((row) => row.id));
      }
      for (const key of keys) void load(key, latest.current[key].parent);
    },
    [load],
  );

  const titleOf = useCallback(
    (id: string) => {
      for (const level of Object.values(levels)) {
        const found = level.rows.find((row) => row.id === id);
        if (found !== undefined) return found.title;
      }
      return undefined;
    },
    [levels],
  );

  const entries: TreeEntry[] = [];
  const visit = (key: string, depth: number) => {
    const level = levels[key];
    if (level === undefined) return;
    if (level.status === 'failed' && level.failure !== undefined) {
      entries.push({ kind: 'failed', levelKey: key, depth, failure: level.failure });
      return;
    }
    if (level.status === 'loading' && level.rows.length === 0) {
      entries.push({ kind: 'loading', levelKey: key, depth });
      return;
    }
    if (level.rows.length === 0) entries.push({ kind: 'empty', levelKey: key, depth });
    for (const row of level.rows) {
      const open = expanded[row.id] === true;
      entries.push({ kind: 'row', row, depth, expanded: open });
      if (open) visit(row.id, depth + 1);
    }
    if (level.cursor !== undefined) entries.push({ kind: 'more', levelKey: key, depth, loading: level.loadingMore, failure: level.moreFailure });
  };
  visit(ROOT, 0);

  return { entries, isSpaceAdmin, toggle, loadMore: (key) => void loadMore(key), retry, replaceRow, refreshBelow, titleOf };
}
