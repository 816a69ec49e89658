import type React from 'react';
import { useState } from 'react';
import { Label, RadioGroup, Stack, Text } from '@forge/react';
import { type TreeRowView } from '../../shared/contract';
import { type ApiFailure } from '../shared/api';
import { ActionModal } from './action-modal';
import { ApiErrorMessage } from '../shared/api-error-message';
import { FieldMessages } from './field-messages';
import { fieldId } from './pickers';
import { callSettings } from './settings-api';

interface Props {
  row: TreeRowView;
  onClose(): void;
  onSubmitted(row: TreeRowView): void;
}

/** Submits the page's current version, with the workflow picked when several apply to it. */
export function SubmitPageModal({ row, onClose, onSubmitted }: Props): React.JSX.Element {
  const choices = row.workflows;
  const [workflowId, setWorkflowId] = useState<string | null>(choices.length === 1 ? choices[0].id : null);
  const [busy, setBusy] = useState(false);
  const [failure, setFailure] = useState<ApiFailure | null>(null);
  const [missing, setMissing] = useState(false);

  const submit = async () => {
    if (workflowId === null) {
      setMissing(true);
      return;
    }
    setBusy(true);
    setFailure(null);
    const result = await callSettings('submitPage', { pageId: row.id, workflowId });
    setBusy(false);
    if (result.ok) onSubmitted(result.data);
    else setFailure(result.error);
  };

  return (
    <ActionModal
      title={`Submit ${row.title} for approval`}
      confirmLabel="Submit for approval"
      busy={busy}
      canConfirm={choices.length > 0}
      onConfirm={submit}
      onClose={onClose}
    >
      {choices.length === 0 ? (
        <Text>No workflow applies to this page. Assign one to it (or to a page above it) or set a space default first.</Text>
      ) : choices.length === 1 ? (
        <Text>{`The current version of this page goes through ${choices[0].name}. Its approvers are notified in a page comment.`}</Text>
      ) : (
        <Stack space="space.050">
          <Label labelFor="submit-workflow">Workflow</Label>
          <RadioGroup
            {...fieldId('submit-workflow')}
            name="submit-workflow"
            options={choices.map((w) => ({ name: 'workflow', value: w.id, label: w.name }))}
            value={workflowId}
            isInvalid={missing && workflowId === null}
            onChange={(e) => setWorkflowId(String(e.target.value))}
          />
          <FieldMessages messages={missing && workflowId === null ? ['Choose the workflow to submit the page with'] : []} helper="Several workflows apply to this page." />
        </Stack>
      )}
      {failure === null ? null : <ApiErrorMessage error={failure} title="The page was not submitted" />}
    </ActionModal>
  );
}
