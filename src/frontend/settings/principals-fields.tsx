import type React from 'react';
import { Label, Select, Stack, UserPicker } from '@forge/react';
import { RECIPIENT_VARIABLES, type RecipientVariable } from '../../shared/workflow';
import { type PrincipalsDraft } from './action-draft';
import { FieldMessages } from './field-messages';
import { accountIdsOf, type Option, optionsOf } from './pickers';
import { type GroupSearch } from './use-group-search';

interface Props {
  /** Prefix of the fields' ids, unique on the screen. */
  idPrefix: string;
  /** What the people are for, e.g. "Mention", so screen readers hear each field's purpose. */
  purpose: string;
  principals: PrincipalsDraft;
  messages: readonly string[];
  helper: string;
  groups: GroupSearch;
  onChange(principals: PrincipalsDraft): void;
}

/** Option labels are the bare names: a chip longer than its box would be cut with an ellipsis. */
const VARIABLE_OPTIONS: Option<RecipientVariable>[] = RECIPIENT_VARIABLES.map((variable) => ({ label: variable, value: variable }));

const VARIABLES_HELP =
  "@author is who submitted the page, @reviewers who decided in the approval that just ended, @lastEditor who last edited the page, @owners the workflow's owners.";

/**
 * The people an action names: chosen people, groups (searched as the admin types, like approver
 * groups) and variables, which are resolved to people each time the action runs.
 */
export function PrincipalsFields({ idPrefix, purpose, principals, messages, helper, groups, onChange }: Props): React.JSX.Element {
  const set = (patch: Partial<PrincipalsDraft>) => onChange({ ...principals, ...patch });
  const selectedGroups: Option[] = principals.groups.map((g) => ({ label: g.name, value: g.groupId }));
  // Chosen groups stay selectable even when the current search does not list them.
  const groupOptions = [...selectedGroups, ...groups.options.filter((o) => !selectedGroups.some((s) => s.value === o.value))];
  return (
    <Stack space="space.050">
      <UserPicker
        isMulti
        label={`${purpose}: people`}
        name={`${idPrefix}-users`}
        placeholder="Search for people"
        defaultValue={principals.users}
        onChange={(value) => set({ users: accountIdsOf(value) })}
      />
      <Label labelFor={`${idPrefix}-groups`}>{`${purpose}: groups`}</Label>
      <Select
        inputId={`${idPrefix}-groups`}
        isMulti
        placeholder="Search for groups"
        options={groupOptions}
        value={selectedGroups}
        isLoading={groups.loading}
        onInputChange={(query: string) => groups.search(query)}
        onChange={(value: Option | Option[] | null) => set({ groups: optionsOf(value).map((o) => ({ type: 'group' as const, groupId: o.value, name: o.label })) })}
      />
      <Label labelFor={`${idPrefix}-variables`}>{`${purpose}: variables`}</Label>
      <Select
        inputId={`${idPrefix}-variables`}
        isMulti
        placeholder="Choose variables"
        options={VARIABLE_OPTIONS}
        value={VARIABLE_OPTIONS.filter((option) => principals.variables.includes(option.value))}
        onChange={(value: Option<RecipientVariable> | Option<RecipientVariable>[] | null) => set({ variables: optionsOf(value).map((o) => o.value) })}
      />
      <FieldMessages messages={[...messages, ...(groups.failure === null ? [] : [groups.failure.message])]} helper={`${helper} ${VARIABLES_HELP}`} />
    </Stack>
  );
}
