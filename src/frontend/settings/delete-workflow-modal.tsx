import type React from 'react';
import { useState } from 'react';
import { Button, LoadingButton, Modal, ModalBody, ModalFooter, ModalHeader, ModalTitle, ModalTransition, SectionMessage, Stack, Text } from '@forge/react';
import { type WorkflowSummaryView } from '../../shared/contract';
import { type ApiFailure } from '../shared/api';
import { ApiErrorMessage } from '../shared/api-error-message';
import { callSettings } from './settings-api';

interface Props {
  workflow: WorkflowSummaryView;
  onClose(): void;
  /** The workflow is gone (deleted) or no longer offered (disabled instead). */
  onDone(outcome: 'deleted' | 'disabled'): void;
}

/**
 * Confirms a delete. A workflow with pages still in approval cannot be deleted; the back end
 * says so, and the dialog offers what it suggests instead: disabling it.
 */
export function DeleteWorkflowModal({ workflow, onClose, onDone }: Props): React.JSX.Element {
  const [busy, setBusy] = useState<'delete' | 'disable' | null>(null);
  const [failure, setFailure] = useState<ApiFailure | null>(null);

  const run = async (what: 'delete' | 'disable') => {
    setBusy(what);
    setFailure(null);
    const result =
      what === 'delete'
        ? await callSettings('deleteWorkflow', { workflowId: workflow.id })
        : await callSettings('setWorkflowEnabled', { workflowId: workflow.id, enabled: false });
    setBusy(null);
    if (result.ok) onDone(what === 'delete' ? 'deleted' : 'disabled');
    else setFailure(result.error);
  };

  const blocked = failure?.code === 'PRECONDITION';
  return (
    <ModalTransition>
      <Modal onClose={onClose}>
        <ModalHeader>
          <ModalTitle appearance="danger">{`Delete ${workflow.name}?`}</ModalTitle>
        </ModalHeader>
        <ModalBody>
          <Stack space="space.200">
            <Text>
              The workflow is removed from this space and from every page it is assigned to. Approvals it already gave stay in the pages&apos; history.
            </Text>
            {failure === null ? null : blocked ? (
              <SectionMessage appearance="warning" title="This workflow is still in use">
                <Text>{failure.message}</Text>
              </SectionMessage>
            ) : (
              <ApiErrorMessage error={failure} title="The workflow was not deleted" />
            )}
          </Stack>
        </ModalBody>
        <ModalFooter>
          <Button appearance="subtle" onClick={onClose}>
            Cancel
          </Button>
          {blocked && workflow.enabled ? (
            <LoadingButton appearance="primary" isLoading={busy === 'disable'} onClick={() => run('disable')}>
              Disable instead
            </LoadingButton>
          ) : (
            <LoadingButton appearance="danger" isLoading={busy === 'delete'} isDisabled={blocked} onClick={() => run('delete')}>
              Delete
            </LoadingButton>
          )}
        </ModalFooter>
      </Modal>
    </ModalTransition>
  );
}
