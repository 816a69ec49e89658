import type React from 'react';
import { Stack, Text } from '@forge/react';
import { type HistoryEntryView } from '../../shared/contract/common';
import { formatDateTime } from '../shared/dates';
import { useViewerLocale } from '../shared/use-viewer-locale';

/** One line of the page's history: what happened (with who), when, and the comment left with it. */
export function HistoryEntry({ entry }: { entry: HistoryEntryView }): React.JSX.Element {
  const locale = useViewerLocale();
  return (
    <Stack space="space.025">
      <Text>{entry.summary}</Text>
      {entry.comment !== undefined && <Text color="color.text.subtle">“{entry.comment}”</Text>}
      <Text size="small" color="color.text.subtlest">
        {formatDateTime(entry.at, locale)}
      </Text>
    </Stack>
  );
}
