import type React from 'react';
import { SectionMessage, Text, useProductContext } from '@forge/react';
import { LoadingBlock } from '../shared/loading-block';
import { type WorkflowDetailView } from '../../shared/contract';
import { draftFromWorkflow, emptyDraft } from './draft';
import { selfApprovalControl } from './self-approval-control';
import { ApiErrorMessage } from '../shared/api-error-message';
import { useWorkflowDetail } from './use-workflow-detail';
import { WorkflowForm } from './workflow-form';

interface Props {
  /** Only space admins may allow self-approval. */
  isSpaceAdmin: boolean;
  onSaved(detail: WorkflowDetailView, created: boolean): void;
  onCancel(): void;
}

/** Creating: an empty draft with the creator as owner and one step. */
export function CreateWorkflow({ isSpaceAdmin, onSaved, onCancel }: Props): React.JSX.Element {
  const context = useProductContext();
  if (context === undefined) return <LoadingBlock label="Loading" />;
  return (
    <WorkflowForm
      target={{ kind: 'create' }}
      initial={emptyDraft(context.accountId)}
      selfApproval={selfApprovalControl(isSpaceAdmin, null)}
      onSaved={(detail) => onSaved(detail, true)}
      onCancel={onCancel}
    />
  );
}

/**
 * Editing: the saved workflow at its current revision. Reloading after a conflict loads the
 * other person's version into a fresh form, since the admin's unsaved changes were made on top
 * of a version that no longer exists.
 */
export function EditWorkflow({ workflowId, isSpaceAdmin, onSaved, onCancel }: Props & { workflowId: string }): React.JSX.Element {
  const detail = useWorkflowDetail(workflowId);

  if (detail.error !== undefined) {
    return <ApiErrorMessage error={detail.error} title="The workflow could not be loaded" actions={[{ label: 'Try again', onClick: detail.reload }]} />;
  }
  if (detail.data === undefined) return <LoadingBlock label="Loading the workflow" />;
  const { workflow, canManage } = detail.data;
  if (!canManage) {
    return (
      <SectionMessage appearance="warning" title="You can view this workflow but not change it">
        <Text>Only its owners and space admins can edit it.</Text>
      </SectionMessage>
    );
  }
  return (
    <WorkflowForm
      key={workflow.revision}
      target={{ kind: 'update', workflowId, revision: workflow.revision }}
      initial={draftFromWorkflow(workflow)}
      selfApproval={selfApprovalControl(isSpaceAdmin, workflow)}
      onSaved={(detail) => onSaved(detail, false)}
      onCancel={onCancel}
      onReload={() => void detail.reload()}
    />
  );
}
