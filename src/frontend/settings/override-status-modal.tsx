import type React from 'react';
import { useState } from 'react';
import { Label, RadioGroup, RequiredAsterisk, Stack, Text, TextArea } from '@forge/react';
import { type TreeRowView } from '../../shared/contract';
import { type ApiFailure } from '../shared/api';
import { ActionModal } from './action-modal';
import { ApiErrorMessage } from '../shared/api-error-message';
import { FieldMessages } from './field-messages';
import { fieldId } from './pickers';
import { callSettings } from './settings-api';

type Target = 'draft' | 'approved' | 'changesRequested';

interface Props {
  row: TreeRowView;
  onClose(): void;
  onOverridden(row: TreeRowView): void;
}

const TARGETS: { name: string; value: Target; label: string }[] = [
  { name: 'target', value: 'draft', label: 'Draft' },
  { name: 'target', value: 'approved', label: 'Approved' },
  { name: 'target', value: 'changesRequested', label: 'Changes requested' },
];

/** A space admin forces a page's status; the reason is required because every override is audited. */
export function OverrideStatusModal({ row, onClose, onOverridden }: Props): React.JSX.Element {
  const [target, setTarget] = useState<Target | null>(null);
  const [reason, setReason] = useState('');
  const [busy, setBusy] = useState(false);
  const [failure, setFailure] = useState<ApiFailure | null>(null);
  const [missingTarget, setMissingTarget] = useState(false);

  const save = async () => {
    if (target === null) {
      setMissingTarget(true);
      return;
    }
    setBusy(true);
    setFailure(null);
    const result = await callSettings('overridePageStatus', { pageId: row.id, targetStatus: target, reason });
    setBusy(false);
    if (result.ok) onOverridden(result.data);
    else setFailure(result.error);
  };

  const fieldMessage = (field: string) => (failure?.fields[field] === undefined ? [] : [failure.fields[field]]);
  return (
    <ActionModal title={`Override the status of ${row.title}`} confirmLabel="Override status" busy={busy} onConfirm={save} onClose={onClose}>
      <Text>{`Current status: ${row.lozenge?.text ?? 'none'}. Overriding ends any review in progress, and the reason is kept in the page's history.`}</Text>
      <Stack space="space.050">
        <Label labelFor="override-target">
          New status
          <RequiredAsterisk />
        </Label>
        <RadioGroup
          {...fieldId('override-target')}
          name="override-target"
          options={TARGETS}
          value={target}
          isInvalid={missingTarget && target === null}
          onChange={(e) => setTarget(e.target.value as Target)}
        />
        <FieldMessages messages={[...(missingTarget && target === null ? ['Choose the status to set'] : []), ...fieldMessage('targetStatus')]} />
      </Stack>
      <Stack space="space.050">
        <Label labelFor="override-reason">
          Reason
          <RequiredAsterisk />
        </Label>
        <TextArea id="override-reason" value={reason} isInvalid={fieldMessage('reason').length > 0} onChange={(e) => setReason(String(e.target.value ?? ''))} />
        <FieldMessages messages={fieldMessage('reason')} helper="Shown in the page's history and the audit trail." />
      </Stack>
      {failure === null || failure.code === 'VALIDATION' ? null : <ApiErrorMessage error={failure} title="The status was not changed" />}
    </ActionModal>
  );
}
