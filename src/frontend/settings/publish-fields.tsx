import type React from 'react';
import { Checkbox, Label, RadioGroup, RequiredAsterisk, Select, Stack, Textfield } from '@forge/react';
import { type ActionDraft, type PublishTargetKind } from './action-draft';
import { type FieldMessages as Fields, messagesAt } from './draft';
import { FieldMessages } from './field-messages';
import { fieldId, type Option, optionsOf } from './pickers';

type PublishDraft = Extract<ActionDraft, { type: 'publish' }>;

interface Props {
  action: PublishDraft;
  /** The action's message path, e.g. `workflow.actions.approved.0`. */
  at: string;
  fields: Fields;
  /** The names of the space's variables, or null while the space cannot list them. */
  spaceVariables: readonly string[] | null;
  onChange(action: PublishDraft): void;
}

const TARGET_OPTIONS: { name: string; value: PublishTargetKind; label: string }[] = [
  { name: 'publish-target', value: 'space', label: 'A space' },
  { name: 'publish-target', value: 'variable', label: 'A space variable (set in space settings)' },
];

type Flag = 'includeDescendants' | 'includeAttachments' | 'includeLabels' | 'updateExisting';

const FLAGS: readonly { flag: Flag; label: string }[] = [
  { flag: 'includeDescendants', label: 'Include child pages' },
  { flag: 'includeAttachments', label: 'Include attachments' },
  { flag: 'includeLabels', label: 'Include labels' },
  { flag: 'updateExisting', label: 'On re-approval, update the earlier copy instead of making another' },
];

/**
 * Publish page: where the copy goes (a space and optionally a parent page there, or a space
 * variable read when the action runs) and what it takes along.
 */
export function PublishFields({ action, at, fields, spaceVariables, onChange }: Props): React.JSX.Element {
  const id = (field: string) => `${action.id}-${field}`;
  const set = (patch: Partial<PublishDraft>) => onChange({ ...action, ...patch });
  // A saved variable target stays editable even while the space's variables cannot be listed.
  const names = [...new Set([...(spaceVariables ?? []), ...(action.variableName === '' ? [] : [action.variableName])])];
  const targetOptions = spaceVariables === null && action.targetKind !== 'variable' ? TARGET_OPTIONS.slice(0, 1) : TARGET_OPTIONS;
  const variableOptions: Option[] = names.map((name) => ({ label: name, value: name }));
  return (
    <Stack space="space.150">
      {targetOptions.length > 1 ? (
        <Stack space="space.050">
          <Label labelFor={id('target')}>Publish to</Label>
          <RadioGroup
            {...fieldId(id('target'))}
            name={id('target')}
            options={targetOptions}
            value={action.targetKind}
            onChange={(e) => set({ targetKind: e.target.value as PublishTargetKind })}
          />
        </Stack>
      ) : null}
      {action.targetKind === 'space' ? (
        <>
          <Stack space="space.050">
            <Label labelFor={id('space')}>
              Target space key
              <RequiredAsterisk />
            </Label>
            <Textfield
              id={id('space')}
              width={200}
              value={action.spaceKey}
              isInvalid={messagesAt(fields, `${at}.target.spaceKey`).length > 0}
              onChange={(e) => set({ spaceKey: String(e.target.value ?? '') })}
            />
            <FieldMessages
              messages={messagesAt(fields, `${at}.target.spaceKey`)}
              helper="The key of the space the copy goes to, e.g. PUB. You need permission to add pages there."
            />
          </Stack>
          <Stack space="space.050">
            <Label labelFor={id('parent')}>Parent page id</Label>
            <Textfield
              id={id('parent')}
              width={200}
              value={action.parentPageId}
              isInvalid={messagesAt(fields, `${at}.target.parentPageId`).length > 0}
              onChange={(e) => set({ parentPageId: String(e.target.value ?? '') })}
            />
            <FieldMessages messages={messagesAt(fields, `${at}.target.parentPageId`)} helper="Optional. Leave empty to publish at the top of the space." />
          </Stack>
        </>
      ) : (
        <Stack space="space.050">
          <Label labelFor={id('variable')}>
            Space variable
            <RequiredAsterisk />
          </Label>
          <Select
            inputId={id('variable')}
            placeholder="Choose a variable"
            options={variableOptions}
            value={variableOptions.find((option) => option.value === action.variableName) ?? null}
            onChange={(value: Option | null) => set({ variableName: optionsOf(value)[0]?.value ?? '' })}
          />
          <FieldMessages
            messages={messagesAt(fields, `${at}.target.name`)}
            helper={variableOptions.length === 0 ? 'This space has no variables yet: a space admin adds them in space settings.' : 'Read each time the action runs, so the target can move without editing this workflow.'}
          />
        </Stack>
      )}
      <Stack space="space.050">
        {FLAGS.map(({ flag, label }) => (
          <Checkbox key={flag} label={label} value={flag} name={id(flag)} isChecked={action[flag]} onChange={(e) => set({ [flag]: e.target.checked === true })} />
        ))}
      </Stack>
    </Stack>
  );
}
