import type React from 'react';
import { Box, Heading, Inline, Stack, Text, xcss } from '@forge/react';
import { type AnalyticsView } from '../../shared/contract';
import { formatMinutes, formatRate } from '../../shared/analytics-figures';

const tile = xcss({
  borderColor: 'color.border',
  borderStyle: 'solid',
  borderWidth: 'border.width',
  borderRadius: 'radius.medium',
  padding: 'space.200',
  minWidth: '150px',
});

interface Tile {
  key: string;
  label: string;
  value: string;
  hint: string;
}

function tiles({ kpis }: AnalyticsView): Tile[] {
  return [
    { key: 'submitted', label: 'Submitted', value: String(kpis.submitted), hint: 'Requests submitted in the range' },
    { key: 'approved', label: 'Approved', value: String(kpis.approved), hint: 'Approved in the range' },
    { key: 'rejected', label: 'Rejected', value: String(kpis.rejected), hint: 'Sent back for changes in the range' },
    { key: 'pending', label: 'Pending', value: String(kpis.pending), hint: 'Waiting for a decision' },
    { key: 'rate', label: 'Approval rate', value: formatRate(kpis.approvalRate), hint: 'Approved out of all decided' },
    { key: 'median', label: 'Median time to decision', value: formatMinutes(kpis.medianMinutesToDecision), hint: 'Half were decided faster' },
    { key: 'p90', label: '90th percentile time to decision', value: formatMinutes(kpis.p90MinutesToDecision), hint: '9 in 10 were decided faster' },
  ];
}

/** The headline numbers of the selection, one tile each. */
export function KpiTiles({ view }: { view: AnalyticsView }): React.JSX.Element {
  return (
    <Inline space="space.200" shouldWrap>
      {tiles(view).map((kpi) => (
        <Box key={kpi.key} xcss={tile} testId={`analytics-kpi-${kpi.key}`}>
          <Stack space="space.050">
            <Text size="small" weight="medium" color="color.text.subtle">
              {kpi.label}
            </Text>
            <Heading as="h3" size="large">
              {kpi.value}
            </Heading>
            <Text size="small" color="color.text.subtlest">
              {kpi.hint}
            </Text>
          </Stack>
        </Box>
      ))}
    </Inline>
  );
}
