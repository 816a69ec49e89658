import type React from 'react';
import { Stack, Text } from '@forge/react';
import { ACTION_STATES, type WorkflowActions } from '../../shared/workflow';
import { actionStateName, describeAction, type NameOf } from './describe-workflow';

interface Props {
  actions: WorkflowActions;
  nameOf: NameOf;
}

/** What runs when a page enters each state, one line per action. */
export function ActionsSummary({ actions, nameOf }: Props): React.JSX.Element {
  const configured = ACTION_STATES.filter((state) => actions[state].length > 0);
  if (configured.length === 0) return <Text>No actions run when pages change state.</Text>;
  return (
    <Stack space="space.100">
      {configured.map((state) => (
        <Stack key={state} space="space.050">
          <Text weight="medium">{`On entering ${actionStateName(state)}`}</Text>
          {actions[state].map((action, index) => (
            <Text key={`${state}-${index}`}>{`${index + 1}. ${describeAction(action, nameOf)}`}</Text>
          ))}
        </Stack>
      ))}
    </Stack>
  );
}
