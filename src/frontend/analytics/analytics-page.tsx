import type React from 'react';
import { useState } from 'react';
import { Box, Heading, Inline, Stack, Text, xcss } from '@forge/react';
import { type AnalyticsExportView } from '../../shared/contract';
import { type ApiFailure, fieldMessage, isOnlyAbout } from '../shared/api';
import { ApiErrorMessage } from '../shared/api-error-message';
import { formatDate, formatDateTime } from '../shared/dates';
import { useViewerLocale } from '../shared/use-viewer-locale';
import { EmptyNote } from '../shared/empty-note';
import { LoadingBlock } from '../shared/loading-block';
import { useSingleFlight } from '../shared/use-single-flight';
import { callAnalytics } from './analytics-api';
import { AnalyticsFilterBar } from './analytics-filters';
import { type AnalyticsFilters, defaultFilters, toQuery } from './analytics-query';
import { DailyTrend } from './daily-trend';
import { ExportActions, type ExportFormat } from './export-actions';
import { ExportModal } from './export-modal';
import { isEmpty } from './empty-range';
import { KpiTiles } from './kpi-tiles';
import { StatusBreakdown } from './status-breakdown';
import { useAnalytics } from './use-analytics';
import { WorkflowComparison } from './workflow-comparison';

const RANGE_FIELDS = ['from', 'to'];

const chart = xcss({ minWidth: '320px', flexGrow: 1 });

/** A refusal about the dates themselves shows under the date pickers, not as a page error. */
function rangeProblemOf(error: ApiFailure | undefined): string | undefined {
  if (error === undefined || !isOnlyAbout(error, RANGE_FIELDS)) return undefined;
  return fieldMessage(error, 'from') ?? fieldMessage(error, 'to');
}

/** The `approval-analytics` global page: KPIs, breakdowns, trend and workflow comparison of the spaces the viewer can see. */
export function AnalyticsPage(): React.JSX.Element {
  const locale = useViewerLocale();
  const [filters, setFilters] = useState<AnalyticsFilters>(() => defaultFilters());
  const query = toQuery(filters);
  const analytics = useAnalytics(query);
  const { busy, run } = useSingleFlight<ExportFormat>();
  const [exported, setExported] = useState<AnalyticsExportView | null>(null);
  const [exportError, setExportError] = useState<ApiFailure | undefined>(undefined);

  const rangeProblem = rangeProblemOf(analytics.error);
  const pageError = analytics.error !== undefined && rangeProblem === undefined ? analytics.error : undefined;
  // Figures for other filters than those shown would mislead, so a refused query shows none.
  const view = analytics.error === undefined ? analytics.view : undefined;
  const empty = view !== undefined && isEmpty(view);

  const changeFilters = (next: AnalyticsFilters) => {
    setFilters(next);
    setExportError(undefined);
  };
  const exportAs = async (format: ExportFormat) => {
    const result = await run(format, () => callAnalytics('exportAnalytics', { ...query, format }));
    if (result === undefined) return;
    if (result.ok) {
      setExportError(undefined);
      setExported(result.data);
    } else {
      setExportError(result.error);
    }
  };

  const body = (): React.JSX.Element | null => {
    if (pageError !== undefined) {
      return <ApiErrorMessage error={pageError} title="Couldn't load the analytics" actions={[{ label: 'Try again', onClick: analytics.reload, isLoading: analytics.loading }]} />;
    }
    if (rangeProblem !== undefined) return null;
    if (view === undefined) return <LoadingBlock label="Loading analytics…" />;
    if (empty) {
      return (
        <EmptyNote
          header="No approval activity in this range"
          description={`Nothing was submitted, decided or waiting between ${formatDate(view.range.from, locale)} and ${formatDate(view.range.to, locale)} in the spaces you can view. Try a longer range or other filters.`}
        />
      );
    }
    return (
      <Stack space="space.400">
        <KpiTiles view={view} />
        <Inline space="space.400" shouldWrap>
          <Box xcss={chart}>
            <StatusBreakdown view={view} />
          </Box>
          <Box xcss={chart}>
            <DailyTrend view={view} />
          </Box>
        </Inline>
        <WorkflowComparison view={view} />
        <Text size="small" color="color.text.subtlest">
          Updated {formatDateTime(view.generatedAt, locale)}. Only spaces you can view are counted; days are UTC days.
        </Text>
      </Stack>
    );
  };

  return (
    <Stack space="space.300">
      <Inline spread="space-between" alignBlock="start" shouldWrap space="space.200">
        <Stack space="space.050">
          <Heading as="h1" size="large">
            Approval analytics
          </Heading>
          <Text color="color.text.subtle">How approvals went in the spaces you can view.</Text>
        </Stack>
        <ExportActions busy={busy} isDisabled={view === undefined || empty || analytics.loading} onExport={(format) => void exportAs(format)} />
      </Inline>
      <AnalyticsFilterBar filters={filters} view={analytics.view} rangeProblem={rangeProblem} onChange={changeFilters} />
      {exportError !== undefined && <ApiErrorMessage error={exportError} title="Couldn't export" />}
      {body()}
      {exported !== null && <ExportModal file={exported} onClose={() => setExported(null)} />}
    </Stack>
  );
}
