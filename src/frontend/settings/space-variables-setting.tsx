import type React from 'react';
import { useCallback, useState } from 'react';
import { Button, ButtonGroup, DynamicTable, Heading, HelperMessage, Inline, Label, Stack, Text, Textfield } from '@forge/react';
import { type SpaceVariablesView } from '../../shared/contract';
import { type SpaceVariable } from '../../shared/space-variables';
import { listWords } from '../../shared/wording';
import { type ApiFailure } from '../shared/api';
import { ApiErrorMessage } from '../shared/api-error-message';
import { useApiResource } from '../shared/use-api-resource';
import { messagesAt } from './draft';
import { FieldMessages } from './field-messages';
import { callSettings } from './settings-api';

interface FormValues {
  name: string;
  spaceKey: string;
  parentPageId: string;
}

/** `previousName`: the variable the form edits; absent when it adds one. */
interface OpenForm {
  previousName?: string;
  values: FormValues;
}

const EMPTY: FormValues = { name: '', spaceKey: '', parentPageId: '' };

const HEAD = {
  cells: [
    // A name is one word of up to 40 characters: its column fits it whole at the settings' narrowest width.
    { key: 'name', content: 'Name', width: 46 },
    { key: 'target', content: 'Publishes to', width: 18 },
    { key: 'used', content: 'Used by', width: 16 },
    { key: 'actions', content: 'Actions', width: 20 },
  ],
};

/** What removing a variable does to the workflows publishing to it, named. */
function removalWarning(name: string, usedBy: readonly string[]): string {
  if (usedBy.length === 0) return `Remove ${name}? No workflow publishes to it.`;
  return `Remove ${name}? ${listWords(usedBy.map((workflow) => `'${workflow}'`), 'and')} ${usedBy.length === 1 ? 'publishes' : 'publish'} to it: those publish actions report an error until it is added again.`;
}

function formOf(variable: SpaceVariable): OpenForm {
  return { previousName: variable.name, values: { name: variable.name, spaceKey: variable.spaceKey, parentPageId: variable.parentPageId ?? '' } };
}

/** An empty parent means the target space's top level: the contract has no empty page id. */
function variableOf(values: FormValues): SpaceVariable {
  const parentPageId = values.parentPageId.trim();
  return { name: values.name.trim(), spaceKey: values.spaceKey.trim(), ...(parentPageId === '' ? {} : { parentPageId }) };
}

interface FormProps {
  form: OpenForm;
  failure: ApiFailure | null;
  saving: boolean;
  onChange(values: FormValues): void;
  onSave(): void;
  onCancel(): void;
}

function VariableForm({ form, failure, saving, onChange, onSave, onCancel }: FormProps): React.JSX.Element {
  const fields = failure?.fields ?? {};
  const field = (key: keyof FormValues, label: string, helper: string) => {
    const id = `space-variable-${key}`;
    const messages = messagesAt(fields, `variable.${key}`);
    return (
      <Stack space="space.050">
        <Label labelFor={id}>{label}</Label>
        <Textfield id={id} value={form.values[key]} isInvalid={messages.length > 0} onChange={(e) => onChange({ ...form.values, [key]: String(e.target.value ?? '') })} />
        <FieldMessages messages={messages} helper={helper} />
      </Stack>
    );
  };
  // Field problems are shown at their fields; anything else (a refusal, a lost race) above the buttons.
  const general = failure !== null && Object.keys(failure.fields).length === 0 ? failure : null;
  return (
    <Stack space="space.150">
      <Heading as="h4">{form.previousName === undefined ? 'Add a space variable' : `Change ${form.previousName}`}</Heading>
      {field('name', 'Name', 'How workflows name it, e.g. publishTarget: letters, digits and underscores.')}
      {field('spaceKey', 'Target space key', 'The space copies are published to, e.g. PUB. You must be able to add pages there.')}
      {field('parentPageId', 'Parent page id (optional)', 'The page copies go under; empty puts them at the top of the space.')}
      {general === null ? null : <ApiErrorMessage error={general} title="The variable was not saved" />}
      <ButtonGroup label="Save or cancel the variable">
        <Button appearance="primary" isDisabled={saving} onClick={onSave}>
          Save variable
        </Button>
        <Button appearance="subtle" onClick={onCancel}>
          Cancel
        </Button>
      </ButtonGroup>
    </Stack>
  );
}

/**
 * Space admins name publish targets once here (docs/workflow-setup.md, "Space variables"), so a
 * workflow publishes to "publishTarget" and the target moves without editing each workflow.
 * Shown to space admins only: only they may change the variables.
 */
export function SpaceVariablesSetting(): React.JSX.Element {
  const load = useCallback(() => callSettings('listSpaceVariables', {}), []);
  const resource = useApiResource<SpaceVariablesView>(load);
  const [form, setForm] = useState<OpenForm | null>(null);
  const [removing, setRemoving] = useState<string | null>(null);
  const [saving, setSaving] = useState(false);
  const [failure, setFailure] = useState<ApiFailure | null>(null);
  const { data, error, reload, replace } = resource;

  const open = (next: OpenForm) => {
    setFailure(null);
    setRemoving(null);
    setForm(next);
  };

  const save = async () => {
    if (form === null) return;
    setSaving(true);
    setFailure(null);
    const result = await callSettings('saveSpaceVariable', {
      ...(form.previousName === undefined ? {} : { previousName: form.previousName }),
      variable: variableOf(form.values),
    });
    setSaving(false);
    if (!result.ok) {
      setFailure(result.error);
      return;
    }
    replace(result.data);
    setForm(null);
  };

  const remove = async (name: string) => {
    setSaving(true);
    setFailure(null);
    const result = await callSettings('removeSpaceVariable', { name });
    setSaving(false);
    setRemoving(null);
    if (result.ok) replace(result.data);
    else setFailure(result.error);
  };

  const usedBy = (name: string): string[] => data?.usedBy[name] ?? [];
  const rows = (data?.variables ?? []).map((variable) => ({
    key: variable.name,
    cells: [
      { key: 'name', content: <Text weight="medium">{variable.name}</Text> },
      { key: 'target', content: <Text>{variable.parentPageId === undefined ? `${variable.spaceKey}, top level` : `${variable.spaceKey}, under page ${variable.parentPageId}`}</Text> },
      { key: 'used', content: <Text>{usedBy(variable.name).length === 0 ? '—' : usedBy(variable.name).join(', ')}</Text> },
      {
        key: 'actions',
        content:
          removing === variable.name ? (
            <ButtonGroup label={`Confirm removing ${variable.name}`}>
              <Button spacing="compact" appearance="danger" isDisabled={saving} onClick={() => void remove(variable.name)}>
                Remove it
              </Button>
              <Button spacing="compact" appearance="subtle" onClick={() => setRemoving(null)}>
                Keep
              </Button>
            </ButtonGroup>
          ) : (
            <ButtonGroup label={`Actions for ${variable.name}`}>
              <Button spacing="compact" onClick={() => open(formOf(variable))}>
                Edit
              </Button>
              <Button spacing="compact" appearance="subtle" onClick={() => setRemoving(variable.name)}>
                Remove
              </Button>
            </ButtonGroup>
          ),
      },
    ],
  }));

  return (
    <Stack space="space.150">
      <Inline spread="space-between" alignBlock="center">
        <Heading as="h3">Space variables</Heading>
        {form === null ? <Button onClick={() => open({ values: EMPTY })}>Add variable</Button> : null}
      </Inline>
      <HelperMessage>
        Named publish targets for the workflows of this space. A workflow that publishes to a variable uses its target at the moment it publishes; a removed
        variable makes those publish actions report an error until it is added again.
      </HelperMessage>
      {error === undefined ? null : <ApiErrorMessage error={error} title="The space variables could not be loaded" actions={[{ label: 'Try again', onClick: reload }]} />}
      {removing !== null ? <Text>{removalWarning(removing, usedBy(removing))}</Text> : null}
      {form === null && failure !== null ? <ApiErrorMessage error={failure} title="The variable was not changed" /> : null}
      {rows.length === 0 ? <Text>No space variables yet.</Text> : <DynamicTable label="Space variables" head={HEAD} rows={rows} isFixedSize />}
      {form === null ? null : (
        <VariableForm
          form={form}
          failure={failure}
          saving={saving}
          onChange={(values) => setForm({ ...form, values })}
          onSave={() => void save()}
          onCancel={() => {
            setFailure(null);
            setForm(null);
          }}
        />
      )}
    </Stack>
  );
}
