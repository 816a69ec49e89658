import type React from 'react';
import { useState } from 'react';
import { Label, RadioGroup, Select, Stack, Text } from '@forge/react';
import { type TreeRowView, type WorkflowSummaryView } from '../../shared/contract';
import { type ApiFailure } from '../shared/api';
import { ActionModal } from './action-modal';
import { ApiErrorMessage } from '../shared/api-error-message';
import { FieldMessages } from './field-messages';
import { fieldId, type Option, optionsOf } from './pickers';
import { callSettings } from './settings-api';

type Scope = 'page' | 'subtree';

interface Props {
  row: TreeRowView;
  workflows: readonly WorkflowSummaryView[];
  onClose(): void;
  onAssigned(row: TreeRowView, scope: Scope): void;
}

const SCOPE_OPTIONS: { name: string; value: Scope; label: string }[] = [
  { name: 'scope', value: 'page', label: 'This page only' },
  { name: 'scope', value: 'subtree', label: 'This page and its children' },
];

/** Sets (or, left empty, removes) the workflows assigned to one page or folder and, optionally, below it. */
export function AssignWorkflowModal({ row, workflows, onClose, onAssigned }: Props): React.JSX.Element {
  const own = row.ownAssignment;
  // Only enabled workflows can be assigned; the back end refuses the others.
  const options: Option[] = workflows.filter((w) => w.enabled).map((w) => ({ label: w.name, value: w.id }));
  const [chosen, setChosen] = useState<Option[]>(options.filter((o) => own?.workflowIds.includes(o.value) === true));
  const [scope, setScope] = useState<Scope>(own?.scope ?? 'subtree');
  const [busy, setBusy] = useState(false);
  const [failure, setFailure] = useState<ApiFailure | null>(null);

  const save = async () => {
    setBusy(true);
    setFailure(null);
    const result = await callSettings('assignWorkflow', { pageId: row.id, workflowIds: chosen.map((o) => o.value), scope });
    setBusy(false);
    if (result.ok) onAssigned(result.data, scope);
    else setFailure(result.error);
  };

  return (
    <ActionModal title={`Assign a workflow to ${row.title}`} confirmLabel="Save assignment" busy={busy} onConfirm={save} onClose={onClose}>
      {options.length === 0 ? <Text>There are no enabled workflows in this space. Create or enable one on the Workflows tab first.</Text> : null}
      <Stack space="space.050">
        <Label labelFor="assign-workflows">Workflows</Label>
        <Select inputId="assign-workflows" isMulti options={options} value={chosen} onChange={(value: Option | Option[] | null) => setChosen(optionsOf(value))} />
        <FieldMessages
          messages={failure?.fields.workflowIds === undefined ? [] : [failure.fields.workflowIds]}
          helper="With several workflows, authors pick one when they submit. Leave empty to remove this page's own assignment."
        />
      </Stack>
      <Stack space="space.050">
        <Label labelFor="assign-scope">Applies to</Label>
        <RadioGroup {...fieldId('assign-scope')} name="assign-scope" options={SCOPE_OPTIONS} value={scope} onChange={(e) => setScope(e.target.value as Scope)} />
        <FieldMessages messages={[]} helper="Child pages inherit the nearest assignment above them unless they have their own." />
      </Stack>
      {failure === null || failure.code === 'VALIDATION' ? null : <ApiErrorMessage error={failure} title="The assignment was not saved" />}
    </ActionModal>
  );
}
