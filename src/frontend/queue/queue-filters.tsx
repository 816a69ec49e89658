import type React from 'react';
import { Box, Button, DatePicker, ErrorMessage, Inline, Label, Select, Stack, UserPicker, type UserPickerValue, xcss } from '@forge/react';
import { type QueuePageView } from '../../shared/contract';
import { datePickerFormat } from '../shared/dates';
import { useViewerLocale } from '../shared/use-viewer-locale';
import { type QueueFilters, hasFilters, rangeError } from './queue-query';

export interface QueueFilterBarProps {
  filters: QueueFilters;
  workflows: QueuePageView['workflows'];
  onChange(filters: QueueFilters): void;
  onClear(): void;
  /**
   * Changes when the filters are cleared. The user picker only takes a starting value, so
   * clearing it means mounting a fresh one (and a remount, e.g. on another tab, starts from
   * the chosen submitter).
   */
  resetKey: number;
}

interface Option {
  label: string;
  value: string;
}

const field = xcss({ minWidth: '200px' });

/*
 * Every filter is a label over its field with the same small gap the user picker puts under its
 * own label, so the four labels and fields line up on one row.
 */

function without(filters: QueueFilters, name: keyof QueueFilters, value: string | undefined): QueueFilters {
  const next = { ...filters };
  if (value === undefined || value === '') delete next[name];
  else next[name] = value;
  return next;
}

/** Workflow, submitter and submission dates; every change reloads the list from its first page. */
export function QueueFilterBar({ filters, workflows, onChange, onClear, resetKey }: QueueFilterBarProps): React.JSX.Element {
  const dates = datePickerFormat(useViewerLocale());
  const options: Option[] = workflows.map((workflow) => ({ label: workflow.name, value: workflow.id }));
  const chosen = options.find((option) => option.value === filters.workflowId) ?? null;
  const badRange = rangeError(filters);
  return (
    <Stack space="space.100">
      <Inline space="space.200" alignBlock="end" shouldWrap>
        <Box xcss={field}>
          <Stack space="space.050">
            <Label labelFor="queue-filter-workflow">Workflow</Label>
            <Select
              inputId="queue-filter-workflow"
              options={options}
              value={chosen}
              placeholder="All workflows"
              isClearable
              onChange={(option: Option | null) => onChange(without(filters, 'workflowId', option?.value))}
            />
          </Stack>
        </Box>
        <Box xcss={field}>
          <UserPicker
            key={`submitter-${resetKey}`}
            label="Submitted by"
            name="submittedBy"
            defaultValue={filters.submittedBy}
            placeholder="Anyone"
            onChange={(user: UserPickerValue | null | undefined) => onChange(without(filters, 'submittedBy', user?.id))}
          />
        </Box>
        <Stack space="space.050">
          <Label labelFor="queue-filter-from">Submitted from</Label>
          <DatePicker id="queue-filter-from" {...dates} value={filters.from ?? ''} placeholder="Any day" isInvalid={badRange !== undefined} onChange={(day) => onChange(without(filters, 'from', day))} />
        </Stack>
        <Stack space="space.050">
          <Label labelFor="queue-filter-to">Submitted to</Label>
          <DatePicker id="queue-filter-to" {...dates} value={filters.to ?? ''} placeholder="Any day" isInvalid={badRange !== undefined} onChange={(day) => onChange(without(filters, 'to', day))} />
        </Stack>
        {hasFilters(filters) && (
          <Button appearance="subtle" onClick={onClear}>
            Clear filters
          </Button>
        )}
      </Inline>
      {badRange !== undefined && <ErrorMessage>{badRange}</ErrorMessage>}
    </Stack>
  );
}
