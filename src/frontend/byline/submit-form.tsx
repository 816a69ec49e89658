import type React from 'react';
import { useState } from 'react';
import { ErrorMessage, Form, FormFooter, Heading, HelperMessage, Label, LoadingButton, Select, Stack, Text, TextArea } from '@forge/react';
import { type WorkflowChoice } from '../../shared/contract/byline';
import { fieldMessage } from '../shared/api';
import { type ActionKind } from './byline-api';
import { type ActionFailure } from './use-page-approval';

const WORKFLOW_ID = 'approval-submit-workflow';
const NOTE_ID = 'approval-submit-note';

interface WorkflowOption {
  label: string;
  value: string;
}

export interface SubmitFormProps {
  /** The page had a request before: the form says Resubmit. */
  resubmit: boolean;
  version: number;
  workflows: readonly WorkflowChoice[];
  busy: ActionKind | null;
  failure: ActionFailure | undefined;
  onSubmit(payload: { workflowId?: string; comment?: string }): Promise<boolean>;
  onEdit(): void;
}

/**
 * Submit (or resubmit) the current version. With one applicable workflow it is named and used;
 * with several the author picks one, and nothing is sent until they have.
 */
export function SubmitForm({ resubmit, version, workflows, busy, failure, onSubmit, onEdit }: SubmitFormProps): React.JSX.Element {
  const kind: ActionKind = resubmit ? 'resubmit' : 'submit';
  const single = workflows.length === 1 ? workflows[0] : undefined;
  const [picked, setPicked] = useState<WorkflowOption | null>(null);
  const [note, setNote] = useState('');
  const [mustPick, setMustPick] = useState(false);
  const mine = failure !== undefined && failure.kind === kind ? failure.error : undefined;
  const workflowError = mustPick ? 'Choose the workflow to submit with' : fieldMessage(mine, 'workflowId');
  const noteError = fieldMessage(mine, 'comment');
  const description = (single ?? workflows.find((workflow) => workflow.id === picked?.value))?.description ?? '';

  const submit = async (): Promise<void> => {
    const workflowId = single?.id ?? picked?.value;
    if (workflowId === undefined) {
      setMustPick(true);
      return;
    }
    await onSubmit({ workflowId, ...(note.trim() === '' ? {} : { comment: note }) });
  };

  return (
    <Form onSubmit={submit}>
      <Stack space="space.100">
        <Heading as="h3" size="xsmall">
          {resubmit ? `Resubmit version ${version} for approval` : `Submit version ${version} for approval`}
        </Heading>
        {single === undefined ? (
          <Stack space="space.050">
            <Label labelFor={WORKFLOW_ID}>Workflow</Label>
            <Select
              inputId={WORKFLOW_ID}
              name="workflowId"
              placeholder="Choose a workflow"
              options={workflows.map((workflow) => ({ label: workflow.name, value: workflow.id }))}
              value={picked}
              isInvalid={workflowError !== undefined}
              onChange={(option: WorkflowOption | null) => {
                setPicked(option);
                setMustPick(false);
                onEdit();
              }}
            />
            {workflowError !== undefined && <ErrorMessage>{workflowError}</ErrorMessage>}
          </Stack>
        ) : (
          <Text>
            Workflow: <Text as="span" weight="semibold">{single.name}</Text>
          </Text>
        )}
        {description !== '' && <Text color="color.text.subtle">{description}</Text>}
        <Stack space="space.050">
          <Label labelFor={NOTE_ID}>Note for the approvers</Label>
          <TextArea
            id={NOTE_ID}
            name="comment"
            value={note}
            isInvalid={noteError !== undefined}
            aria-invalid={noteError !== undefined}
            placeholder="What changed, what to look at"
            onChange={(event) => {
              setNote(event.target.value);
              onEdit();
            }}
          />
          {noteError === undefined ? <HelperMessage>Optional. It goes into the page comment that asks the approvers, and into the history.</HelperMessage> : <ErrorMessage>{noteError}</ErrorMessage>}
        </Stack>
        <FormFooter align="start">
          <LoadingButton type="submit" appearance="primary" isLoading={busy === kind} isDisabled={busy !== null && busy !== kind}>
            {resubmit ? 'Resubmit' : 'Submit'}
          </LoadingButton>
        </FormFooter>
      </Stack>
    </Form>
  );
}
