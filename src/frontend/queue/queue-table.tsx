import type React from 'react';
import { Checkbox, DynamicTable, Inline, Lozenge, Pressable, Stack, Text, xcss } from '@forge/react';
import { CONTENT_LABELS } from '../../shared/content';
import { type QueueItemView, type QueueTab } from '../../shared/contract';
import { formatDate, formatDateTime } from '../shared/dates';
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

function stepText(item: QueueItemView): string {
  return item.step === null ? '—' : `${item.step.number} of ${item.step.count} · ${item.step.name}`;
}

function dueCell(item: QueueItemView, locale: string | undefined): React.JSX.Element {
  if (item.dueAt === undefined) return <Text color="color.text.subtlest">—</Text>;
  return (
    <Inline space="space.050" alignBlock="center" shouldWrap>
      <Text>{formatDate(item.dueAt, locale)}</Text>
      {item.overdue && <Lozenge appearance="removed">Overdue</Lozenge>}
    </Inline>
  );
}

function submittedCell(item: QueueItemView, locale: string | undefined): React.JSX.Element {
  return (
    <Stack space="space.025">
      <Text>{item.submittedBy.displayName}</Text>
      <Text size="small" color="color.text.subtlest">
        {formatDateTime(item.submittedAt, locale)}
      </Text>
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

function pageCell(item: QueueItemView, onOpenPage: (item: QueueItemView) => void): React.JSX.Element {
  const link = (
    <Pressable xcss={pageLink} onClick={() => onOpenPage(item)}>
      <Text color="color.link">{item.pageTitle}</Text>
    </Pressable>
  );
  if (item.contentType === 'page') return link;
  return (
    <Inline space="space.100" alignBlock="center">
      {link}
      <Lozenge>{CONTENT_LABELS[item.contentType]}</Lozenge>
    </Inline>
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
 * unbroken word sizes its column and the table runs past the module on a laptop screen. The
 * page title gets the most room, "Select all" its one line.
 */
const PENDING_WIDTHS: Partial<Record<string, number>> = { select: 12, page: 19, version: 11, workflow: 17, submitted: 13, step: 12, due: 8, status: 8 };
const DECIDED_WIDTHS: Partial<Record<string, number>> = { page: 26, version: 11, workflow: 18, submitted: 16, decided: 15, status: 14 };

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
      column('version', 'Version'),
      column('workflow', 'Workflow'),
      column('submitted', 'Submitted'),
      ...(pending ? [column('step', 'Step'), column('due', 'Due')] : [column('decided', 'Decided')]),
      column('status', 'Status'),
    ],
  };
  const rows: Row[] = items.map((item) => ({
    key: item.requestId,
    cells: [
      ...(pending ? [cell('select', selectCell(item, props))] : []),
      cell('page', pageCell(item, onOpenPage)),
      cell('version', `v${item.version}`),
      cell('workflow', <Text>{item.workflowName}</Text>),
      cell('submitted', submittedCell(item, locale)),
      ...(pending
        ? [cell('step', <Text>{stepText(item)}</Text>), cell('due', dueCell(item, locale))]
        : [cell('decided', item.decidedAt === undefined ? '—' : formatDateTime(item.decidedAt, locale))]),
      cell('status', <StatusLozenge lozenge={requestStatusLozenge(item.status)} />),
    ],
  }));
  return <DynamicTable label="Approval requests" head={head} rows={rows} isLoading={isLoading} isFixedSize />;
}
