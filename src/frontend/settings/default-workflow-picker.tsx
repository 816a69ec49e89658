import type React from 'react';
import { useState } from 'react';
import { HelperMessage, Label, Select, Stack, Text } from '@forge/react';
import { type WorkflowListView } from '../../shared/contract';
import { type ApiFailure } from '../shared/api';
import { ApiErrorMessage } from '../shared/api-error-message';
import { callSettings } from './settings-api';

interface Props {
  list: WorkflowListView;
  onChanged(list: WorkflowListView): void;
}

interface Option {
  label: string;
  value: string;
}

const NO_DEFAULT: Option = { label: 'No default', value: '' };
const FIELD_ID = 'space-default-workflow';

/**
 * The space default applies to every page with no assignment of its own or above it. Space
 * admins choose it; everyone else reads it.
 */
export function DefaultWorkflowPicker({ list, onChanged }: Props): React.JSX.Element {
  const [saving, setSaving] = useState(false);
  const [failure, setFailure] = useState<ApiFailure | null>(null);
  const current = list.workflows.find((w) => w.id === list.defaultWorkflowId);

  if (!list.isSpaceAdmin) {
    return <Text>{current === undefined ? 'This space has no default workflow.' : `Space default workflow: ${current.name}`}</Text>;
  }

  // Only enabled workflows can become the default; the current one stays listed even if disabled since.
  const options: Option[] = [
    NO_DEFAULT,
    ...list.workflows.filter((w) => w.enabled || w.id === list.defaultWorkflowId).map((w) => ({ label: w.name, value: w.id })),
  ];
  const selected = options.find((option) => option.value === (list.defaultWorkflowId ?? '')) ?? NO_DEFAULT;

  const choose = async (option: Option | null) => {
    const workflowId = option === null || option.value === '' ? null : option.value;
    if (workflowId === list.defaultWorkflowId) return;
    setSaving(true);
    setFailure(null);
    const result = await callSettings('setDefaultWorkflow', { workflowId });
    setSaving(false);
    if (result.ok) onChanged(result.data);
    else setFailure(result.error);
  };

  return (
    <Stack space="space.050">
      <Label labelFor={FIELD_ID}>Space default workflow</Label>
      <Select inputId={FIELD_ID} options={options} value={selected} isLoading={saving} isDisabled={saving} onChange={choose} />
      <HelperMessage>
        Used for pages that have no workflow assigned to them or to a page above them. With no default, authors can pick any enabled workflow.
      </HelperMessage>
      {failure === null ? null : <ApiErrorMessage error={failure} title="The default workflow was not changed" />}
    </Stack>
  );
}
