import type React from 'react';
import { SectionMessage, Stack, Text } from '@forge/react';
import { type ApiFailure } from '../shared/api';
import { ApiErrorMessage } from '../shared/api-error-message';
import { countOf, lowerFirst } from '../../shared/wording';
import { STATUS_LABELS } from '../../shared/status';
import { ACTION_STATES, type ActionState } from '../../shared/workflow';

interface Props {
  failure: ApiFailure;
  /** Loads the latest saved workflow into the editor (after someone else saved first). */
  onReload?: () => void;
}

const STEP_PATH = /^workflow\.steps\.(\d+)\./;
const ACTION_PATH = /^workflow\.actions\.(\w+)\.(\d+)(?:\.|$)/;

function isActionState(name: string): name is ActionState {
  return (ACTION_STATES as readonly string[]).includes(name);
}

/**
 * Read out of context, a message must say which step or action it is about. The back end's own
 * checks already do, in these words ("Step 2: …", "On Approved, action 1: …"); the contract's
 * field checks, run before sending, do not.
 */
function located(path: string, message: string): string {
  const action = ACTION_PATH.exec(path);
  if (action !== null && isActionState(action[1])) {
    return /^On [^,]+, action \d+:/.test(message) ? message : `On ${STATUS_LABELS[action[1]]}, action ${Number(action[2]) + 1}: ${lowerFirst(message)}`;
  }
  const step = STEP_PATH.exec(path);
  if (step === null || /^Step \d+:/.test(message)) return message;
  return `Step ${Number(step[1]) + 1}: ${lowerFirst(message)}`;
}

/**
 * Why saving did not work, above the form: every field problem in one list (each is also shown
 * under its field), the other person's change with a way to load it, or the back end's message.
 */
export function SaveFailure({ failure, onReload }: Props): React.JSX.Element {
  if (failure.code === 'VALIDATION') {
    const messages = [...new Set(Object.entries(failure.fields).map(([path, message]) => located(path, message)))];
    const shown = messages.length === 0 ? [failure.message] : messages;
    return (
      <SectionMessage appearance="error" title={`Fix ${countOf(shown.length, 'problem')} to save this workflow`}>
        <Stack space="space.050">
          {shown.map((message) => (
            <Text key={message}>{`• ${message}`}</Text>
          ))}
        </Stack>
      </SectionMessage>
    );
  }
  if (failure.code === 'CONFLICT' && onReload !== undefined) {
    return <ApiErrorMessage error={failure} title="This workflow changed since you opened it" actions={[{ label: 'Reload workflow', onClick: onReload }]} />;
  }
  return <ApiErrorMessage error={failure} title="The workflow was not saved" />;
}
