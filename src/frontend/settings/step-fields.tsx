import type React from 'react';
import {
  Box,
  Button,
  ButtonGroup,
  FormSection,
  Inline,
  Label,
  RadioGroup,
  RequiredAsterisk,
  Select,
  Stack,
  Textfield,
  UserPicker,
  xcss,
} from '@forge/react';
import { type FieldMessages as Fields, messagesAt, type RuleKind, type StepDraft } from './draft';
import { FieldMessages } from './field-messages';
import { accountIdsOf, fieldId, type Option, optionsOf } from './pickers';
import { type GroupSearch } from './use-group-search';

interface Props {
  step: StepDraft;
  index: number;
  count: number;
  fields: Fields;
  groups: GroupSearch;
  onChange(step: StepDraft): void;
  onMove(offset: -1 | 1): void;
  onRemove(): void;
}

const RULE_OPTIONS: { name: string; value: RuleKind; label: string }[] = [
  { name: 'rule', value: 'any', label: 'Any one approver' },
  { name: 'rule', value: 'all', label: 'All approvers' },
  { name: 'rule', value: 'atLeast', label: 'At least a number of approvals' },
];

const card = xcss({
  borderColor: 'color.border',
  borderStyle: 'solid',
  borderWidth: 'border.width',
  borderRadius: 'radius.medium',
  padding: 'space.200',
});

/** One step of the editor: its name, approvers (people and groups), rule, rejection threshold and due days. */
export function StepFields({ step, index, count, fields, groups, onChange, onMove, onRemove }: Props): React.JSX.Element {
  const at = `workflow.steps.${index}`;
  const id = (field: string) => `step-${step.id}-${field}`;
  const set = (patch: Partial<StepDraft>) => onChange({ ...step, ...patch });
  const selectedGroups: Option[] = step.groupApprovers.map((g) => ({ label: g.name, value: g.groupId }));
  // Chosen groups stay selectable even when the current search does not list them.
  const groupOptions = [...selectedGroups, ...groups.options.filter((o) => !selectedGroups.some((s) => s.value === o.value))];

  return (
    <FormSection title={`Step ${index + 1}`}>
      <Box xcss={card}>
        <Stack space="space.150">
          <Inline spread="space-between" alignBlock="center">
            <Stack grow="fill" space="space.050">
              <Label labelFor={id('name')}>
                Step name
                <RequiredAsterisk />
              </Label>
              <Textfield
                id={id('name')}
                value={step.name}
                isInvalid={messagesAt(fields, `${at}.name`).length > 0}
                onChange={(e) => set({ name: String(e.target.value ?? '') })}
              />
              <FieldMessages messages={[...messagesAt(fields, `${at}.name`), ...messagesAt(fields, `${at}.id`)]} />
            </Stack>
            <ButtonGroup label={`Arrange step ${index + 1}`}>
              <Button spacing="compact" isDisabled={index === 0} onClick={() => onMove(-1)}>
                Move up
              </Button>
              <Button spacing="compact" isDisabled={index === count - 1} onClick={() => onMove(1)}>
                Move down
              </Button>
              <Button spacing="compact" appearance="subtle" isDisabled={count === 1} onClick={onRemove}>
                Remove step
              </Button>
            </ButtonGroup>
          </Inline>

          <Stack space="space.050">
            <UserPicker
              isMulti
              label="Approvers (people)"
              name={id('users')}
              placeholder="Search for people"
              defaultValue={step.userApprovers}
              onChange={(value) => set({ userApprovers: accountIdsOf(value) })}
            />
            <Label labelFor={id('groups')}>Approver groups</Label>
            <Select
              inputId={id('groups')}
              isMulti
              placeholder="Search for groups"
              options={groupOptions}
              value={selectedGroups}
              isLoading={groups.loading}
              onInputChange={(query: string) => groups.search(query)}
              onChange={(value: Option | Option[] | null) =>
                set({ groupApprovers: optionsOf(value).map((o) => ({ type: 'group' as const, groupId: o.value, name: o.label })) })
              }
            />
            <FieldMessages
              messages={[...messagesAt(fields, `${at}.approvers`, true), ...(groups.failure === null ? [] : [groups.failure.message])]}
              helper="Add people, groups or both. Every member of a group can decide."
            />
          </Stack>

          <Stack space="space.050">
            <Label labelFor={id('rule')}>Approval rule</Label>
            <RadioGroup
              {...fieldId(id('rule'))}
              name={id('rule')}
              options={RULE_OPTIONS}
              value={step.ruleKind}
              onChange={(e) => set({ ruleKind: e.target.value as RuleKind })}
            />
            <FieldMessages messages={messagesAt(fields, `${at}.rule`)} />
          </Stack>
          {step.ruleKind === 'atLeast' ? (
            <Stack space="space.050">
              <Label labelFor={id('count')}>
                Number of approvals
                <RequiredAsterisk />
              </Label>
              <Textfield
                id={id('count')}
                type="number"
                width={120}
                value={step.ruleCount}
                isInvalid={messagesAt(fields, `${at}.rule.count`).length > 0}
                onChange={(e) => set({ ruleCount: String(e.target.value ?? '') })}
              />
              <FieldMessages messages={messagesAt(fields, `${at}.rule.count`)} helper="A group counts with all its members." />
            </Stack>
          ) : null}

          <Inline space="space.300" shouldWrap>
            <Stack space="space.050">
              <Label labelFor={id('rejections')}>
                Rejections to fail
                <RequiredAsterisk />
              </Label>
              <Textfield
                id={id('rejections')}
                type="number"
                width={120}
                value={step.rejectionsToFail}
                isInvalid={messagesAt(fields, `${at}.rejectionsToFail`).length > 0}
                onChange={(e) => set({ rejectionsToFail: String(e.target.value ?? '') })}
              />
              <FieldMessages messages={messagesAt(fields, `${at}.rejectionsToFail`)} helper="This many rejections send the page back as Changes Requested." />
            </Stack>
            <Stack space="space.050">
              <Label labelFor={id('due')}>Due within (days)</Label>
              <Textfield
                id={id('due')}
                type="number"
                width={120}
                value={step.dueDays}
                isInvalid={messagesAt(fields, `${at}.dueDays`).length > 0}
                onChange={(e) => set({ dueDays: String(e.target.value ?? '') })}
              />
              <FieldMessages messages={messagesAt(fields, `${at}.dueDays`)} helper="Optional. Late steps are flagged as overdue in the queue." />
            </Stack>
          </Inline>
        </Stack>
      </Box>
    </FormSection>
  );
}
