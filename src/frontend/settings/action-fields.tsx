import type React from 'react';
import { Box, Button, ButtonGroup, Heading, Inline, Label, RadioGroup, RequiredAsterisk, Stack, Text, TextArea, Textfield, xcss } from '@forge/react';
import { type ActionDraft, actionTypeLabel, type PrincipalsDraft, type RestrictionOperation } from './action-draft';
import { type FieldMessages as Fields, messagesAt } from './draft';
import { FieldMessages } from './field-messages';
import { fieldId } from './pickers';
import { PrincipalsFields } from './principals-fields';
import { PublishFields } from './publish-fields';
import { TitleFields } from './title-fields';
import { type GroupSearch } from './use-group-search';

interface Props {
  action: ActionDraft;
  index: number;
  count: number;
  /** The state's name as the section says it, e.g. "Approved", for the buttons' group label. */
  stateName: string;
  /** The action's message path, e.g. `workflow.actions.approved.0`. */
  at: string;
  fields: Fields;
  groups: GroupSearch;
  spaceVariables: readonly string[] | null;
  onChange(action: ActionDraft): void;
  onMove(offset: -1 | 1): void;
  onRemove(): void;
}

const OPERATION_OPTIONS: { name: string; value: RestrictionOperation; label: string }[] = [
  { name: 'operation', value: 'read', label: 'Viewing: only these people can view the page' },
  { name: 'operation', value: 'update', label: 'Editing: only these people can edit the page' },
  { name: 'operation', value: 'both', label: 'Viewing and editing: only these people can view or edit the page' },
];

/** The fields each type has a message path for; a message under the action on no such field shows above them. */
const FIELD_PATHS: Record<ActionDraft['type'], readonly string[]> = {
  removeRestrictions: [],
  setOfficialVersion: [],
  addRestrictions: ['operation', 'principals'],
  notify: ['recipients', 'message'],
  labels: ['add', 'remove'],
  title: ['mode', 'pattern', 'value'],
  publish: ['target.spaceKey', 'target.parentPageId', 'target.name'],
};

/** What a type without fields does, so the card is not an empty box. */
const NO_FIELDS_TEXT: Partial<Record<ActionDraft['type'], string>> = {
  removeRestrictions: 'Removes every view and edit restriction from the page. Runs before all other actions.',
  setOfficialVersion: 'Records the approved version number on the page, where people and the REST API can read it.',
};

const card = xcss({
  borderColor: 'color.border',
  borderStyle: 'solid',
  borderWidth: 'border.width',
  borderRadius: 'radius.medium',
  padding: 'space.200',
});

function unplacedMessages(fields: Fields, at: string, type: ActionDraft['type']): string[] {
  const placed = FIELD_PATHS[type].map((field) => `${at}.${field}`);
  return Object.entries(fields).flatMap(([key, message]) => {
    const underAction = key === at || key.startsWith(`${at}.`);
    const onField = placed.some((path) => key === path || key.startsWith(`${path}.`));
    return underAction && !onField ? [message] : [];
  });
}

/** One action of a state: its type as a heading, buttons to arrange it, and its type's fields. */
export function ActionFields({ action, index, count, stateName, at, fields, groups, spaceVariables, onChange, onMove, onRemove }: Props): React.JSX.Element {
  const id = (field: string) => `${action.id}-${field}`;
  const principals = (purpose: string, field: 'principals' | 'recipients', helper: string, value: PrincipalsDraft, apply: (next: PrincipalsDraft) => void) => (
    <PrincipalsFields idPrefix={id(field)} purpose={purpose} principals={value} messages={messagesAt(fields, `${at}.${field}`, true)} helper={helper} groups={groups} onChange={apply} />
  );

  const body = (): React.JSX.Element | null => {
    switch (action.type) {
      case 'removeRestrictions':
      case 'setOfficialVersion':
        return <Text>{NO_FIELDS_TEXT[action.type]}</Text>;
      case 'addRestrictions':
        return (
          <Stack space="space.150">
            <Stack space="space.050">
              <Label labelFor={id('operation')}>Restrict</Label>
              <RadioGroup
                {...fieldId(id('operation'))}
                name={id('operation')}
                options={OPERATION_OPTIONS}
                value={action.operation}
                onChange={(e) => onChange({ ...action, operation: e.target.value as RestrictionOperation })}
              />
              <FieldMessages messages={messagesAt(fields, `${at}.operation`)} />
            </Stack>
            {principals(
              { read: 'Who can view', update: 'Who can edit', both: 'Who can view and edit' }[action.operation],
              'principals',
              'Add people, groups or variables; the app keeps its own access to the page.',
              action,
              (next) => onChange({ ...action, ...next }),
            )}
          </Stack>
        );
      case 'notify':
        return (
          <Stack space="space.150">
            {principals('Mention', 'recipients', 'Mentioned in a reply to the approval comment; Confluence e-mails them.', action, (next) => onChange({ ...action, ...next }))}
            <Stack space="space.050">
              <Label labelFor={id('message')}>
                Message
                <RequiredAsterisk />
              </Label>
              <TextArea
                id={id('message')}
                value={action.message}
                isInvalid={messagesAt(fields, `${at}.message`).length > 0}
                onChange={(e) => onChange({ ...action, message: String(e.target.value ?? '') })}
              />
              <FieldMessages messages={messagesAt(fields, `${at}.message`)} />
            </Stack>
          </Stack>
        );
      case 'labels':
        return (
          <Stack space="space.150">
            <Stack space="space.050">
              <Label labelFor={id('add')}>Labels to add</Label>
              <Textfield id={id('add')} value={action.add} isInvalid={messagesAt(fields, `${at}.add`, true).length > 0} onChange={(e) => onChange({ ...action, add: String(e.target.value ?? '') })} />
              <FieldMessages messages={messagesAt(fields, `${at}.add`, true)} helper="Separate labels with spaces or commas, e.g. approved policy." />
            </Stack>
            <Stack space="space.050">
              <Label labelFor={id('remove')}>Labels to remove</Label>
              <Textfield
                id={id('remove')}
                value={action.remove}
                isInvalid={messagesAt(fields, `${at}.remove`, true).length > 0}
                onChange={(e) => onChange({ ...action, remove: String(e.target.value ?? '') })}
              />
              <FieldMessages messages={messagesAt(fields, `${at}.remove`, true)} helper="Labels the page may have that no longer apply, e.g. draft in-review." />
            </Stack>
          </Stack>
        );
      case 'title':
        return <TitleFields action={action} at={at} fields={fields} onChange={onChange} />;
      case 'publish':
        return <PublishFields action={action} at={at} fields={fields} spaceVariables={spaceVariables} onChange={onChange} />;
    }
  };

  return (
    <Box xcss={card}>
      <Stack space="space.150">
        <Inline spread="space-between" alignBlock="center" space="space.100" shouldWrap>
          <Heading as="h4" size="xxsmall">{`${index + 1}. ${actionTypeLabel(action.type)}`}</Heading>
          <ButtonGroup label={`Arrange action ${index + 1} on entering ${stateName}`}>
            <Button spacing="compact" isDisabled={index === 0} onClick={() => onMove(-1)}>
              Move up
            </Button>
            <Button spacing="compact" isDisabled={index === count - 1} onClick={() => onMove(1)}>
              Move down
            </Button>
            <Button spacing="compact" appearance="subtle" onClick={onRemove}>
              Remove action
            </Button>
          </ButtonGroup>
        </Inline>
        <FieldMessages messages={unplacedMessages(fields, at, action.type)} />
        {body()}
      </Stack>
    </Box>
  );
}
