import type React from 'react';
import { useState } from 'react';
import { Label, RadioGroup, Stack, Text, Textfield } from '@forge/react';
import { applyTitleAction } from '../../shared/title-action';
import { type ActionDraft, patternProblem, type TitleMode } from './action-draft';
import { type FieldMessages as Fields, messagesAt } from './draft';
import { FieldMessages } from './field-messages';
import { fieldId } from './pickers';

type TitleDraft = Extract<ActionDraft, { type: 'title' }>;

interface Props {
  action: TitleDraft;
  /** The action's message path, e.g. `workflow.actions.approved.0`. */
  at: string;
  fields: Fields;
  onChange(action: TitleDraft): void;
}

const MODE_OPTIONS: { name: string; value: TitleMode; label: string }[] = [
  { name: 'title-mode', value: 'prefix', label: 'Add text before the title' },
  { name: 'title-mode', value: 'suffix', label: 'Add text after the title' },
  { name: 'title-mode', value: 'regex', label: 'Replace text matching a regular expression' },
];

const SAMPLE_TITLE = 'Release Process';

/** The line under the sample: what the action would make of it, or why it cannot tell yet. */
function preview(action: TitleDraft, sample: string): string {
  if (action.mode === 'regex') {
    if (action.pattern === '') return 'Enter a pattern to see the new title.';
    if (patternProblem(action.pattern) !== null) return 'The new title shows once the pattern is a valid regular expression.';
  }
  const title = applyTitleAction(sample, { type: 'title', mode: action.mode, value: action.value, pattern: action.mode === 'regex' ? action.pattern : undefined });
  return `New title: ${title}`;
}

/**
 * Modify title: a prefix, a suffix or a regex replacement, tried live on a sample title with the
 * same function the action runs (a prefix already there is not added twice).
 */
export function TitleFields({ action, at, fields, onChange }: Props): React.JSX.Element {
  const [sample, setSample] = useState(SAMPLE_TITLE);
  const id = (field: string) => `${action.id}-${field}`;
  const set = (patch: Partial<TitleDraft>) => onChange({ ...action, ...patch });
  const valueLabel = action.mode === 'prefix' ? 'Text before the title' : action.mode === 'suffix' ? 'Text after the title' : 'Replacement';
  return (
    <Stack space="space.150">
      <Stack space="space.050">
        <Label labelFor={id('mode')}>Change to the title</Label>
        <RadioGroup {...fieldId(id('mode'))} name={id('mode')} options={MODE_OPTIONS} value={action.mode} onChange={(e) => set({ mode: e.target.value as TitleMode })} />
        <FieldMessages messages={messagesAt(fields, `${at}.mode`)} />
      </Stack>
      {action.mode === 'regex' ? (
        <Stack space="space.050">
          <Label labelFor={id('pattern')}>Pattern</Label>
          <Textfield
            id={id('pattern')}
            value={action.pattern}
            isInvalid={messagesAt(fields, `${at}.pattern`).length > 0}
            onChange={(e) => set({ pattern: String(e.target.value ?? '') })}
          />
          <FieldMessages messages={messagesAt(fields, `${at}.pattern`)} helper="A JavaScript regular expression; every match is replaced, e.g. ^DRAFT:\s*" />
        </Stack>
      ) : null}
      <Stack space="space.050">
        <Label labelFor={id('value')}>{valueLabel}</Label>
        <Textfield id={id('value')} value={action.value} isInvalid={messagesAt(fields, `${at}.value`).length > 0} onChange={(e) => set({ value: String(e.target.value ?? '') })} />
        <FieldMessages
          messages={messagesAt(fields, `${at}.value`)}
          helper={action.mode === 'regex' ? 'Leave empty to delete the matches.' : 'Added once: a title that already has it keeps it as it is.'}
        />
      </Stack>
      <Stack space="space.050">
        <Label labelFor={id('sample')}>Try it on a title</Label>
        <Textfield id={id('sample')} value={sample} onChange={(e) => setSample(String(e.target.value ?? ''))} />
        <Text>{preview(action, sample)}</Text>
      </Stack>
    </Stack>
  );
}
