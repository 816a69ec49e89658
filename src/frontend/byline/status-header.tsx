import type React from 'react';
import { Inline, Stack, Text } from '@forge/react';
import { type PageApprovalView } from '../../shared/contract/byline';
import { StatusLozenge } from '../shared/status-lozenge';
import { versionLine } from './presentation';

/** The page's status as the byline shows it, with the versions it concerns and the byline's sentence. */
export function StatusHeader({ view }: { view: PageApprovalView }): React.JSX.Element {
  return (
    <Stack space="space.075">
      <Inline space="space.100" alignBlock="center" shouldWrap>
        <StatusLozenge lozenge={view.lozenge} isBold />
        <Text color="color.text.subtle">{versionLine(view)}</Text>
      </Inline>
      <Text>{view.byline.tooltip}</Text>
    </Stack>
  );
}
