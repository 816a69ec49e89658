import type React from 'react';
import { ErrorMessage, HelperMessage, Stack } from '@forge/react';

interface Props {
  messages: readonly string[];
  /** Shown while the field has no error: what the field does, in one line. */
  helper?: string;
}

/** The line(s) under a field: its errors where it has any, otherwise its helper text. */
export function FieldMessages({ messages, helper }: Props): React.JSX.Element | null {
  if (messages.length === 0) return helper === undefined ? null : <HelperMessage>{helper}</HelperMessage>;
  return (
    <Stack space="space.050">
      {messages.map((message) => (
        <ErrorMessage key={message}>{message}</ErrorMessage>
      ))}
    </Stack>
  );
}
