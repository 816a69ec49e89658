import type React from 'react';
import { useState } from 'react';
import { Button, Heading, LoadingButton, Stack } from '@forge/react';
import { ApiErrorMessage } from '../shared/api-error-message';
import { EmptyNote } from '../shared/empty-note';
import { HistoryEntry } from './history-entry';
import { historyToggleLabel } from './presentation';
import { type HistoryState } from './use-page-approval';

/**
 * The page's history, newest first, a page at a time. It starts collapsed behind a button that
 * says how many entries there are: Confluence sizes the byline popup smaller than a long history,
 * and overlay scrollbars do not show that a list goes on, so the status and actions come first.
 */
export function HistoryTimeline({ history }: { history: HistoryState }): React.JSX.Element {
  const [expanded, setExpanded] = useState(false);
  const empty = history.entries.length === 0;
  return (
    <Stack space="space.100">
      <Heading as="h3" size="xsmall">
        History
      </Heading>
      {empty && <EmptyNote compact header="No approval history yet" description="Submissions, decisions and status changes of this page will appear here." />}
      {!empty && !expanded && (
        <Stack alignInline="start">
          <Button appearance="subtle" onClick={() => setExpanded(true)}>
            {historyToggleLabel(history.entries.length, history.hasMore)}
          </Button>
        </Stack>
      )}
      {!empty && expanded && (
        <Stack space="space.150">
          {history.entries.map((entry) => (
            <HistoryEntry key={entry.id} entry={entry} />
          ))}
        </Stack>
      )}
      {history.error !== undefined && <ApiErrorMessage error={history.error} title="Couldn't load more history" />}
      {expanded && !empty && (
        <Stack alignInline="start" space="space.050">
          {history.hasMore && (
            <LoadingButton appearance="subtle" isLoading={history.loadingMore} onClick={() => history.showMore()}>
              Show more
            </LoadingButton>
          )}
          <Button appearance="subtle" onClick={() => setExpanded(false)}>
            Hide history
          </Button>
        </Stack>
      )}
    </Stack>
  );
}
