import type React from 'react';
import { Button, ButtonGroup, Heading, Inline, Lozenge, SectionMessage, Stack, Text } from '@forge/react';
import { LoadingBlock } from '../shared/loading-block';
import { ActionsSummary } from './actions-summary';
import { describeApprovers, describeOptions, nameLookup } from './describe-workflow';
import { ApiErrorMessage } from '../shared/api-error-message';
import { useWorkflowDetail } from './use-workflow-detail';
import { ruleSentence } from '../../shared/rule-sentence';
import { countOf } from '../../shared/wording';

interface Props {
  workflowId: string;
  isDefault: boolean;
  onEdit(): void;
  onBack(): void;
}

/** A workflow read-only: what anyone who can view the space may see before submitting a page with it. */
export function WorkflowDetails({ workflowId, isDefault, onEdit, onBack }: Props): React.JSX.Element {
  const detail = useWorkflowDetail(workflowId);
  if (detail.error !== undefined) {
    return (
      <Stack space="space.200" alignInline="start">
        <ApiErrorMessage error={detail.error} title="The workflow could not be loaded" actions={[{ label: 'Try again', onClick: detail.reload }]} />
        <Button onClick={onBack}>Back to workflows</Button>
      </Stack>
    );
  }
  if (detail.data === undefined) return <LoadingBlock label="Loading the workflow" />;
  const { workflow, canManage, people, runningRequests } = detail.data;
  const nameOf = nameLookup(people);

  return (
    <Stack space="space.300">
      <Stack space="space.100">
        <Inline space="space.100" alignBlock="center" shouldWrap>
          <Heading as="h2">{workflow.name}</Heading>
          {workflow.enabled ? <Lozenge appearance="success">Enabled</Lozenge> : <Lozenge>Disabled</Lozenge>}
          {isDefault ? <Lozenge appearance="new">Default</Lozenge> : null}
        </Inline>
        {workflow.description === '' ? null : <Text>{workflow.description}</Text>}
        <Text>{`Owners: ${workflow.owners.map(nameOf).join(', ')}`}</Text>
        {runningRequests > 0 ? (
          <SectionMessage appearance="information">
            <Text>{`${countOf(runningRequests, 'page')} ${runningRequests === 1 ? 'is' : 'are'} in approval with this workflow.`}</Text>
          </SectionMessage>
        ) : null}
      </Stack>

      <Stack space="space.150">
        <Heading as="h3">Steps</Heading>
        {workflow.steps.map((step, index) => (
          <Stack key={step.id} space="space.050">
            <Text weight="medium">{`Step ${index + 1}: ${step.name}`}</Text>
            <Text>{`Approvers: ${describeApprovers(step, nameOf)}`}</Text>
            <Text>
              {`Rule: ${ruleSentence(step.rule)} · ${countOf(step.rejectionsToFail, 'rejection')} to fail${step.dueDays === undefined ? '' : ` · due within ${countOf(step.dueDays, 'day')}`}`}
            </Text>
          </Stack>
        ))}
      </Stack>

      <Stack space="space.100">
        <Heading as="h3">Options</Heading>
        {describeOptions(workflow.options).map((line) => (
          <Text key={line}>{line}</Text>
        ))}
      </Stack>

      <Stack space="space.100">
        <Heading as="h3">Actions on entering a state</Heading>
        <ActionsSummary actions={workflow.actions} nameOf={nameOf} />
      </Stack>

      <ButtonGroup label="Workflow actions">
        <Button onClick={onBack}>Back to workflows</Button>
        {canManage ? (
          <Button appearance="primary" onClick={onEdit}>
            Edit workflow
          </Button>
        ) : null}
      </ButtonGroup>
    </Stack>
  );
}
