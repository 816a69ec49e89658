import type React from 'react';
import { Checkbox, DynamicTable, Inline, Lozenge, Pressable, Stack, Text, xcss } from '@forge/react';
import { CONTENT_LABELS } from '../../shared/content';
import { type QueueItemView, type QueueTab } from '../../shared/contract';
import { formatDate, formatTime } from '../shared/dates';
import { StatusLozenge } from '../shared/status-lozenge';
import { useViewerLocale } from '../shared/use-viewer-locale';
import { isPendingTab } from './queue-query';
import { requestStatusLozenge } from './request-status';

export interface QueueTableProps {
  tab: QueueTab;
  items: readonly QueueItemView[];
  /** Request ids ticked for a bulk decision. */
  selected: ReadonlySet<string>;
  onToggle(requestId: string, checked: boolean): void;
  onToggleAll(checked: boolean): void;
  onOpenPage(item: QueueItemView): void;
  /** A reload is running: the rows stay, dimmed, instead of flashing empty. */
  isLoading: boolean;
}

type Row = NonNullable<React.ComponentProps<typeof DynamicTable>['rows']>[number];
type Cell = Row['cells'][number];

/*
 * Cells are built by plain functions, not components with hooks: UI Kit's DynamicTable calls a
 * cell's component directly while flattening the rows, where hooks would not work.
 */

function stepText(step: NonNullable<QueueItemView['step']>): string {
  return `Step ${step.number} of ${step.count} · ${step.name}`;
}

function secondLine(text: string): React.JSX.Element {
  return (
    <Text size="small" color="color.text.subtlest">
      {text}
    </Text>
  );
}

/** The workflow, and under it the step the request waits at: one cell, so the page title keeps its room. */
function workflowCell(item: QueueItemView): React.JSX.Element {
  return (
    <Stack space="space.025">
      <Text>{item.workflowName}</Text>
      {item.step !== null && secondLine(stepText(item.step))}
    </Stack>
  );
}

function submittedCell(item: QueueItemView, locale: string | undefined): React.JSX.Element {
  return (
    <Stack space="space.025">
      <Text>{item.submittedBy.displayName}</Text>
      {secondLine(formatDate(item.submittedAt, locale))}
    </Stack>
  );
}

/** Where the request stands, and while it waits, when it is due. */
function statusCell(item: QueueItemView, locale: string | undefined): React.JSX.Element {
  return (
    <Stack space="space.050" alignInline="start">
      <StatusLozenge lozenge={requestStatusLozenge(item.status)} />
      {item.dueAt !== undefined && secondLine(`Due ${formatDate(item.dueAt, locale)}`)}
      {item.overdue && <Lozenge appearance="removed">Overdue</Lozenge>}
    </Stack>
  );
}

function decidedCell(item: QueueItemView, locale: string | undefined): React.JSX.Element | string {
  if (item.decidedAt === undefined) return '—';
  return (
    <Stack space="space.025">
      <Text>{formatDate(item.decidedAt, locale)}</Text>
      {secondLine(formatTime(item.decidedAt, locale))}
    </Stack>
  );
}

/** Looks like a link, acts as a button: opening the page goes through the product's router. */
const pageLink = xcss({
  color: 'color.link',
  backgroundColor: 'color.background.neutral.subtle',
  padding: 'space.0',
  textAlign: 'start',
  ':hover': { textDecoration: 'underline' },
});

/** "Version 9 · +12 −3 paragraphs": how much changed since the earlier approval, when it was measured. */
function versionLine(item: QueueItemView): string {
  const size = item.changeSize;
  return size === undefined ? `Version ${item.version}` : `Version ${item.version} · +${size.added} −${size.removed} paragraphs`;
}

/** The title opens the page; the version submitted (and what a blog post is) sits under it. */
function pageCell(item: QueueItemView, onOpenPage: (item: QueueItemView) => void): React.JSX.Element {
  return (
    <Stack space="space.025">
      <Pressable xcss={pageLink} onClick={() => onOpenPage(item)}>
        <Text color="color.link">{item.pageTitle}</Text>
      </Pressable>
      <Inline space="space.100" alignBlock="center">
        {item.contentType !== 'page' && <Lozenge>{CONTENT_LABELS[item.contentType]}</Lozenge>}
        {secondLine(versionLine(item))}
      </Inline>
    </Stack>
  );
}

function selectCell(item: QueueItemView, props: QueueTableProps): React.JSX.Element | string {
  if (!item.canDecide) return '';
  return <Checkbox label="Select" value={item.requestId} isChecked={props.selected.has(item.requestId)} onChange={(event) => props.onToggle(item.requestId, event.target.checked === true)} />;
}

function selectAllCell(props: QueueTableProps): React.JSX.Element | string {
  const selectable = props.items.filter((item) => item.canDecide);
  if (selectable.length === 0) return '';
  const ticked = selectable.filter((item) => props.selected.has(item.requestId)).length;
  return (
    <Checkbox
      label="Select all"
      isChecked={ticked === selectable.length}
      isIndeterminate={ticked > 0 && ticked < selectable.length}
      onChange={(event) => props.onToggleAll(event.target.checked === true)}
    />
  );
}

const cell = (key: string, content: Cell['content']): Cell => ({ key, content });

/*
 * Column widths are percentages of a fixed-size table (ADS DynamicTable): without them a long
 * unbroken word sizes its column and the table runs past the module on a laptop screen. A
 * global or space page on a 1,024 px screen leaves the table about 660 px, so there are five
 * columns, each a name over a detail (title over version, workflow over step, status over due
 * day): the page title gets the most room, "Select all" its one line and the longest status
 * its whole lozenge.
 */
const PENDING_WIDTHS: Partial<Record<string, number>> = { select: 15, page: 31, workflow: 25, submitted: 13, status: 16 };
const DECIDED_WIDTHS: Partial<Record<string, number>> = { page: 28, workflow: 21, submitted: 14, decided: 14, status: 23 };

/** The queue's items: pending tabs show where each request stands; decided tabs show when it ended. */
export function QueueTable(props: QueueTableProps): React.JSX.Element {
  const { tab, items, onOpenPage, isLoading } = props;
  const locale = useViewerLocale();
  const pending = isPendingTab(tab);
  const widths = pending ? PENDING_WIDTHS : DECIDED_WIDTHS;
  const column = (key: string, content: Cell['content']) => ({ ...cell(key, content), width: widths[key] });
  const head = {
    cells: [
      ...(pending ? [column('select', selectAllCell(props))] : []),
      column('page', 'Page'),
      column('workflow', 'Workflow'),
      column('submitted', 'Submitted'),
      ...(pending ? [] : [column('decided', 'Decided')]),
      column('status', 'Status'),
    ],
  };
  const rows: Row[] = items.map((item) => ({
    key: item.requestId,
    cells: [
      ...(pending ? [cell('select', selectCell(item, props))] : []),
      cell('page', pageCell(item, onOpenPage)),
      cell('workflow', workflowCell(item)),
      cell('submitted', submittedCell(item, locale)),
      ...(pending ? [] : [cell('decided', decidedCell(item, locale))]),
      cell('status', statusCell(item, locale)),
    ],
  }));
  return <DynamicTable label="Approval requests" head={head} rows={rows} isLoading={isLoading} isFixedSize />;
}
