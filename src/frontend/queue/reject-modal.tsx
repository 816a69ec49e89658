import type React from 'react';
import { useState } from 'react';
import {
  Button,
  ButtonGroup,
  ErrorMessage,
  Form,
  HelperMessage,
  Label,
  LoadingButton,
  Modal,
  ModalBody,
  ModalFooter,
  ModalHeader,
  ModalTitle,
  ModalTransition,
  RequiredAsterisk,
  Stack,
  Text,
  TextArea,
} from '@forge/react';
import { type ApiFailure, fieldMessage } from '../shared/api';
import { ApiErrorMessage } from '../shared/api-error-message';

export interface RejectModalProps {
  count: number;
  isSubmitting: boolean;
  /** Why the last attempt was refused; a comment problem shows under the comment. */
  failure: ApiFailure | undefined;
  onSubmit(comment: string): void;
  onCancel(): void;
}

/** Rejecting sends pages back to their authors, so it asks what needs to change, once for every item. */
export function RejectModal({ count, isSubmitting, failure, onSubmit, onCancel }: RejectModalProps): React.JSX.Element {
  const [comment, setComment] = useState('');
  const commentProblem = fieldMessage(failure, 'comment');
  const otherProblem = failure !== undefined && commentProblem === undefined ? failure : undefined;
  const items = `${count} ${count === 1 ? 'item' : 'items'}`;
  return (
    <ModalTransition>
      <Modal onClose={onCancel}>
        <Form onSubmit={() => onSubmit(comment)}>
          <ModalHeader>
            <ModalTitle>Reject {items}</ModalTitle>
          </ModalHeader>
          <ModalBody>
            <Stack space="space.150">
              <Text>Each author is told what needs to change. The same comment goes to every selected item.</Text>
              <Stack space="space.050">
                <Label labelFor="queue-reject-comment">
                  Comment
                  <RequiredAsterisk />
                </Label>
                <TextArea
                  id="queue-reject-comment"
                  value={comment}
                  isInvalid={commentProblem !== undefined}
                  aria-invalid={commentProblem !== undefined}
                  isRequired
                  onChange={(event) => setComment(String(event.target.value ?? ''))}
                />
                {commentProblem === undefined ? <HelperMessage>Say what needs to change before the pages can be approved.</HelperMessage> : <ErrorMessage>{commentProblem}</ErrorMessage>}
              </Stack>
              {otherProblem !== undefined && <ApiErrorMessage error={otherProblem} title="The items were not rejected" />}
            </Stack>
          </ModalBody>
          <ModalFooter>
            <ButtonGroup>
              <Button appearance="subtle" onClick={onCancel}>
                Cancel
              </Button>
              <LoadingButton appearance="danger" type="submit" isLoading={isSubmitting}>
                Reject
              </LoadingButton>
            </ButtonGroup>
          </ModalFooter>
        </Form>
      </Modal>
    </ModalTransition>
  );
}
