import type React from 'react';
import { useState } from 'react';
import { Button, ButtonGroup, ErrorMessage, Form, Heading, HelperMessage, Label, LoadingButton, Select, Stack, TextArea } from '@forge/react';
import { bylineContract, type RequestView } from '../../shared/contract/byline';
import { fieldMessage } from '../shared/api';
import { type ActionKind } from './byline-api';
import { type OverrideTarget } from '../../shared/override-targets';
import { overrideOptions, type TargetOption } from './presentation';
import { type ActionFailure } from './use-page-approval';

const STATUS_ID = 'approval-override-status';
const REASON_ID = 'approval-override-reason';

export interface OverrideFormProps {
  request: RequestView | null;
  busy: ActionKind | null;
  failure: ActionFailure | undefined;
  onOverride(payload: { targetStatus: OverrideTarget; reason: string }): Promise<boolean>;
  onCancel(): void;
  onEdit(): void;
}

/** A space admin forces the page's status; the reason is required because the audit trail keeps it. */
export function OverrideForm({ request, busy, failure, onOverride, onCancel, onEdit }: OverrideFormProps): React.JSX.Element {
  const [target, setTarget] = useState<TargetOption | null>(null);
  const [reason, setReason] = useState('');
  const [mustPick, setMustPick] = useState(false);
  const [reasonProblem, setReasonProblem] = useState<string | undefined>(undefined);
  const mine = failure !== undefined && failure.kind === 'override' ? failure.error : undefined;
  const statusError = mustPick ? 'Choose the status to set' : fieldMessage(mine, 'targetStatus');
  const reasonError = reasonProblem ?? fieldMessage(mine, 'reason');

  // Both fields are checked before anything is sent, so every problem shows at once.
  const submit = async (): Promise<void> => {
    const reasonCheck = bylineContract.override.shape.reason.safeParse(reason);
    const problem = reasonCheck.success ? undefined : reasonCheck.error.issues[0]?.message;
    setMustPick(target === null);
    setReasonProblem(problem);
    if (target === null || problem !== undefined) return;
    await onOverride({ targetStatus: target.value, reason });
  };

  return (
    <Form onSubmit={submit}>
      <Stack space="space.100">
        <Heading as="h3" size="xsmall">
          Override status
        </Heading>
        <Stack space="space.050">
          <Label labelFor={STATUS_ID}>New status</Label>
          <Select
            inputId={STATUS_ID}
            name="targetStatus"
            placeholder="Choose a status"
            options={overrideOptions(request)}
            value={target}
            isInvalid={statusError !== undefined}
            onChange={(option: TargetOption | null) => {
              setTarget(option);
              setMustPick(false);
              onEdit();
            }}
          />
          {statusError !== undefined && <ErrorMessage>{statusError}</ErrorMessage>}
        </Stack>
        <Stack space="space.050">
          <Label labelFor={REASON_ID}>Reason</Label>
          <TextArea
            id={REASON_ID}
            name="reason"
            value={reason}
            isInvalid={reasonError !== undefined}
            aria-invalid={reasonError !== undefined}
            onChange={(event) => {
              setReason(event.target.value);
              setReasonProblem(undefined);
              onEdit();
            }}
          />
          {reasonError === undefined ? <HelperMessage>Required. Kept in the page’s history and the audit trail.</HelperMessage> : <ErrorMessage>{reasonError}</ErrorMessage>}
        </Stack>
        <ButtonGroup label="Override status">
          <LoadingButton type="submit" appearance="warning" isLoading={busy === 'override'} isDisabled={busy !== null && busy !== 'override'}>
            Override
          </LoadingButton>
          <Button appearance="subtle" isDisabled={busy === 'override'} onClick={onCancel}>
            Cancel
          </Button>
        </ButtonGroup>
      </Stack>
    </Form>
  );
}
