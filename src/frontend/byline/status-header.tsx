import type React from 'react';
import { Inline, Stack, Text } from '@forge/react';
import { type PageApprovalView } from '../../shared/contract/byline';
import { officialVersionText } from '../../shared/official-version';
import { StatusLozenge } from '../shared/status-lozenge';
import { versionLine } from './presentation';

export interface StatusHeaderProps {
  view: PageApprovalView;
  /**
   * The byline's sentence ("… waiting for step 2 of 2 (Legal)"). An approver about to decide reads
   * the step in their decision form instead, which keeps Approve on the popup's first screen.
   */
  withSentence: boolean;
  /** What follows below the first screen (`moreBelow`), or null. */
  below: string | null;
}

/** The page's status as the byline shows it, with the versions it concerns (the official one too) and the byline's sentence. */
export function StatusHeader({ view, withSentence, below }: StatusHeaderProps): React.JSX.Element {
  return (
    <Stack space="space.075">
      <Inline space="space.100" alignBlock="center" shouldWrap>
        <StatusLozenge lozenge={view.lozenge} isBold />
        <Text color="color.text.subtle">{versionLine(view)}</Text>
      </Inline>
      {view.officialVersion !== null && <Text color="color.text.subtle">{officialVersionText(view.officialVersion)}</Text>}
      {withSentence && <Text>{view.byline.tooltip}</Text>}
      {below !== null && (
        <Text size="small" color="color.text.subtlest">
          {below}
        </Text>
      )}
    </Stack>
  );
}
