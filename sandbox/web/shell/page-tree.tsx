/**
 * The space's content tree as Confluence draws it: pages and folders under the homepage,
 * children loaded when a branch opens, the branch of the current page open, and only what the
 * acting user may see (the emulator answers per user, so restricted pages are simply absent).
 */
import { type ReactElement, useEffect, useState } from 'react';
import { token } from '@atlaskit/tokens';
import { Glyph } from '../uikit/components/icon';
import { type Results, type TreeItem } from './confluence-types';
import { hrefOf } from './routes';
import { useWiki } from './shell-context';

interface TreeProps {
  spaceKey: string;
  /** The page shown, and its ancestors (opened). */
  currentId: string | null;
  openIds: ReadonlySet<string>;
}

function childrenPath(item: { id: string; type: 'page' | 'folder' }): string {
  return `/wiki/api/v2/${item.type === 'folder' ? 'folders' : 'pages'}/${encodeURIComponent(item.id)}/direct-children?limit=250`;
}

function Branch({ parent, depth, tree }: { parent: { id: string; type: 'page' | 'folder' }; depth: number; tree: TreeProps }): ReactElement | null {
  const children = useWiki<Results<TreeItem>>(childrenPath(parent));
  if (children.data === undefined) return null;
  return (
    <ul role="group" style={{ listStyle: 'none', margin: 0, padding: 0 }}>
      {children.data.results.map((item) => (
        <TreeRow key={item.id} item={item} depth={depth} tree={tree} />
      ))}
    </ul>
  );
}

function TreeRow({ item, depth, tree }: { item: TreeItem; depth: number; tree: TreeProps }): ReactElement {
  const onPath = tree.openIds.has(item.id);
  const [open, setOpen] = useState(onPath);
  // Navigating to a page deeper down opens its branch, as Confluence follows the page shown.
  useEffect(() => {
    if (onPath) setOpen(true);
  }, [onPath]);
  const current = item.id === tree.currentId;
  const label = item.status === 'draft' ? `${item.title} (draft)` : item.title;
  return (
    <li role="treeitem" aria-expanded={open} aria-selected={current} data-testid="page-tree-item" data-content-id={item.id} data-content-type={item.type}>
      <div
        style={{
          display: 'flex',
          alignItems: 'center',
          gap: token('space.050'),
          paddingInlineStart: depth * 12,
          height: 32,
          borderRadius: token('border.radius'),
          backgroundColor: current ? token('color.background.selected') : undefined,
          color: current ? token('color.text.selected') : token('color.text.subtle'),
        }}
      >
        <button type="button" aria-label={open ? `Collapse ${item.title}` : `Expand ${item.title}`} onClick={() => setOpen(!open)} style={{ all: 'unset', cursor: 'pointer', display: 'flex', width: 20, justifyContent: 'center' }}>
          <Glyph glyph={open ? 'chevron-down' : 'chevron-right'} label="" size={12} />
        </button>
        <Glyph glyph={item.type === 'folder' ? (open ? 'folder-open' : 'folder-closed') : 'page'} label={item.type} size={16} />
        {item.type === 'folder' ? (
          <button type="button" onClick={() => setOpen(!open)} style={{ all: 'unset', cursor: 'pointer', flex: 1, minWidth: 0, whiteSpace: 'nowrap', overflow: 'hidden', textOverflow: 'ellipsis', font: token('font.body') }}>
            {label}
          </button>
        ) : (
          <a href={hrefOf({ kind: 'page', spaceKey: tree.spaceKey, pageId: item.id })} style={{ flex: 1, minWidth: 0, whiteSpace: 'nowrap', overflow: 'hidden', textOverflow: 'ellipsis', color: 'inherit', textDecoration: 'none', font: token('font.body') }}>
            {label}
          </a>
        )}
      </div>
      {open && <Branch parent={item} depth={depth + 1} tree={tree} />}
    </li>
  );
}

export function PageTree({ spaceKey, homepageId, currentId, openIds }: { spaceKey: string; homepageId: string; currentId: string | null; openIds: ReadonlySet<string> }): ReactElement {
  return (
    <nav aria-label="Page tree" data-testid="page-tree">
      <ul role="tree" style={{ listStyle: 'none', margin: 0, padding: 0 }}>
        <Branch parent={{ id: homepageId, type: 'page' }} depth={0} tree={{ spaceKey, currentId, openIds }} />
      </ul>
    </nav>
  );
}
