import type React from 'react';
import { FormSection, Label, Select, Stack, Text } from '@forge/react';
import { ACTION_STATES, type ActionState } from '../../shared/workflow';
import { ACTION_TYPES, type ActionDraft, type ActionsDraft, type ActionType, emptyAction } from './action-draft';
import { ActionFields } from './action-fields';
import { actionStateName } from './describe-workflow';
import { cardKey, type FieldMessages as Fields, messagesAt, moveEntry } from './draft';
import { FieldMessages } from './field-messages';
import { type Option } from './pickers';
import { type GroupSearch } from './use-group-search';

interface Props {
  actions: ActionsDraft;
  fields: Fields;
  groups: GroupSearch;
  spaceVariables: readonly string[] | null;
  onChange(state: ActionState, index: number, action: ActionDraft): void;
  onAdd(state: ActionState, action: ActionDraft): void;
  /** Moving or removing an action renumbers the state's list. */
  onRestructure(state: ActionState, actions: ActionDraft[]): void;
}

/**
 * The state-entry actions: one section per state with its ordered list and an "Add action"
 * choice. The list order is the admin's; the runner still removes restrictions first and
 * publishes last (docs/actions.md).
 */
export function ActionsFields({ actions, fields, groups, spaceVariables, onChange, onAdd, onRestructure }: Props): React.JSX.Element {
  return (
    <>
      <FormSection
        title="Actions on entering a state"
        description="Each time a page enters a state, its actions run in three phases: restrictions are removed first, then the other actions together, then the page is published. A failing action does not stop the others; the page history lists every result."
      >
        <FieldMessages messages={messagesAt(fields, 'workflow.actions')} />
      </FormSection>
      {ACTION_STATES.map((state) => {
        const list = actions[state];
        const name = actionStateName(state);
        const addId = `add-action-${state}`;
        return (
          <FormSection key={state} title={`On entering ${name}`}>
            <Stack space="space.150">
              {list.length === 0 ? <Text>No actions.</Text> : null}
              <FieldMessages messages={messagesAt(fields, `workflow.actions.${state}`)} />
              {list.map((action, index) => (
                <ActionFields
                  key={cardKey(action.id, index)}
                  action={action}
                  index={index}
                  count={list.length}
                  stateName={name}
                  at={`workflow.actions.${state}.${index}`}
                  fields={fields}
                  groups={groups}
                  spaceVariables={spaceVariables}
                  onChange={(next) => onChange(state, index, next)}
                  onMove={(offset) => onRestructure(state, moveEntry(list, index, offset))}
                  onRemove={() => onRestructure(state, list.filter((_, i) => i !== index))}
                />
              ))}
              <Stack space="space.050">
                <Label labelFor={addId}>Add action</Label>
                {/* Keyed by the list's length so it is drawn afresh, empty, after each pick: a Select holds its own choice. */}
                <Select
                  key={`${addId}-${list.length}`}
                  inputId={addId}
                  placeholder="Choose an action"
                  options={ACTION_TYPES}
                  value={null}
                  onChange={(option: Option<ActionType> | null) => {
                    if (option !== null) onAdd(state, emptyAction(option.value));
                  }}
                />
              </Stack>
            </Stack>
          </FormSection>
        );
      })}
    </>
  );
}
