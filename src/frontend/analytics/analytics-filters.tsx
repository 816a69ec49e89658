import type React from 'react';
import { Box, DatePicker, ErrorMessage, Inline, Label, Select, Stack, xcss } from '@forge/react';
import { type AnalyticsView } from '../../shared/contract';
import { datePickerFormat } from '../shared/dates';
import { useViewerLocale } from '../shared/use-viewer-locale';
import { type AnalyticsFilters } from './analytics-query';

export interface AnalyticsFilterBarProps {
  filters: AnalyticsFilters;
  /** The choices of the latest answer (spaces the viewer can see, their workflows). */
  view: AnalyticsView | undefined;
  /** A message for the date range, e.g. a start after the end. */
  rangeProblem: string | undefined;
  onChange(filters: AnalyticsFilters): void;
}

interface Option {
  label: string;
  value: string;
}

const wide = xcss({ minWidth: '240px' });

const values = (options: readonly Option[] | null): string[] => (options ?? []).map((option) => option.value);

/** Date range, spaces and workflows; every change reloads the figures. */
export function AnalyticsFilterBar({ filters, view, rangeProblem, onChange }: AnalyticsFilterBarProps): React.JSX.Element {
  const dates = datePickerFormat(useViewerLocale());
  const spaceOptions: Option[] = (view?.spaces ?? []).map((space) => ({ label: `${space.name} (${space.key})`, value: space.id }));
  const workflowOptions: Option[] = (view?.workflowChoices ?? []).map((workflow) => ({ label: workflow.name, value: workflow.id }));
  // A chosen option stays shown even when the latest answer no longer offers it.
  const chosen = (options: Option[], ids: readonly string[]): Option[] => ids.map((id) => options.find((option) => option.value === id) ?? { label: id, value: id });
  return (
    <Stack space="space.100">
      <Inline space="space.200" alignBlock="end" shouldWrap>
        <Box>
          <Label labelFor="analytics-from">From</Label>
          <DatePicker id="analytics-from" {...dates} value={filters.from} isInvalid={rangeProblem !== undefined} onChange={(from) => onChange({ ...filters, from })} />
        </Box>
        <Box>
          <Label labelFor="analytics-to">To</Label>
          <DatePicker id="analytics-to" {...dates} value={filters.to} isInvalid={rangeProblem !== undefined} onChange={(to) => onChange({ ...filters, to })} />
        </Box>
        <Box xcss={wide}>
          <Label labelFor="analytics-spaces">Spaces</Label>
          <Select
            inputId="analytics-spaces"
            isMulti
            options={spaceOptions}
            value={chosen(spaceOptions, filters.spaceIds)}
            placeholder="All spaces you can view"
            onChange={(options: Option[] | null) => onChange({ ...filters, spaceIds: values(options), workflowIds: [] })}
          />
        </Box>
        <Box xcss={wide}>
          <Label labelFor="analytics-workflows">Workflows</Label>
          <Select
            inputId="analytics-workflows"
            isMulti
            options={workflowOptions}
            value={chosen(workflowOptions, filters.workflowIds)}
            placeholder="All workflows"
            onChange={(options: Option[] | null) => onChange({ ...filters, workflowIds: values(options) })}
          />
        </Box>
      </Inline>
      {rangeProblem !== undefined && <ErrorMessage>{rangeProblem}</ErrorMessage>}
    </Stack>
  );
}
