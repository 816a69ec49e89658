import type React from 'react';
import { useState } from 'react';
import { ButtonGroup, ErrorMessage, Heading, HelperMessage, Label, LoadingButton, Stack, Text, TextArea } from '@forge/react';
import { type RequestView } from '../../shared/contract/byline';
import { fieldMessage } from '../shared/api';
import { type ActionKind } from './byline-api';
import { type ActionFailure } from './use-page-approval';

const COMMENT_ID = 'approval-decision-comment';

export type Decision = 'approve' | 'reject';

export interface DecisionFormProps {
  request: RequestView;
  canApprove: boolean;
  canReject: boolean;
  busy: ActionKind | null;
  /** The last approve or reject failure, for the message next to the comment. */
  failure: ActionFailure | undefined;
  onDecide(decision: Decision, comment: string): Promise<boolean>;
  onEdit(): void;
}

/**
 * An approver's decision on the current step: one comment field, two buttons. The comment is
 * optional to approve and required to reject; the contract says so, and its message shows here.
 */
export function DecisionForm({ request, canApprove, canReject, busy, failure, onDecide, onEdit }: DecisionFormProps): React.JSX.Element {
  const [comment, setComment] = useState('');
  const step = request.steps[request.currentStepIndex];
  const commentError = failure !== undefined && (failure.kind === 'approve' || failure.kind === 'reject') ? fieldMessage(failure.error, 'comment') : undefined;

  const decide = async (decision: Decision): Promise<void> => {
    if (await onDecide(decision, comment)) setComment('');
  };

  const button = (decision: Decision, label: string, appearance: 'primary' | 'default') => (
    <LoadingButton appearance={appearance} isLoading={busy === decision} isDisabled={busy !== null && busy !== decision} onClick={() => decide(decision)}>
      {label}
    </LoadingButton>
  );

  return (
    <Stack space="space.100">
      <Heading as="h3" size="xsmall">
        Your decision
      </Heading>
      {step !== undefined && (
        <Text>
          Step {step.index + 1} of {request.steps.length} · {step.name} · {step.rule}
        </Text>
      )}
      <Stack space="space.050">
        <Label labelFor={COMMENT_ID}>Comment</Label>
        <TextArea
          id={COMMENT_ID}
          name="comment"
          value={comment}
          isInvalid={commentError !== undefined}
          aria-invalid={commentError !== undefined}
          placeholder="What you checked, or what needs to change"
          onChange={(event) => {
            setComment(event.target.value);
            onEdit();
          }}
        />
        {commentError === undefined ? <HelperMessage>Optional to approve, required to reject.</HelperMessage> : <ErrorMessage>{commentError}</ErrorMessage>}
      </Stack>
      <ButtonGroup label="Your decision">
        {canApprove && button('approve', 'Approve', 'primary')}
        {canReject && button('reject', 'Reject', 'default')}
      </ButtonGroup>
    </Stack>
  );
}
