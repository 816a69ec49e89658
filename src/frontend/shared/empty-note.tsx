import type React from 'react';
import { EmptyState, Stack, Text } from '@forge/react';

export interface EmptyNoteProps {
  /** What is missing, e.g. "No approval history yet". */
  header: string;
  /** What will make something appear here. */
  description: string;
  /**
   * Two quiet lines instead of ADS's illustrated empty state, for a section of a popup or
   * panel where the full empty state would outweigh the content around it.
   */
  compact?: boolean;
}

/** An empty list or section, saying what is missing and what will fill it. */
export function EmptyNote({ header, description, compact = false }: EmptyNoteProps): React.JSX.Element {
  if (!compact) return <EmptyState header={header} description={description} width="narrow" headingLevel={3} />;
  return (
    <Stack space="space.025">
      <Text weight="medium">{header}</Text>
      <Text color="color.text.subtle">{description}</Text>
    </Stack>
  );
}
