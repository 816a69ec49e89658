import type React from 'react';
import { useState } from 'react';
import { Box, Button, DynamicTable, Icon, Inline, Popup, Pressable, Stack, Text, Tooltip, xcss } from '@forge/react';
import { type TreeRowView } from '../../shared/contract';
import { LoadingBlock } from '../shared/loading-block';
import { StatusLozenge } from '../shared/status-lozenge';
import { assignmentLabel, workflowNames } from './assignment-label';
import { type SpaceTree, type TreeEntry } from './use-space-tree';

export type RowAction = 'assign' | 'override' | 'submit';

interface Props {
  tree: SpaceTree;
  onAction(action: RowAction, row: TreeRowView): void;
}

const indentStep = xcss({ paddingInlineStart: 'space.200' });
/** Deeper levels indent no further, so a title many levels down keeps room for its longest word. */
const MAX_INDENT = 3;

/** Nested boxes rather than a computed padding: xcss takes design tokens only. */
function indented(depth: number, content: React.JSX.Element): React.JSX.Element {
  let element = content;
  for (let i = 0; i < Math.min(depth, MAX_INDENT); i += 1) element = <Box xcss={indentStep}>{element}</Box>;
  return element;
}

/** Looks like a subtle button, but its title wraps: a button would cut a long title off. */
const toggleTitle = xcss({
  backgroundColor: 'color.background.neutral.subtle',
  borderRadius: 'radius.small',
  paddingBlock: 'space.025',
  paddingInline: 'space.050',
  textAlign: 'start',
  ':hover': { backgroundColor: 'color.background.neutral.subtle.hovered' },
});

function titleCell(entry: Extract<TreeEntry, { kind: 'row' }>, tree: SpaceTree): React.JSX.Element {
  const { row, expanded } = entry;
  if (!row.hasChildren) return indented(entry.depth, <Text>{row.title}</Text>);
  return indented(
    entry.depth,
    <Pressable xcss={toggleTitle} onClick={() => tree.toggle(row)}>
      <Inline space="space.050" alignBlock="start">
        <Icon glyph={expanded ? 'chevron-down' : 'chevron-right'} label={expanded ? 'Collapse' : 'Expand'} size="small" />
        <Text>{row.title}</Text>
      </Inline>
    </Pressable>,
  );
}

const EMPTY_LEVEL: Record<string, string> = { space: 'This space has no pages.', blog: 'This space has no blog posts.' };

const TYPE_LABELS: Record<TreeRowView['type'], string> = { page: 'Page', folder: 'Folder', blogpost: 'Blog post', blog: 'Blog' };

/** An icon with the type as its accessible name: a word per row would not fit the narrow column. */
function typeCell(row: TreeRowView): React.JSX.Element {
  const label = TYPE_LABELS[row.type];
  return (
    <Tooltip content={label}>
      <Icon glyph={row.type === 'folder' || row.type === 'blog' ? 'folder-closed' : 'page'} label={label} size="small" />
    </Tooltip>
  );
}

function statusCell(row: TreeRowView): React.JSX.Element {
  if (row.lozenge === null) return <Text color="color.text.subtlest">No status</Text>;
  return <StatusLozenge lozenge={row.lozenge} />;
}

function workflowCell(row: TreeRowView, tree: SpaceTree): React.JSX.Element {
  return (
    <Stack space="space.025">
      <Text>{workflowNames(row)}</Text>
      <Text size="small" color="color.text.subtlest">
        {assignmentLabel(row, tree.titleOf)}
      </Text>
    </Stack>
  );
}

const ACTION_LABELS: Record<RowAction, string> = { assign: 'Assign workflow', override: 'Override status', submit: 'Submit' };

function rowActions(row: TreeRowView): RowAction[] {
  if (row.type === 'folder') return ['assign'];
  return row.hasRequest ? ['assign', 'override', 'submit'] : ['assign', 'submit'];
}

interface ActionMenu {
  openFor: string | null;
  setOpenFor(rowId: string | null): void;
}

/**
 * One "Actions" button per row opening a menu: three buttons side by side do not fit the
 * content width Confluence gives a space-settings page. The menu is built only while open.
 */
function actionsCell(row: TreeRowView, menu: ActionMenu, onAction: Props['onAction']): React.JSX.Element {
  // The blog group is a heading, not content: nothing to assign or submit.
  if (row.type === 'blog') return <Text> </Text>;
  const isOpen = menu.openFor === row.id;
  const choose = (action: RowAction) => {
    menu.setOpenFor(null);
    onAction(action, row);
  };
  return (
    <Popup
      isOpen={isOpen}
      onClose={() => menu.setOpenFor(null)}
      placement="bottom-end"
      label={`Actions for ${row.title}`}
      trigger={() => (
        <Button spacing="compact" appearance="subtle" iconAfter="chevron-down" isSelected={isOpen} onClick={() => menu.setOpenFor(isOpen ? null : row.id)}>
          Actions
        </Button>
      )}
      content={() =>
        isOpen ? (
          <Stack space="space.050">
            {rowActions(row).map((action) => (
              <Button key={action} appearance="subtle" shouldFitContainer onClick={() => choose(action)}>
                {ACTION_LABELS[action]}
              </Button>
            ))}
          </Stack>
        ) : null
      }
    />
  );
}

/** The line under an expanded row while its level loads, when it is empty, failed, or has more. */
function levelNote(entry: Exclude<TreeEntry, { kind: 'row' }>, tree: SpaceTree): React.JSX.Element {
  switch (entry.kind) {
    case 'loading':
      return indented(entry.depth, <LoadingBlock label="Loading pages" />);
    case 'empty':
      return indented(entry.depth, <Text color="color.text.subtlest">{EMPTY_LEVEL[entry.levelKey] ?? 'No child pages or folders.'}</Text>);
    case 'failed':
      return indented(
        entry.depth,
        <Inline space="space.100" alignBlock="center">
          <Text color="color.text.danger">{entry.failure.message}</Text>
          <Button spacing="compact" onClick={() => tree.retry(entry.levelKey)}>
            Try again
          </Button>
        </Inline>,
      );
    case 'more':
      return indented(
        entry.depth,
        <Inline space="space.100" alignBlock="center">
          <Button spacing="compact" isDisabled={entry.loading} onClick={() => tree.loadMore(entry.levelKey)}>
            {entry.loading ? 'Loading…' : 'Load more'}
          </Button>
          {entry.failure === undefined ? null : <Text color="color.text.danger">{entry.failure.message}</Text>}
        </Inline>,
      );
  }
}

/*
 * Column widths are percentages of the table (ADS DynamicTable): the title gets the most room,
 * the type only its icon, and the actions their one button, at the 760–1,000 px Confluence
 * gives a space-settings page; long titles in languages with long compounds still fit a word
 * to a line.
 */
const ADMIN_WIDTHS = { title: 50, type: 5, status: 12, workflow: 18, actions: 15 };
const READER_WIDTHS = { title: 50, type: 5, status: 15, workflow: 30, actions: 0 };

/** The space's pages and folders as an indented table; admins get the actions column. */
export function SpaceTreeTable({ tree, onAction }: Props): React.JSX.Element {
  const [openFor, setOpenFor] = useState<string | null>(null);
  const menu: ActionMenu = { openFor, setOpenFor };
  const columns = tree.isSpaceAdmin ? 5 : 4;
  const widths = tree.isSpaceAdmin ? ADMIN_WIDTHS : READER_WIDTHS;
  const head = {
    cells: [
      { key: 'title', content: 'Page', width: widths.title },
      { key: 'type', content: 'Type', width: widths.type },
      { key: 'status', content: 'Status', width: widths.status },
      { key: 'workflow', content: 'Workflow', width: widths.workflow },
      ...(tree.isSpaceAdmin ? [{ key: 'actions', content: 'Actions', width: widths.actions }] : []),
    ],
  };
  const rows = tree.entries.map((entry) => {
    if (entry.kind !== 'row') {
      return { key: `${entry.kind}-${entry.levelKey}`, cells: [{ key: 'note', colSpan: columns, content: levelNote(entry, tree) }] };
    }
    const { row } = entry;
    return {
      key: `row-${row.id}`,
      cells: [
        { key: 'title', content: titleCell(entry, tree) },
        { key: 'type', content: typeCell(row) },
        { key: 'status', content: statusCell(row) },
        { key: 'workflow', content: workflowCell(row, tree) },
        ...(tree.isSpaceAdmin ? [{ key: 'actions', content: actionsCell(row, menu, onAction) }] : []),
      ],
    };
  });
  // The tab's heading names the table; a caption would repeat it as a second, centred title.
  return <DynamicTable label="Pages and folders of this space" head={head} rows={rows} isFixedSize />;
}
