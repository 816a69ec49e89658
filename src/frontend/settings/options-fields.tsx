import type React from 'react';
import { FormSection, Label, RadioGroup, Stack, Textfield, Toggle } from '@forge/react';
import { type EditsThatOutdate } from '../../shared/workflow';
import { type FieldMessages as Fields, messagesAt, type OnEditDuringReview, type WorkflowDraft } from './draft';
import { FieldMessages } from './field-messages';
import { fieldId } from './pickers';
import { type SelfApprovalControl } from './self-approval-control';

interface Props {
  draft: WorkflowDraft;
  fields: Fields;
  selfApproval: SelfApprovalControl;
  onChange(patch: Partial<WorkflowDraft>): void;
}

const ON_EDIT_OPTIONS: { name: string; value: OnEditDuringReview; label: string }[] = [
  { name: 'on-edit', value: 'keep', label: 'Keep reviewing the submitted version' },
  { name: 'on-edit', value: 'restart', label: 'Restart the review with the new version' },
];

const OUTDATING_EDIT_OPTIONS: { name: string; value: EditsThatOutdate; label: string }[] = [
  { name: 'edits-that-outdate', value: 'every', label: 'Every edit' },
  { name: 'edits-that-outdate', value: 'exceptMinor', label: 'Every edit except minor edits (saved without notifying watchers)' },
  { name: 'edits-that-outdate', value: 'bodyChanges', label: 'Only edits that change the body (title changes keep the approval)' },
];

/** The workflow's options: self-approval, automatic resubmission, validity, edits that outdate an approval and edits during review. */
export function OptionsFields({ draft, fields, selfApproval, onChange }: Props): React.JSX.Element {
  const at = 'workflow.options';
  return (
    <FormSection title="Options">
      <Stack space="space.200">
        <Stack space="space.050">
          <Label labelFor="option-self-approval">Allow self-approval</Label>
          <Toggle
            id="option-self-approval"
            isChecked={draft.selfApproval}
            isDisabled={selfApproval.isDisabled}
            onChange={(e) => onChange({ selfApproval: e.target.checked === true })}
          />
          <FieldMessages messages={messagesAt(fields, `${at}.selfApproval`)} helper={selfApproval.helper} />
        </Stack>
        <Stack space="space.050">
          <Label labelFor="option-auto-submit">Submit automatically when an approved page is edited</Label>
          <Toggle id="option-auto-submit" isChecked={draft.autoSubmitOnEdit} onChange={(e) => onChange({ autoSubmitOnEdit: e.target.checked === true })} />
          <FieldMessages
            messages={messagesAt(fields, `${at}.autoSubmitOnEdit`)}
            helper="When off, an edited approved page shows Outdated until someone submits the new version."
          />
        </Stack>
        <Stack space="space.050">
          <Label labelFor="option-validity">Approval validity (days)</Label>
          <Textfield
            id="option-validity"
            type="number"
            width={120}
            value={draft.validityDays}
            isInvalid={messagesAt(fields, `${at}.validityDays`).length > 0}
            onChange={(e) => onChange({ validityDays: String(e.target.value ?? '') })}
          />
          <FieldMessages
            messages={messagesAt(fields, `${at}.validityDays`)}
            helper="Optional. After this many days an approved page becomes Expired and needs a new approval. Leave empty for approvals that never expire."
          />
        </Stack>
        <Stack space="space.050">
          <Label labelFor="option-edits-that-outdate">Edits that outdate an approval</Label>
          <RadioGroup
            {...fieldId('option-edits-that-outdate')}
            name="option-edits-that-outdate"
            options={OUTDATING_EDIT_OPTIONS}
            value={draft.editsThatOutdate}
            onChange={(e) => onChange({ editsThatOutdate: e.target.value as EditsThatOutdate })}
          />
          <FieldMessages
            messages={messagesAt(fields, `${at}.editsThatOutdate`)}
            helper="An edit that keeps the approval is recorded in the page's history."
          />
        </Stack>
        <Stack space="space.050">
          <Label labelFor="option-on-edit">When a page is edited during review</Label>
          <RadioGroup
            {...fieldId('option-on-edit')}
            name="option-on-edit"
            options={ON_EDIT_OPTIONS}
            value={draft.onEditDuringReview}
            onChange={(e) => onChange({ onEditDuringReview: e.target.value as OnEditDuringReview })}
          />
          <FieldMessages messages={messagesAt(fields, `${at}.onEditDuringReview`)} />
        </Stack>
      </Stack>
    </FormSection>
  );
}
