import type React from 'react';
import { BarChart, DynamicTable, Heading, Stack, Text } from '@forge/react';
import { type AnalyticsView } from '../../shared/contract';
import { TREND_LABELS, trendPalette } from './chart-colours';
import { formatMinutes, formatRate } from '../../shared/analytics-figures';

type WorkflowRow = AnalyticsView['workflows'][number];
type Row = NonNullable<React.ComponentProps<typeof DynamicTable>['rows']>[number];

/** The chart stays readable with this many workflows; the table lists all the answer holds. */
const CHARTED = 10;
const ROWS_PER_PAGE = 10;

interface Column {
  key: string;
  label: string;
  text(row: WorkflowRow): string;
}

const COLUMNS: Column[] = [
  { key: 'workflow', label: 'Workflow', text: (row) => row.workflowName },
  { key: 'space', label: 'Space', text: (row) => row.spaceKey || '—' },
  { key: 'submitted', label: 'Submitted', text: (row) => String(row.submitted) },
  { key: 'approved', label: 'Approved', text: (row) => String(row.approved) },
  { key: 'rejected', label: 'Rejected', text: (row) => String(row.rejected) },
  { key: 'pending', label: 'Pending', text: (row) => String(row.pending) },
  { key: 'rate', label: 'Approval rate', text: (row) => formatRate(row.approvalRate) },
  { key: 'median', label: 'Median time', text: (row) => formatMinutes(row.medianMinutesToDecision) },
  { key: 'p90', label: '90th percentile', text: (row) => formatMinutes(row.p90MinutesToDecision) },
];

/** Each workflow's numbers side by side: a table, and its decisions as bars. */
export function WorkflowComparison({ view }: { view: AnalyticsView }): React.JSX.Element | null {
  if (view.workflows.length === 0) return null;
  // Busiest first. Not ADS column sorting: it sorts by cell keys, which must stay unique per row.
  const busiest = [...view.workflows].sort((a, b) => b.submitted - a.submitted || a.workflowName.localeCompare(b.workflowName));
  const head = { cells: COLUMNS.map((column) => ({ key: column.key, content: column.label })) };
  const rows: Row[] = busiest.map((row) => ({
    key: row.workflowId,
    cells: COLUMNS.map((column) => ({ key: column.key, content: column.text(row) })),
  }));
  const charted = busiest.slice(0, CHARTED);
  const bars = charted.flatMap((row) => [
    { workflow: row.workflowName, decision: TREND_LABELS.approved, count: row.approved },
    { workflow: row.workflowName, decision: TREND_LABELS.rejected, count: row.rejected },
  ]);
  return (
    <Stack space="space.150">
      <Heading as="h2" size="medium">
        Workflow comparison
      </Heading>
      <DynamicTable
        label="Workflows in the selection"
        head={head}
        rows={rows}
        {...(rows.length > ROWS_PER_PAGE ? { rowsPerPage: ROWS_PER_PAGE } : {})}
      />
      {view.workflowsNotShown > 0 ? (
        <Text>{`The ${rows.length} busiest workflows are listed; ${view.workflowsNotShown} more had activity. Filter by space or workflow to compare them.`}</Text>
      ) : null}
      <BarChart
        title={view.workflows.length > CHARTED ? `Decisions of the ${CHARTED} busiest workflows` : 'Decisions by workflow'}
        data={bars}
        xAccessor="workflow"
        yAccessor="count"
        colorAccessor="decision"
        colorPalette={trendPalette(['approved', 'rejected'])}
      />
    </Stack>
  );
}
