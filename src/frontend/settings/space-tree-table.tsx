import type React from 'react';
import { Box, Button, ButtonGroup, DynamicTable, Icon, Inline, Stack, Text, xcss } from '@forge/react';
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

const indentStep = xcss({ paddingInlineStart: 'space.300' });

/** Nested boxes rather than a computed padding: xcss takes design tokens only, and depth is unbounded. */
function indented(depth: number, content: React.JSX.Element): React.JSX.Element {
  let element = content;
  for (let i = 0; i < depth; i += 1) element = <Box xcss={indentStep}>{element}</Box>;
  return element;
}

function titleCell(entry: Extract<TreeEntry, { kind: 'row' }>, tree: SpaceTree): React.JSX.Element {
  const { row, expanded } = entry;
  if (!row.hasChildren) return indented(entry.depth, <Text>{row.title}</Text>);
  return indented(
    entry.depth,
    <Button appearance="subtle" spacing="compact" iconBefore={expanded ? 'chevron-down' : 'chevron-right'} onClick={() => tree.toggle(row)}>
      {row.title}
    </Button>,
  );
}

const EMPTY_LEVEL: Record<string, string> = { space: 'This space has no pages.', blog: 'This space has no blog posts.' };

const TYPE_LABELS: Record<TreeRowView['type'], string> = { page: 'Page', folder: 'Folder', blogpost: 'Blog post', blog: 'Blog' };

function typeCell(row: TreeRowView): React.JSX.Element {
  return (
    <Inline space="space.050" alignBlock="center">
      <Icon glyph={row.type === 'folder' || row.type === 'blog' ? 'folder-closed' : 'page'} label="" size="small" />
      <Text>{TYPE_LABELS[row.type]}</Text>
    </Inline>
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

function actionsCell(row: TreeRowView, onAction: Props['onAction']): React.JSX.Element {
  // The blog group is a heading, not content: nothing to assign or submit.
  if (row.type === 'blog') return <Text> </Text>;
  return (
    <ButtonGroup label={`Actions for ${row.title}`}>
      <Button spacing="compact" onClick={() => onAction('assign', row)}>
        Assign workflow
      </Button>
      {row.type === 'page' || row.type === 'blogpost' ? (
        <>
          {row.hasRequest ? (
            <Button spacing="compact" onClick={() => onAction('override', row)}>
              Override status
            </Button>
          ) : null}
          <Button spacing="compact" onClick={() => onAction('submit', row)}>
            Submit
          </Button>
        </>
      ) : null}
    </ButtonGroup>
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

/** The space's pages and folders as an indented table; admins get the actions column. */
export function SpaceTreeTable({ tree, onAction }: Props): React.JSX.Element {
  const columns = tree.isSpaceAdmin ? 5 : 4;
  const head = {
    cells: [
      { key: 'title', content: 'Page', width: 34 },
      { key: 'type', content: 'Type', width: 12 },
      { key: 'status', content: 'Status' },
      { key: 'workflow', content: 'Workflow' },
      ...(tree.isSpaceAdmin ? [{ key: 'actions', content: 'Actions' }] : []),
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
        ...(tree.isSpaceAdmin ? [{ key: 'actions', content: actionsCell(row, onAction) }] : []),
      ],
    };
  });
  return <DynamicTable caption="Pages and folders of this space" head={head} rows={rows} />;
}
