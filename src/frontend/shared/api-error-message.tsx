import type React from 'react';
import { Button, Inline, SectionMessage, Stack, Text } from '@forge/react';
import { type ErrorCode } from '../../shared/errors';
import { type ApiFailure } from './api';

/** A heading per code; the back end's message, written for the person, is the body. */
const TITLES: Record<ErrorCode, string> = {
  VALIDATION: 'Check what you entered',
  FORBIDDEN: "You can't do this",
  NOT_FOUND: 'Not found',
  CONFLICT: 'Someone else changed this at the same time',
  PRECONDITION: 'This no longer applies',
  RATE_LIMITED: 'Too many requests right now',
  INTERNAL: 'Something went wrong',
};

export interface ErrorAction {
  label: string;
  onClick: () => void | Promise<void>;
  isLoading?: boolean;
}

export interface ApiErrorMessageProps {
  error: ApiFailure;
  /** Overrides the title chosen by code, e.g. "Couldn't load the approval". */
  title?: string;
  /** Offered under the message (Reload, Try again). */
  actions?: readonly ErrorAction[];
}

/**
 * A refused or failed call, shown in place where it happened. Actions are Buttons in the body
 * rather than SectionMessage `actions`: element-valued props do not carry handlers reliably
 * across the UI Kit bridge, a Button child always does.
 */
export function ApiErrorMessage({ error, title, actions = [] }: ApiErrorMessageProps): React.JSX.Element {
  const appearance = error.code === 'VALIDATION' || error.code === 'RATE_LIMITED' ? 'warning' : 'error';
  return (
    <SectionMessage appearance={appearance} title={title ?? TITLES[error.code]}>
      <Stack space="space.100">
        <Text>{error.message}</Text>
        {actions.length > 0 && (
          <Inline space="space.100">
            {actions.map((action) => (
              <Button key={action.label} appearance="subtle" isDisabled={action.isLoading === true} onClick={() => action.onClick()}>
                {action.label}
              </Button>
            ))}
          </Inline>
        )}
      </Stack>
    </SectionMessage>
  );
}
