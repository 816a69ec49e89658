import type React from 'react';
import { useState } from 'react';
import { HelperMessage, Label, RadioGroup, Stack, Text } from '@forge/react';
import { type WorkflowListView } from '../../shared/contract';
import { type WorkflowCreators } from '../../shared/workflow';
import { type ApiFailure } from '../shared/api';
import { ApiErrorMessage } from '../shared/api-error-message';
import { fieldId } from './pickers';
import { callSettings } from './settings-api';

interface Props {
  list: WorkflowListView;
  onChanged(list: WorkflowListView): void;
}

const FIELD_ID = 'space-workflow-creators';

const OPTIONS: { name: string; value: WorkflowCreators; label: string }[] = [
  { name: FIELD_ID, value: 'everyone', label: 'Everyone who can view the space' },
  { name: FIELD_ID, value: 'spaceAdmins', label: 'Space admins only' },
];

const isCreators = (value: unknown): value is WorkflowCreators => OPTIONS.some((option) => option.value === value);

/** Space admins choose who may create workflows; everyone else only sees the rule when it keeps them out. */
export function WorkflowCreatorsSetting({ list, onChanged }: Props): React.JSX.Element | null {
  const [saving, setSaving] = useState(false);
  const [failure, setFailure] = useState<ApiFailure | null>(null);

  if (!list.isSpaceAdmin) {
    return list.canCreate ? null : <Text>Only space admins can create workflows in this space.</Text>;
  }

  const choose = async (value: unknown) => {
    if (!isCreators(value) || value === list.workflowCreators) return;
    setSaving(true);
    setFailure(null);
    const result = await callSettings('setWorkflowCreators', { workflowCreators: value });
    setSaving(false);
    if (result.ok) onChanged(result.data);
    else setFailure(result.error);
  };

  return (
    <Stack space="space.050">
      <Label labelFor={FIELD_ID}>Who can create workflows in this space</Label>
      <RadioGroup
        {...fieldId(FIELD_ID)}
        name={FIELD_ID}
        options={OPTIONS}
        value={list.workflowCreators}
        isDisabled={saving}
        onChange={(e) => void choose(e.target.value)}
      />
      <HelperMessage>Whoever creates a workflow becomes its owner. Space admins can always create workflows.</HelperMessage>
      {failure === null ? null : <ApiErrorMessage error={failure} title="Who can create workflows was not changed" />}
    </Stack>
  );
}
