import type React from 'react';
import { useState } from 'react';
import { Label, RadioGroup, RequiredAsterisk, Stack, Text, TextArea } from '@forge/react';
import { settingsContract, type TreeRowView } from '../../shared/contract';
import { OVERRIDE_TARGETS, type OverrideTarget } from '../../shared/override-targets';
import { STATUS_LABELS } from '../../shared/status';
import { type ApiFailure, fieldsOf } from '../shared/api';
import { ActionModal } from './action-modal';
import { ApiErrorMessage } from '../shared/api-error-message';
import { FieldMessages } from './field-messages';
import { fieldId } from './pickers';
import { callSettings } from './settings-api';

const NO_TARGET = 'Choose the status to set';

interface Props {
  row: TreeRowView;
  onClose(): void;
  onOverridden(row: TreeRowView): void;
}

const TARGETS: { name: string; value: OverrideTarget; label: string }[] = OVERRIDE_TARGETS.map((value) => ({
  name: 'target',
  value,
  label: STATUS_LABELS[value],
}));

/** A space admin forces a page's status; the reason is required because every override is audited. */
export function OverrideStatusModal({ row, onClose, onOverridden }: Props): React.JSX.Element {
  const [target, setTarget] = useState<OverrideTarget | null>(null);
  const [reason, setReason] = useState('');
  const [busy, setBusy] = useState(false);
  const [failure, setFailure] = useState<ApiFailure | null>(null);

  /** Every problem at once: the contract's checks of the reason, and the status nobody chose yet. */
  const problems = (chosen: OverrideTarget | null, text: string): Record<string, string> => {
    const checked = settingsContract.overridePageStatus.safeParse({ pageId: row.id, targetStatus: chosen ?? undefined, reason: text });
    const fields = checked.success ? {} : fieldsOf(checked.error.issues);
    return chosen === null ? { ...fields, targetStatus: NO_TARGET } : fields;
  };

  /** After an edit, a field keeps its message only while it is still wrong. */
  const recheck = (chosen: OverrideTarget | null, text: string) => {
    if (failure?.code !== 'VALIDATION') return;
    const now = problems(chosen, text);
    const left = Object.fromEntries(Object.keys(failure.fields).flatMap((field) => (field in now ? [[field, now[field]]] : [])));
    setFailure(Object.keys(left).length === 0 ? null : { ...failure, fields: left });
  };

  const save = async () => {
    const found = problems(target, reason);
    if (target === null || Object.keys(found).length > 0) {
      setFailure({ code: 'VALIDATION', message: Object.values(found)[0] ?? NO_TARGET, fields: found });
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
          isInvalid={fieldMessage('targetStatus').length > 0}
          onChange={(e) => {
            const chosen = e.target.value as OverrideTarget;
            setTarget(chosen);
            recheck(chosen, reason);
          }}
        />
        <FieldMessages messages={fieldMessage('targetStatus')} />
      </Stack>
      <Stack space="space.050">
        <Label labelFor="override-reason">
          Reason
          <RequiredAsterisk />
        </Label>
        <TextArea
          id="override-reason"
          value={reason}
          isInvalid={fieldMessage('reason').length > 0}
          onChange={(e) => {
            const text = String(e.target.value ?? '');
            setReason(text);
            recheck(target, text);
          }}
        />
        <FieldMessages messages={fieldMessage('reason')} helper="Shown in the page's history and the audit trail." />
      </Stack>
      {failure === null || failure.code === 'VALIDATION' ? null : <ApiErrorMessage error={failure} title="The status was not changed" />}
    </ActionModal>
  );
}
