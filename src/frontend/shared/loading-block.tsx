import type React from 'react';
import { Inline, Spinner, Text } from '@forge/react';

/** A screen or section waiting for its first answer. */
export function LoadingBlock({ label }: { label: string }): React.JSX.Element {
  return (
    <Inline space="space.100" alignBlock="center">
      <Spinner size="small" label={label} />
      <Text color="color.text.subtlest">{label}</Text>
    </Inline>
  );
}
