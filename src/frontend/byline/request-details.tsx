import type React from 'react';
import { Heading, Stack, Text } from '@forge/react';
import { type RequestView } from '../../shared/contract/byline';
import { formatDate, formatDateTime } from '../shared/dates';
import { PersonName } from '../shared/person-name';
import { useViewerLocale } from '../shared/use-viewer-locale';
import { closedLine, requestHeading } from './presentation';
import { StepItem } from './step-item';

/** The page's latest request: which workflow, who submitted which version when, and its steps. */
export function RequestDetails({ request }: { request: RequestView }): React.JSX.Element {
  const locale = useViewerLocale();
  const closed = closedLine(request, locale);
  return (
    <Stack space="space.100">
      <Heading as="h3" size="xsmall">
        {requestHeading(request)}
      </Heading>
      <Text>
        Workflow: <Text as="span" weight="semibold">{request.workflowName}</Text> · version {request.version}
      </Text>
      <Text color="color.text.subtle">
        Submitted by <PersonName person={request.submittedBy} /> on {formatDateTime(request.submittedAt, locale)}
      </Text>
      {closed !== null && <Text color="color.text.subtle">{closed}</Text>}
      {request.expiresAt !== undefined && <Text color="color.text.subtle">Approval valid until {formatDate(request.expiresAt, locale)}</Text>}
      <Stack space="space.150">
        {request.steps.map((step) => (
          <StepItem key={step.index} step={step} count={request.steps.length} requestOpen={request.status === 'inApproval'} />
        ))}
      </Stack>
    </Stack>
  );
}
