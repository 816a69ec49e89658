import type React from 'react';
import { Stack, Text } from '@forge/react';
import { type ApproverView, type StepView } from '../../shared/contract/byline';
import { PersonName } from '../shared/person-name';
import { useViewerLocale } from '../shared/use-viewer-locale';
import { approverStatus } from './presentation';

/** One approver of a step: their decision with its time and comment, or what is still expected. */
export interface ApproverRowProps {
  approver: ApproverView;
  step: StepView;
  requestOpen: boolean;
}

export function ApproverRow({ approver, step, requestOpen }: ApproverRowProps): React.JSX.Element {
  const locale = useViewerLocale();
  return (
    <Stack space="space.025">
      <Text>
        <PersonName person={approver} /> · {approverStatus(approver, step, requestOpen, locale)}
      </Text>
      {approver.comment !== undefined && <Text color="color.text.subtle">“{approver.comment}”</Text>}
    </Stack>
  );
}
