import type React from 'react';
import { Box, Inline, Lozenge, Stack, Text, xcss } from '@forge/react';
import { type StepView } from '../../shared/contract/byline';
import { formatDate } from '../shared/dates';
import { useViewerLocale } from '../shared/use-viewer-locale';
import { ApproverRow } from './approver-row';
import { stepBadge } from './presentation';

const stepBox = xcss({
  borderLeftWidth: 'border.width.selected',
  borderLeftStyle: 'solid',
  borderLeftColor: 'color.border',
  paddingLeft: 'space.150',
});

const currentStepBox = xcss({ borderLeftColor: 'color.border.information' });

/** One step of the request: name, rule, where it stands, and every approver's decision. */
export interface StepItemProps {
  step: StepView;
  count: number;
  /** The request still collects decisions. */
  requestOpen: boolean;
}

export function StepItem({ step, count, requestOpen }: StepItemProps): React.JSX.Element {
  const locale = useViewerLocale();
  const badge = stepBadge(step, requestOpen);
  return (
    <Box xcss={step.progress === 'current' ? [stepBox, currentStepBox] : stepBox}>
      <Stack space="space.050">
        <Inline space="space.100" alignBlock="center" shouldWrap>
          <Text weight="semibold">
            Step {step.index + 1} of {count} · {step.name}
          </Text>
          <Lozenge appearance={badge.appearance}>{badge.text}</Lozenge>
          {step.overdue && <Lozenge appearance="removed">Overdue</Lozenge>}
        </Inline>
        <Text color="color.text.subtle">
          {step.rule}
          {step.dueAt !== undefined && ` · due ${formatDate(step.dueAt, locale)}`}
        </Text>
        {step.approvers.map((approver) => (
          <ApproverRow key={approver.accountId} approver={approver} step={step} requestOpen={requestOpen} />
        ))}
      </Stack>
    </Box>
  );
}
